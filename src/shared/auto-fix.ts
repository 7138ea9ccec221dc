/**
 * A fix the runner can apply with one key, where that is safe: a diagnosis offers it, the engine's
 * `fix-requested` event carries it, and the catalogs say what pressing f would do.
 */
export type AutoFix =
  | { type: 'switch-region'; region: string }
  | { type: 'switch-stream'; stream: string }
  | { type: 'wait-and-retry'; delayMs: number }
  | { type: 'create-stream'; stream: string }
  /**
   * Run the step's action again with these resource names (step params such as `roleName`, `pipeName`)
   * in place of ones taken by resources that are not this learner's, then check it.
   */
  | { type: 'use-names'; names: Record<string, string> }
  /** UpdateShardCount from `from` to `to` open shards, wait for ACTIVE, then run the step's producer again. */
  | { type: 'add-shards'; stream: string; from: number; to: number };
