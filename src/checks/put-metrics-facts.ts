import type { StreamMetrics } from '../aws/stream-metrics-reader.js';
import { runsFor, type ProducerRun, type SessionLedger, type StreamIdentity } from '../engine/session-ledger.js';

const MINUTE_MS = 60_000;

/** What this session's producers sent to one stream since a moment, by API. */
export interface SessionPuts {
  runs: ProducerRun[];
  putRecord: number;
  putRecords: number;
  /** When the first run started and the last one ended (ms); absent without runs. */
  firstAt?: number;
  lastAt?: number;
}

/**
 * What this session sent since `since` to the stream `where` names as it is now (records sent to an
 * older stream of that name do not count). When step 4's "do it for me" sent a sample, counting starts
 * with the latest sample: earlier records CloudWatch may never show (a sandbox restarted before they
 * were counted) cannot hold the step back once a fresh sample was sent.
 */
export function sessionPuts(ledger: SessionLedger, where: StreamIdentity, since: number): SessionPuts {
  const recent = runsFor(ledger, where).filter((r) => r.sent > 0 && r.endedAt >= since);
  const samples = recent.filter((r) => r.purpose === 'metrics-sample');
  const firstOfSample = samples.filter((r) => r.api === 'put-record').at(-1) ?? samples.at(-1);
  const runs = firstOfSample ? recent.filter((r) => r.startedAt >= firstOfSample.startedAt) : recent;
  const sum = (api: ProducerRun['api']) => runs.filter((r) => r.api === api).reduce((n, r) => n + r.sent, 0);
  return {
    runs,
    putRecord: sum('put-record'),
    putRecords: sum('put-records'),
    ...(runs.length > 0 ? { firstAt: Math.min(...runs.map((r) => r.startedAt)), lastAt: Math.max(...runs.map((r) => r.endedAt)) } : {}),
  };
}

/** CloudWatch's totals over a read, the numbers the check and the panel quote. */
export interface CountedPuts {
  /** PutRecord.Success, Sum: one per successful PutRecord call, so one per record. */
  putRecord: number;
  /** PutRecords.SuccessfulRecords, Sum. */
  putRecords: number;
  incoming: number;
  failed: number;
  throttled: number;
  exceeded: number;
  /** Start of the newest minute with any put data point (ms); absent when there is none. */
  newestMinute?: number;
  /** False when some metric came back PartialData, InternalError or Forbidden. */
  complete: boolean;
}

export function countedPuts(metrics: StreamMetrics): CountedPuts {
  const total = (name: keyof StreamMetrics['series']) => metrics.series[name].values.reduce((a, b) => a + b, 0);
  const minutes = (['PutRecord.Success', 'PutRecords.TotalRecords', 'IncomingRecords'] as const).flatMap((name) => metrics.series[name].timestamps.map((t) => t.getTime()));
  return {
    putRecord: total('PutRecord.Success'),
    putRecords: total('PutRecords.SuccessfulRecords'),
    incoming: total('IncomingRecords'),
    failed: total('PutRecords.FailedRecords'),
    throttled: total('PutRecords.ThrottledRecords'),
    exceeded: total('WriteProvisionedThroughputExceeded'),
    ...(minutes.length > 0 ? { newestMinute: Math.max(...minutes) } : {}),
    complete: metrics.complete,
  };
}

/** Start of the minute holding `at`. */
export function minuteOf(at: number): number {
  return Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

/**
 * The runs' records spread over the minutes they ran in, by API. The ledger keeps a run's start, end
 * and total only, so a run crossing a minute boundary is split in proportion to its time in each
 * minute: an estimate, exact for runs inside one minute.
 */
export function sentPerMinute(runs: readonly ProducerRun[]): Map<number, { putRecord: number; putRecords: number }> {
  const out = new Map<number, { putRecord: number; putRecords: number }>();
  for (const run of runs) {
    const span = Math.max(1, run.endedAt - run.startedAt);
    let assigned = 0;
    const first = minuteOf(run.startedAt);
    const last = minuteOf(run.endedAt);
    for (let minute = first; minute <= last; minute += MINUTE_MS) {
      const overlap = Math.min(run.endedAt, minute + MINUTE_MS) - Math.max(run.startedAt, minute);
      // The last minute takes the remainder, so the split always adds up to what was sent.
      const share = minute === last ? run.sent - assigned : Math.round((run.sent * Math.max(0, overlap)) / span);
      assigned += share;
      const entry = out.get(minute) ?? { putRecord: 0, putRecords: 0 };
      if (run.api === 'put-record') entry.putRecord += share;
      else entry.putRecords += share;
      out.set(minute, entry);
    }
  }
  return out;
}

/** The stream's creation time comes from the service's clock: a minute of slack for the learner's. */
const CLOCK_SLACK_MS = MINUTE_MS;

/**
 * Where counting starts: `lookbackMs` ago, but never before the stream there now was created (less a
 * minute for clock skew). CloudWatch keys metrics by stream name, so an older stream of the same name
 * must not count.
 */
export function countFrom(now: number, lookbackMs: number, createdAt: number | undefined): number {
  return Math.max(now - lookbackMs, createdAt === undefined ? 0 : createdAt - CLOCK_SLACK_MS);
}

/** Past this time, CloudWatch not showing records sent until `lastAt` no longer means "still on the way". */
export function giveUpAt(lastAt: number, giveUpAfterMs: number): number {
  return minuteOf(lastAt) + MINUTE_MS + giveUpAfterMs;
}

/** When the minute holding `lastAt` should be readable, given the delay after a minute ends. */
export function expectedVisibleAt(lastAt: number, afterMinuteMs: number): number {
  return minuteOf(lastAt) + MINUTE_MS + afterMinuteMs;
}
