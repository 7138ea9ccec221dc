/**
 * The PutRecords producer's requests and what their answers do: which records wait for a retry
 * (in generation order), which are counted as failed, and when a run must end. The loop that
 * decides when to send lives in put-records-producer.ts, with the guarantees it keeps.
 */
import type { PutRecordsOutcome } from '../aws/kinesis-port.js';
import type { PendingRecord } from './record-feed.js';
import type { ProducerRun, RunEnd } from './producer-run.js';
import { abandonedMessage } from './producer-run.js';
import { errorCodeOf, errorMessageOf, isRetryableCode, isRetryableError, isThrottleCode, isUnansweredError } from './retry-policy.js';

export class PutRecordsRequests {
  readonly inFlight = new Set<Promise<void>>();
  /** Records to resend, sorted by generation index. */
  readonly retries: PendingRecord[] = [];
  /** Generated, not yet sent: what did not fit the last request. */
  lookahead: PendingRecord[] = [];
  private fatal: { error: unknown } | undefined;
  /** Requests that failed whole, one after the other; any response resets it. */
  private failedRequestsInARow = 0;

  constructor(private readonly run: ProducerRun) {}

  /** Read through a method: `fatal` is set by requests that finish while the loop awaits. */
  stopping(): boolean {
    return this.fatal !== undefined || this.run.signal?.aborted === true;
  }

  /** Tops the lookahead up to `size` records with those due now. */
  fill(size: number): void {
    if (this.lookahead.length < size) this.lookahead.push(...this.run.feed.take(size - this.lookahead.length, this.run.clock()));
  }

  launch(batch: PendingRecord[]): void {
    const request: Promise<void> = this.send(batch).finally(() => this.inFlight.delete(request));
    this.inFlight.add(request);
  }

  async send(batch: PendingRecord[]): Promise<void> {
    for (const record of batch) record.attempts += 1;
    let outcome: PutRecordsOutcome;
    try {
      outcome = await this.run.port.putRecords(
        this.run.stream,
        batch.map((record) => ({ partitionKey: record.partitionKey, data: record.data })),
      );
    } catch (error) {
      this.run.tally.request();
      this.requestFailed(batch, error);
      return;
    }
    this.run.tally.request();
    this.failedRequestsInARow = 0;
    this.acknowledge(batch, outcome);
  }

  /** Deterministic end: whatever is in flight finishes and is counted; every record left over is reported. */
  async finish(): Promise<RunEnd> {
    const { tally, signal, feed, clock } = this.run;
    await Promise.all(this.inFlight);
    const reason = this.fatal ? 'error' : 'signal';
    for (const record of this.retries) {
      tally.failed(record, record.lastErrorCode ?? 'UnknownError', abandonedMessage(reason, record.lastErrorMessage));
    }
    // Generated but never sent: the stream never saw them, yet the learner is told, so none goes unaccounted.
    for (const record of this.lookahead) tally.failed(record, 'NotSent', abandonedMessage(reason, undefined));
    if (this.fatal) return { stoppedBy: 'error', error: this.fatal.error };
    if (signal?.aborted) return { stoppedBy: 'signal' };
    return { stoppedBy: feed.stopReason(clock()) ?? 'count' };
  }

  private queueRetry(record: PendingRecord): void {
    // Binary search: requests finish out of order, retries must not.
    let low = 0;
    let high = this.retries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.retries[middle]!.index < record.index) low = middle + 1;
      else high = middle;
    }
    this.retries.splice(low, 0, record);
  }

  private entryFailed(record: PendingRecord, code: string, message: string): void {
    record.lastErrorCode = code;
    record.lastErrorMessage = message;
    if (isRetryableCode(code, message) && record.attempts < this.run.policy.maxAttempts) this.queueRetry(record);
    else this.run.tally.failed(record, code, message);
  }

  private requestFailed(batch: PendingRecord[], error: unknown): void {
    const { tally, policy, signal } = this.run;
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
    this.failedRequestsInARow += 1;
    // Not retryable, or every request of the last maxAttempts failed whole: later ones would fail alike.
    if (!isRetryableError(error) || this.failedRequestsInARow >= policy.maxAttempts) this.fatal ??= { error };
    for (const record of batch) {
      if (unanswered) record.unanswered = true;
      record.lastErrorCode = code;
      record.lastErrorMessage = message;
      if (!this.fatal && record.attempts < policy.maxAttempts) this.queueRetry(record);
      else tally.failed(record, code, message);
    }
  }

  private acknowledge(batch: PendingRecord[], outcome: PutRecordsOutcome): void {
    const { tally } = this.run;
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
        this.entryFailed(
          record,
          result?.errorCode ?? 'MissingResult',
          result?.errorMessage ?? 'the PutRecords response had no result for this record',
        );
      }
    });
  }
}

function isAcknowledged(
  result: { shardId?: string; sequenceNumber?: string; errorCode?: string } | undefined,
): result is { shardId: string; sequenceNumber: string } {
  return result !== undefined && !result.errorCode && !!result.shardId && !!result.sequenceNumber;
}
