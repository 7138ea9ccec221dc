import type { ProducerApi, ProducerSummary } from '../shared/producer-types.js';

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
  /**
   * The stream as it was when the records went to it (see `StreamIdentity`): its ARN (the account is
   * in it), its creation time (ms) and the world (progress-world.ts). Absent in runs saved by older
   * versions, which are then told apart by their time alone.
   */
  streamArn?: string;
  streamCreatedAt?: number;
  world?: string;
  /** Set on the runs step 4's "do it for me" sends: the metrics check counts from the latest such sample. */
  purpose?: 'metrics-sample';
}

/**
 * Which stream records went to, beyond its name: a stream deleted and created again under the same
 * name, or the same name on another endpoint or in a wiped sandbox, is another stream, and records
 * sent to the old one are not in it.
 */
export interface StreamIdentity {
  stream: string;
  region: string;
  arn?: string;
  /** StreamCreationTimestamp, ms. */
  createdAt?: number;
  world?: string;
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

/** The ledger's view of a finished producer run: its counts and samples, tied to the stream they went to. */
export function runFromSummary(summary: ProducerSummary, where: StreamIdentity): ProducerRun {
  const { api, startedAt, endedAt, sent, failed, retried, bytes, recordsPerSecond, samples } = summary;
  return {
    api,
    stream: where.stream,
    region: where.region,
    startedAt,
    endedAt,
    sent,
    failed,
    retried,
    bytes,
    recordsPerSecond,
    samples,
    ...(where.arn !== undefined ? { streamArn: where.arn } : {}),
    ...(where.createdAt !== undefined ? { streamCreatedAt: where.createdAt } : {}),
    ...(where.world !== undefined ? { world: where.world } : {}),
  };
}

/** Runs saved before runs carried their stream's identity count if they began after it was created, give or take this much clock skew. */
const LEGACY_SKEW_MS = 5_000;

/** True when the run's records went to the stream `where` names, as it exists now (not an older stream of that name). */
export function sentTo(run: ProducerRun, where: StreamIdentity): boolean {
  if (run.stream !== where.stream || run.region !== where.region) return false;
  if (run.world !== undefined && where.world !== undefined && run.world !== where.world) return false;
  if (run.streamArn !== undefined && where.arn !== undefined && run.streamArn !== where.arn) return false;
  if (where.createdAt === undefined) return true;
  if (run.streamCreatedAt !== undefined) return run.streamCreatedAt === where.createdAt;
  return run.startedAt >= where.createdAt - LEGACY_SKEW_MS;
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

/** Runs that went to the stream as it exists now, optionally of one API. */
export function runsFor(ledger: SessionLedger, where: StreamIdentity, api?: ProducerApi): ProducerRun[] {
  return ledger.runs.filter((r) => sentTo(r, where) && (api === undefined || r.api === api));
}

/** Runs that went to an older stream of this name (deleted since, on a wiped sandbox): they no longer count. */
export function staleRunsFor(ledger: SessionLedger, where: StreamIdentity): ProducerRun[] {
  return ledger.runs.filter((r) => r.stream === where.stream && r.region === where.region && r.sent > 0 && !sentTo(r, where));
}

/** Best records/s measured per API for a stream, for the side-by-side comparison. */
export function bestRate(ledger: SessionLedger, where: StreamIdentity, api: ProducerApi): number | undefined {
  const rates = runsFor(ledger, where, api).filter((r) => r.sent > 0).map((r) => r.recordsPerSecond);
  return rates.length === 0 ? undefined : Math.max(...rates);
}
