import type { Localized } from './lang.js';

/**
 * Where a text is read: `tui`, the full-screen lab, where keys act (d, c, f …); `cli`, a line in a
 * terminal or a script (plain output, `--json`), where only commands do.
 */
export type Surface = 'tui' | 'cli';

/** The wording for the surface the text is read on; the TUI's when nobody said. */
export function onSurface(surface: Surface | undefined, texts: Record<Surface, Localized>): Localized {
  return surface === 'cli' ? texts.cli : texts.tui;
}
