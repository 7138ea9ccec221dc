import type { PutRecordsOutcome } from '../aws/kinesis-port.js';
import { nextBatchLength } from './put-records-batcher.js';
import type { PendingRecord } from './record-feed.js';
import type { ProducerRun, RunEnd } from './producer-run.js';
import { abandonedMessage } from './producer-run.js';
import { errorCodeOf, errorMessageOf, isRetryableCode, isRetryableError, isThrottleCode, isUnansweredError } from './retry-policy.js';

/**
 * PutRecords producer: packs records into requests (≤ batch size, ≤ request bytes) and keeps up to
 * `concurrency` requests in flight.
 *
 * Partial failures. When a response has `FailedRecordCount > 0`, only the failed entries are sent
 * again. The producer then enters a retry round: it starts no new request, lets the requests in flight
 * finish (their failures join the retry queue), waits the backoff, and sends one request that starts
 * with the retry queue in generation order and is topped up with new records only when every queued
 * retry fits; it waits for that request before starting any other. A record is given up on after
 * `maxAttempts` attempts (`record-failed`, counted in `failed`). A retryable error on a whole request
 * (throttled call, 5xx, connection reset) retries all its records the same way; `maxAttempts` such
 * failed requests in a row end the run (`stoppedBy: 'error'`), as the endpoint is then most likely down.
 * A non-retryable error (missing stream, access denied, bad credentials …) ends the run at once.
 *
 * Order guarantee per partition key. A retried record keeps its place among other retried records and
 * goes before every record first sent after its failure was seen, so no record dispatched later can
 * overtake it. Not covered, and not fixable by the producer: records of the same key that were already
 * in flight in another request when the failure was seen, and records of the same key later in the very
 * request where it failed (Kinesis handles each entry separately, so entry 7 may succeed where entry 3
 * failed); both may reach the shard first. Strict per-key order needs PutRecord, or concurrency 1 and
 * at most one record per key per request. With the default key (each trip's own id) no key repeats, so
 * no reordering can be seen.
 *
 * Stopping. On the signal no new request starts and no retry is sent; requests already in flight are
 * awaited, because the port cannot cancel them and abandoning them would leave records in the stream
 * that the summary does not count. Records that were waiting for a retry are reported as
 * `record-failed`. Records generated but never sent (at most a request's worth that did not fit the
 * last request by bytes) are reported as `record-failed` with code `NotSent`: the stream never saw them.
 *
 * Unanswered calls. A request that got no answer (reset, timeout) may have been written; its records are
 * marked, and counted in `possibleDuplicates` when a retry is acknowledged, or in `uncertain` when they fail.
 */
