import type { Localized } from '../i18n/lang.js';

/** A rejected input: what the learner typed and, in both languages, which rule it breaks. */
export interface ValidationFailure {
  ok: false;
  /** Names the bad input and the rule, e.g. `Stream name "my stream" has a space; …`. */
  message: Localized;
  /** The input exactly as given, for highlighting or logs. */
  input: string;
}

/** What every validator returns: the parsed value, or a message that points at the bad input. */
export type Validation<T> = { ok: true; value: T } | ValidationFailure;

export function valid<T>(value: T): Validation<T> {
  return { ok: true, value };
}

export function invalid(input: string, message: Localized): ValidationFailure {
  return { ok: false, message, input };
}

/** Longest input shown inside a message; longer ones are cut with `…` so one line stays readable. */
const MAX_SHOWN = 40;

/**
 * An input as it appears inside a message: in double quotes, control characters made visible
 * (`\n`, `\t`), and cut to 40 characters so a pasted paragraph does not flood the terminal.
 */
export function quoted(input: string): string {
  let visible = '';
  for (const c of input) visible += visibleChar(c);
  const shown = visible.length > MAX_SHOWN ? `${visible.slice(0, MAX_SHOWN - 1)}…` : visible;
  return `"${shown}"`;
}

const NAMED_CONTROLS: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function visibleChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x20 && code !== 0x7f) return c;
  return NAMED_CONTROLS[c] ?? `\\u${code.toString(16).padStart(4, '0')}`;
}
