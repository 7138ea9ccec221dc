import type { BatchLimits } from './put-records-batcher.js';
import { isRecordTooLarge } from './put-records-batcher.js';
import type { TaxiTrip } from '../shared/producer-types.js';
import { recordBytes } from './record-size.js';
import type { RunTally } from './run-tally.js';

/** A record on its way to the stream; producers hold only the few in flight or waiting to be retried. */
export interface PendingRecord {
  /** Position in generation order; retries are kept sorted by it so they keep their relative order. */
  index: number;
  partitionKey: string;
  data: Uint8Array;
  /** Kinesis size: partition key + data. */
  bytes: number;
  /** Attempts made so far. */
  attempts: number;
  lastErrorCode?: string;
  lastErrorMessage?: string;
  /** An attempt got no answer (reset, timeout): the stream may hold that attempt's copy. */
  unanswered?: boolean;
}

export interface RecordFeedOptions {
  generator: () => TaxiTrip;
  partitionKey: (trip: TaxiTrip) => string;
  startedAt: number;
  /** Records to generate in all (rejected ones included). Unlimited when absent. */
  count?: number;
  /** Generate only while less than this much time has passed since `startedAt`. */
  durationMs?: number;
  /** New records per second at most. */
  rate?: number;
  limits: BatchLimits;
  tally: RunTally;
}

/**
 * Generates records on demand, never ahead of need, so memory stays flat however long the run.
 * The rate cap schedules record i (0-based) at `startedAt + i × 1000 / rate`; retries are not new
 * records and do not count against it.
 */
export interface RecordFeed {
  /** Up to `max` records due at `now`; too-large ones are reported as rejected and count as generated. */
  take(max: number, now: number): PendingRecord[];
  /** True once the count is reached or the duration is over. */
  exhausted(now: number): boolean;
  /** Why the feed ran dry, once it has. */
  stopReason(now: number): 'count' | 'duration' | undefined;
  /** Milliseconds until the next record is due (0 when one is due now), capped at the end of the duration. */
  msUntilNext(now: number): number;
}

const encoder = new TextEncoder();

export function createRecordFeed(options: RecordFeedOptions): RecordFeed {
  const { startedAt, count, durationMs, rate, limits, tally } = options;
  let generated = 0;

  const stopReason = (now: number): 'count' | 'duration' | undefined => {
    if (count !== undefined && generated >= count) return 'count';
    if (durationMs !== undefined && now - startedAt >= durationMs) return 'duration';
    return undefined;
  };
  const dueTotal = (now: number): number =>
    rate === undefined ? Number.POSITIVE_INFINITY : Math.floor(((now - startedAt) * rate) / 1000) + 1;

  return {
    take(max, now) {
      const taken: PendingRecord[] = [];
      let budget = Math.min(max, dueTotal(now) - generated);
      if (count !== undefined) budget = Math.min(budget, count - generated);
      if (stopReason(now) !== undefined) budget = 0;
      for (; budget > 0; budget -= 1) {
        const trip = options.generator();
        const partitionKey = options.partitionKey(trip);
        const data = encoder.encode(JSON.stringify(trip));
        const bytes = recordBytes(partitionKey, data);
        const index = generated;
        generated += 1;
        if (isRecordTooLarge(bytes, limits)) {
          tally.rejected(bytes, Math.min(limits.maxRecordBytes, limits.maxRequestBytes));
          continue;
        }
        taken.push({ index, partitionKey, data, bytes, attempts: 0 });
      }
      return taken;
    },
    exhausted: (now) => stopReason(now) !== undefined,
    stopReason,
    msUntilNext(now) {
      if (rate === undefined || dueTotal(now) > generated) return 0;
      const dueAt = startedAt + (generated * 1000) / rate;
      const until = durationMs === undefined ? dueAt : Math.min(dueAt, startedAt + durationMs);
      return Math.max(0, Math.ceil(until - now));
    },
  };
}
