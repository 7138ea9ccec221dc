import type { KinesisPort } from '../aws/kinesis-port.js';
import type { BatchLimits } from './put-records-batcher.js';
import type { RecordFeed } from './record-feed.js';
import type { RetryPolicy } from './retry-policy.js';
import type { RunTally } from './run-tally.js';

/** Everything a producer loop needs, resolved from the caller's options by `runProducer`. */
export interface ProducerRun {
  port: KinesisPort;
  stream: string;
  feed: RecordFeed;
  tally: RunTally;
  policy: RetryPolicy;
  limits: BatchLimits;
  /** PutRecords requests in flight at once; PutRecord always sends one call at a time. */
  concurrency: number;
  clock: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
}

/** How a producer loop ended; `runProducer` turns it into the summary's `stoppedBy`. */
export type RunEnd =
  | { stoppedBy: 'count' | 'duration' | 'signal' }
  | { stoppedBy: 'error'; error: unknown };

/** Message of `record-failed` for a record that was waiting for a retry when the run stopped. */
export function abandonedMessage(reason: 'signal' | 'error', lastMessage: string | undefined): string {
  const why = reason === 'signal' ? 'the run was stopped' : 'the run ended on an error';
  return lastMessage ? `${lastMessage} (not retried: ${why})` : `not retried: ${why}`;
}
