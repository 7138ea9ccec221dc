import { nextBatchLength } from './put-records-batcher.js';
import { PutRecordsRequests } from './put-records-requests.js';
import type { ProducerRun, RunEnd } from './producer-run.js';
import { isThrottleCode } from './retry-policy.js';

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
  const { feed, limits, signal, clock } = run;
  const requests = new PutRecordsRequests(run);
  for (;;) {
    if (requests.stopping()) break;
    if (requests.retries.length > 0) {
      if (!(await sendRetryRound(run, requests))) break;
      continue;
    }
    if (requests.inFlight.size < run.concurrency) {
      requests.fill(limits.maxRecords);
      if (requests.lookahead.length > 0) {
        requests.launch(requests.lookahead.splice(0, nextBatchLength(requests.lookahead, limits)));
        continue;
      }
    }
    if (requests.inFlight.size > 0) {
      await Promise.race(requests.inFlight);
      continue;
    }
    const now = clock();
    if (feed.exhausted(now)) break;
    await run.sleep(feed.msUntilNext(now), signal);
  }
  return requests.finish();
}

/**
 * One retry round: lets the requests in flight finish, waits the backoff, then sends one request
 * led by the queued retries. False when the run stopped meanwhile.
 */
async function sendRetryRound(run: ProducerRun, requests: PutRecordsRequests): Promise<boolean> {
  const { tally, policy, limits, signal } = run;
  const retries = requests.retries;
  await Promise.all(requests.inFlight);
  if (requests.stopping()) return false;
  const retrying = nextBatchLength(retries, limits);
  const head = retries.slice(0, retrying);
  const delayMs = policy.delayMs(Math.max(...head.map((record) => record.attempts)), head.some((record) => isThrottleCode(record.lastErrorCode ?? '')));
  tally.retrying(retrying, head[0]?.lastErrorCode ?? 'UnknownError', delayMs);
  await run.sleep(delayMs, signal);
  if (signal?.aborted) return false;
  retries.splice(0, retrying);
  tally.resent(retrying);
  // New records may share the request only behind every queued retry.
  let candidates = head;
  if (retries.length === 0) {
    requests.fill(limits.maxRecords - retrying);
    candidates = [...head, ...requests.lookahead];
  }
  const length = nextBatchLength(candidates, limits);
  if (retries.length === 0) requests.lookahead = candidates.slice(length);
  await requests.send(candidates.slice(0, length));
  return true;
}
