import type { PendingRecord } from './record-feed.js';
import type { ProducerRun, RunEnd } from './producer-run.js';
import { abandonedMessage } from './producer-run.js';
import { errorCodeOf, errorMessageOf, isRetryableError, isThrottleCode, isUnansweredError } from './retry-policy.js';

/**
 * The workshop's producer: one PutRecord call per record, one call at a time, so records reach
 * their shard in the order they were generated (a retried record is resent before the next one is
 * generated). A retryable error waits with backoff and tries again; once a record has used all its
 * attempts the run ends with `stoppedBy: 'error'`, as every later call would most likely fail alike.
 */
export async function runPutRecordProducer(run: ProducerRun): Promise<RunEnd> {
  const { feed, signal } = run;
  for (;;) {
    if (signal?.aborted) return { stoppedBy: 'signal' };
    const now = run.clock();
    const stopReason = feed.stopReason(now);
    if (stopReason) return { stoppedBy: stopReason };
    const [record] = feed.take(1, now);
    if (!record) {
      await run.sleep(feed.msUntilNext(now), signal);
      continue;
    }
    const end = await sendWithRetries(run, record);
    if (end) return end;
  }
}

/** Sends one record until it is acknowledged; returns how the run ends when it cannot be. */
async function sendWithRetries(run: ProducerRun, record: PendingRecord): Promise<RunEnd | undefined> {
  const { port, tally, policy, signal } = run;
  for (;;) {
    record.attempts += 1;
    try {
      const outcome = await port.putRecord(run.stream, { partitionKey: record.partitionKey, data: record.data });
      tally.request();
      tally.acknowledged(record, outcome);
      return undefined;
    } catch (error) {
      tally.request();
      if (isUnansweredError(error)) record.unanswered = true;
      const code = errorCodeOf(error);
      const message = errorMessageOf(error);
      // Stopped: the call was cut off on purpose (or failed while stopping); the run ends as stopped.
      if (signal?.aborted) {
        tally.failed(record, code, abandonedMessage('signal', message));
        return { stoppedBy: 'signal' };
      }
      if (isThrottleCode(code)) tally.throttled(1);
      if (!isRetryableError(error) || record.attempts >= policy.maxAttempts) {
        tally.failed(record, code, message);
        return { stoppedBy: 'error', error };
      }
      const delayMs = policy.delayMs(record.attempts, isThrottleCode(code));
      tally.retrying(1, code, delayMs);
      await run.sleep(delayMs, signal);
      if (signal?.aborted) {
        tally.failed(record, code, abandonedMessage('signal', message));
        return { stoppedBy: 'signal' };
      }
      tally.resent(1);
    }
  }
}
