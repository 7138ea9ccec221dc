import type { ProducerApi, ProducerSummary } from '../producer/producer-types.js';

/**
 * What this learner's runner sent, kept in the progress file so checks can find the records again
 * after a restart and the metrics step can compare CloudWatch with what was really sent.
 */
export interface ProducerRun {
  api: ProducerApi;
  stream: string;
  region: string;
  startedAt: number;
  endedAt: number;
  sent: number;
  failed: number;
  retried: number;
  bytes: number;
  recordsPerSecond: number;
  /** A few acknowledged records, enough to look them up by sequence number. */
  samples: { shardId: string; sequenceNumber: string }[];
}

export interface SessionLedger {
  runs: ProducerRun[];
  /**
   * What the learner chose in a step panel's form, by step id (step 5: the pipe's starting position,
   * batching and filter). The runner merges a step's choices over its lab.json params when it runs
   * the step's action and check, so "do it for me", the check and a resumed lab all see them.
   */
  choices?: Record<string, Record<string, unknown>>;
  /**
   * Resource names a step uses instead of its defaults, by step id (step 5: `pipeName`, `roleName`,
   * `targetStream`, `logGroup`), because a same-name resource that is not this learner's was found.
   * Kept apart from `choices`, which a panel's form replaces whole.
   */
  names?: Record<string, Record<string, string>>;
}

/** Older runs beyond this are dropped: the ledger is evidence, not a log. */
export const MAX_LEDGER_RUNS = 50;

/** The ledger's view of a finished producer run: its counts and samples, tied to stream and region. */
export function runFromSummary(summary: ProducerSummary, stream: string, region: string): ProducerRun {
  const { api, startedAt, endedAt, sent, failed, retried, bytes, recordsPerSecond, samples } = summary;
  return { api, stream, region, startedAt, endedAt, sent, failed, retried, bytes, recordsPerSecond, samples };
}

export function emptyLedger(): SessionLedger {
  return { runs: [] };
}

export function recordRun(ledger: SessionLedger, run: ProducerRun): SessionLedger {
  return { ...ledger, runs: [...ledger.runs, run].slice(-MAX_LEDGER_RUNS) };
}

/** Replaces a step's choices. */
export function recordChoices(ledger: SessionLedger, step: string, values: Record<string, unknown>): SessionLedger {
  return { ...ledger, choices: { ...ledger.choices, [step]: { ...values } } };
}

/** Adds to a step's own resource names (see `SessionLedger.names`). */
export function recordNames(ledger: SessionLedger, step: string, names: Record<string, string>): SessionLedger {
  return { ...ledger, names: { ...ledger.names, [step]: { ...ledger.names?.[step], ...names } } };
}

/** A step's lab.json params with the learner's choices, then the step's own resource names, merged over them. */
export function paramsWithChoices(ledger: SessionLedger, step: string, params: Record<string, unknown>): Record<string, unknown> {
  const chosen = ledger.choices?.[step];
  const names = ledger.names?.[step];
  return chosen || names ? { ...params, ...chosen, ...names } : params;
}

/** Runs for one stream in one region, optionally of one API. */
export function runsFor(ledger: SessionLedger, stream: string, region: string, api?: ProducerApi): ProducerRun[] {
  return ledger.runs.filter((r) => r.stream === stream && r.region === region && (api === undefined || r.api === api));
}

/** Best records/s measured per API for a stream, for the side-by-side comparison. */
export function bestRate(ledger: SessionLedger, stream: string, region: string, api: ProducerApi): number | undefined {
  const rates = runsFor(ledger, stream, region, api).filter((r) => r.sent > 0).map((r) => r.recordsPerSecond);
  return rates.length === 0 ? undefined : Math.max(...rates);
}
