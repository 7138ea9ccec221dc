/**
 * The check kinds a lab.json may name. A module of names only, so the lab loader can validate a lab
 * without loading the checks (and the SDK clients behind them); check-registry.ts maps each kind to its
 * function, and the compiler holds the two lists equal.
 */
export const CHECK_KIND_NAMES = ['stream-active', 'records-in-stream', 'put-records-landed', 'put-metrics-visible', 'pipe-delivering'] as const;
export type CheckKind = (typeof CHECK_KIND_NAMES)[number];
export const CHECK_KINDS: ReadonlySet<string> = new Set(CHECK_KIND_NAMES);
