/**
 * The panel kinds a lab.json step may name. Names only, so the lab loader validates a lab without
 * loading Ink; panel-registry.ts maps each to its component, and the compiler holds them equal.
 */
export const PANEL_KIND_NAMES = ['metrics', 'pipe'] as const;
export type PanelKind = (typeof PANEL_KIND_NAMES)[number];
export const PANEL_KINDS: ReadonlySet<string> = new Set(PANEL_KIND_NAMES);
