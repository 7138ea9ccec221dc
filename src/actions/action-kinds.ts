/**
 * The "do it for me" kinds a lab.json may name. Names only, so the lab loader validates a lab without
 * loading the actions; action-registry.ts maps each to its function, and the compiler holds them equal.
 */
export const ACTION_KIND_NAMES = ['create-stream', 'produce', 'metrics-sample', 'create-pipe'] as const;
export type ActionKind = (typeof ACTION_KIND_NAMES)[number];
export const ACTION_KINDS: ReadonlySet<string> = new Set(ACTION_KIND_NAMES);
