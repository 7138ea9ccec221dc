import type { KinesisPort } from '../aws/kinesis-port.js';
import type { ProducerRun } from './producer-run.js';
import type { ProducerApi, ProducerEvent, ProducerSummary, TaxiTrip } from '../shared/producer-types.js';
import { runPutRecordProducer } from './put-record-producer.js';
import { runPutRecordsProducer } from './put-records-producer.js';
import { createRecordFeed } from './record-feed.js';
import { DEFAULT_MAX_RECORD_BYTES, MAX_RECORDS_PER_REQUEST, requestLimitFor } from './record-size.js';
import type { RetryPolicyOptions } from './retry-policy.js';
import { createRetryPolicy, sleepFor } from './retry-policy.js';
import { createRunTally } from './run-tally.js';
import { createTripGenerator } from './taxi-trip-generator.js';

/**
 * PutRecords requests in flight at once. Swept against the sandbox on a shared 2-core machine
 * (scripts/bench-producer --sweep, docs/benchmarks.md): 2 and 4 came out best in every sweep (one
 * quiet sweep: 1 → 10.7k, 2 → 7.0k, 4 → 14.3k, 8 → 13.9k, 16 → 13.5k records/s), 1 and 16 worst.
 * Past 4 the endpoint is saturated and more requests only add memory; on AWS, where each shard
 * takes 1,000 records/s, more concurrency mostly buys throttling.
 */
export const DEFAULT_PUT_RECORDS_CONCURRENCY = 4;

export interface ProducerOptions {
  port: KinesisPort;
  stream: string;
  api: ProducerApi;
  /** Records to generate, then stop (`stoppedBy: 'count'`). */
  count?: number;
  /** Generate for this long, then finish what is in flight (`stoppedBy: 'duration'`). */
  durationMs?: number;
  /** New records per second at most; retries do not count. Unlimited when absent. */
  rate?: number;
  /** Records per PutRecords request, 1–500. @default 500 */
  batchSize?: number;
  /** PutRecords requests in flight at once; PutRecord always sends one at a time. @default DEFAULT_PUT_RECORDS_CONCURRENCY */
  concurrency?: number;
  /**
   * The stream's record limit (`StreamSummary.maxRecordBytes`); also picks the request limit
   * (5 MiB, or 10 MiB above 1 MiB records). The producer does not describe the stream itself.
   * @default DEFAULT_MAX_RECORD_BYTES
   */
  maxRecordBytes?: number;
  /** Stops the run: in-flight requests finish and are counted, nothing new is sent. */
  signal?: AbortSignal;
  onEvent?: (event: ProducerEvent) => void;
  /** @default createTripGenerator() with a random seed */
  generator?: () => TaxiTrip;
  /** @default Date.now */
  clock?: () => number;
  /** Must return early when `signal` aborts. @default a setTimeout-based sleep */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source for the backoff. @default Math.random */
  random?: () => number;
  /** @default trip.tripId */
  partitionKey?: (trip: TaxiTrip) => string;
  /** Backoff tuning; `random` above wins over `retry.random`. */
  retry?: Omit<RetryPolicyOptions, 'random'>;
}

/** The summary, plus the error that ended the run when `stoppedBy` is `'error'` (kept for diagnosis). */
export interface ProducerResult extends ProducerSummary {
  error?: unknown;
}

/**
 * Runs a PutRecord or PutRecords producer until the count, the duration or the signal says stop,
 * or a non-retryable error ends it. Without count and duration it runs until the signal, like the
 * workshop's script runs until Ctrl+C. Never rejects for AWS errors: they end the run and are
 * returned in `error`; it rejects only on invalid options (RangeError).
 */
export async function runProducer(options: ProducerOptions): Promise<ProducerResult> {
  validate(options);
  const clock = options.clock ?? Date.now;
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const limits = {
    maxRecords: options.api === 'put-record' ? 1 : (options.batchSize ?? MAX_RECORDS_PER_REQUEST),
    maxRequestBytes: requestLimitFor(maxRecordBytes),
    maxRecordBytes,
  };
  const tally = createRunTally(options.api, clock, options.onEvent);
  const startedAt = clock();
  const run: ProducerRun = {
    port: options.port,
    stream: options.stream,
    tally,
    limits,
    policy: createRetryPolicy({ ...options.retry, ...(options.random ? { random: options.random } : {}) }),
    concurrency: options.api === 'put-record' ? 1 : (options.concurrency ?? DEFAULT_PUT_RECORDS_CONCURRENCY),
    clock,
    sleep: options.sleep ?? sleepFor,
    signal: options.signal,
    feed: createRecordFeed({
      generator: options.generator ?? createTripGenerator(),
      partitionKey: options.partitionKey ?? ((trip) => trip.tripId),
      startedAt,
      count: options.count,
      durationMs: options.durationMs,
      rate: options.rate,
      limits,
      tally,
    }),
  };
  const end = options.api === 'put-record' ? await runPutRecordProducer(run) : await runPutRecordsProducer(run);
  const summary = tally.summary(startedAt, clock(), end.stoppedBy);
  return end.stoppedBy === 'error' ? { ...summary, error: end.error } : summary;
}

function validate(options: ProducerOptions): void {
  const { count, durationMs, rate, batchSize, concurrency, maxRecordBytes } = options;
  // Checked at run time too: scripts and benchmarks pass options the compiler never saw.
  const api: string = options.api;
  if (api !== 'put-record' && api !== 'put-records') throw new RangeError(`unknown producer api: ${api}`);
  if (count !== undefined && !(Number.isInteger(count) && count >= 0)) throw new RangeError('count must be an integer >= 0');
  if (durationMs !== undefined && !(durationMs > 0)) throw new RangeError('durationMs must be > 0');
  if (rate !== undefined && !(rate > 0 && Number.isFinite(rate))) throw new RangeError('rate must be a number > 0');
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= MAX_RECORDS_PER_REQUEST)) {
    throw new RangeError(`batchSize must be an integer from 1 to ${MAX_RECORDS_PER_REQUEST}`);
  }
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) throw new RangeError('concurrency must be an integer >= 1');
  if (maxRecordBytes !== undefined && !(Number.isInteger(maxRecordBytes) && maxRecordBytes >= 1)) throw new RangeError('maxRecordBytes must be an integer >= 1');
}