export async function runPutRecordsProducer(run: ProducerRun): Promise<RunEnd> {
  const { feed, tally, policy, limits, signal, clock } = run;
  const inFlight = new Set<Promise<void>>();
  /** Records to resend, sorted by generation index. */
  const retries: PendingRecord[] = [];
  /** Generated, not yet sent: what did not fit the last request. */
  let lookahead: PendingRecord[] = [];
  let fatal: { error: unknown } | undefined;
  /** Requests that failed whole, one after the other; any response resets it. */
  let failedRequestsInARow = 0;

  const queueRetry = (record: PendingRecord): void => {
    // Binary search: requests finish out of order, retries must not.
    let low = 0;
    let high = retries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (retries[middle]!.index < record.index) low = middle + 1;
      else high = middle;
    }
    retries.splice(low, 0, record);
  };

  const entryFailed = (record: PendingRecord, code: string, message: string): void => {
    record.lastErrorCode = code;
    record.lastErrorMessage = message;
    if (isRetryableCode(code, message) && record.attempts < policy.maxAttempts) queueRetry(record);
    else tally.failed(record, code, message);
  };

  const requestFailed = (batch: PendingRecord[], error: unknown): void => {
    const code = errorCodeOf(error);
    const message = errorMessageOf(error);
    if (isThrottleCode(code)) tally.throttled(batch.length);
    const unanswered = isUnansweredError(error);
    // Stopped: the call was cut off on purpose (or failed while stopping); nothing is retried.
    if (signal?.aborted) {
      for (const record of batch) {
        if (unanswered) record.unanswered = true;
        tally.failed(record, code, abandonedMessage('signal', message));
      }
      return;
    }
    failedRequestsInARow += 1;
    // Not retryable, or every request of the last maxAttempts failed whole: later ones would fail alike.
    if (!isRetryableError(error) || failedRequestsInARow >= policy.maxAttempts) fatal ??= { error };
    for (const record of batch) {
      if (unanswered) record.unanswered = true;
      record.lastErrorCode = code;
      record.lastErrorMessage = message;
      if (!fatal && record.attempts < policy.maxAttempts) queueRetry(record);
      else tally.failed(record, code, message);
    }
  };

  const acknowledge = (batch: PendingRecord[], outcome: PutRecordsOutcome): void => {
    const failed = batch.filter((_, i) => !isAcknowledged(outcome.records[i])).length;
    const bytes = batch.reduce((sum, record) => sum + record.bytes, 0);
    tally.batchSent({ records: batch.length, failed, bytes, requestId: outcome.requestId, httpStatus: outcome.httpStatus });
    const throttled = outcome.records.filter((result) => result.errorCode !== undefined && isThrottleCode(result.errorCode)).length;
    if (throttled > 0) tally.throttled(throttled);
    batch.forEach((record, i) => {
      const result = outcome.records[i];
      if (isAcknowledged(result)) {
        tally.acknowledged(record, { shardId: result.shardId, sequenceNumber: result.sequenceNumber, requestId: outcome.requestId, httpStatus: outcome.httpStatus });
      } else {
        entryFailed(
          record,
          result?.errorCode ?? 'MissingResult',
          result?.errorMessage ?? 'the PutRecords response had no result for this record',
        );
      }
    });
  };

  const send = async (batch: PendingRecord[]): Promise<void> => {
    for (const record of batch) record.attempts += 1;
    let outcome: PutRecordsOutcome;
    try {
      outcome = await run.port.putRecords(
        run.stream,
        batch.map((record) => ({ partitionKey: record.partitionKey, data: record.data })),
      );
    } catch (error) {
      tally.request();
      requestFailed(batch, error);
      return;
    }
    tally.request();
    failedRequestsInARow = 0;
    acknowledge(batch, outcome);
  };

  const launch = (batch: PendingRecord[]): void => {
    const request: Promise<void> = send(batch).finally(() => inFlight.delete(request));
    inFlight.add(request);
  };

  /** Tops the lookahead up to `size` records with those due now. */
  const fill = (size: number): void => {
    if (lookahead.length < size) lookahead.push(...feed.take(size - lookahead.length, clock()));
  };

  // Read through a function: `fatal` is set by requests that finish while this loop awaits.
  const stopping = (): boolean => fatal !== undefined || signal?.aborted === true;
  for (;;) {
    if (stopping()) break;

    if (retries.length > 0) {
      await Promise.all(inFlight);
      if (stopping()) break;
      const retrying = nextBatchLength(retries, limits);
      const head = retries.slice(0, retrying);
      const delayMs = policy.delayMs(Math.max(...head.map((record) => record.attempts)), head.some((record) => isThrottleCode(record.lastErrorCode ?? '')));
      tally.retrying(retrying, head[0]?.lastErrorCode ?? 'UnknownError', delayMs);
      await run.sleep(delayMs, signal);
      if (signal?.aborted) break;
      retries.splice(0, retrying);
      tally.resent(retrying);
      // New records may share the request only behind every queued retry.
      let candidates = head;
      if (retries.length === 0) {
        fill(limits.maxRecords - retrying);
        candidates = [...head, ...lookahead];
      }
      const length = nextBatchLength(candidates, limits);
      if (retries.length === 0) lookahead = candidates.slice(length);
      await send(candidates.slice(0, length));
      continue;
    }

    if (inFlight.size < run.concurrency) {
      fill(limits.maxRecords);
      if (lookahead.length > 0) {
        launch(lookahead.splice(0, nextBatchLength(lookahead, limits)));
        continue;
      }
    }
    if (inFlight.size > 0) {
      await Promise.race(inFlight);
      continue;
    }
    const now = clock();
    if (feed.exhausted(now)) break;
    await run.sleep(feed.msUntilNext(now), signal);
  }

  // Deterministic end: whatever is in flight finishes and is counted.
  await Promise.all(inFlight);
  const reason = fatal ? 'error' : 'signal';
  for (const record of retries) {
    tally.failed(record, record.lastErrorCode ?? 'UnknownError', abandonedMessage(reason, record.lastErrorMessage));
  }
  // Generated but never sent: the stream never saw them, yet the learner is told, so none goes unaccounted.
  for (const record of lookahead) tally.failed(record, 'NotSent', abandonedMessage(reason, undefined));
  if (fatal) return { stoppedBy: 'error', error: fatal.error };
  if (signal?.aborted) return { stoppedBy: 'signal' };
  return { stoppedBy: feed.stopReason(clock()) ?? 'count' };
}

function isAcknowledged(
  result: { shardId?: string; sequenceNumber?: string; errorCode?: string } | undefined,
): result is { shardId: string; sequenceNumber: string } {
  return result !== undefined && !result.errorCode && !!result.shardId && !!result.sequenceNumber;
}
