import type { PendingRecord } from './record-feed.js';
import type { ProducerApi, ProducerEvent, ProducerSummary } from '../shared/producer-types.js';

/** Acknowledged sequence numbers kept for the checks; a handful is enough to find the records again. */
export const MAX_SAMPLES = 5;

/**
 * The running counts of one producer run and the events they come with. Counting and emitting in
 * one place keeps the summary and the event stream from disagreeing.
 */
export interface RunTally {
  request(): void;
  acknowledged(record: PendingRecord, ack: { shardId: string; sequenceNumber: string; requestId?: string; httpStatus: number }): void;
  failed(record: PendingRecord, errorCode: string, errorMessage: string): void;
  rejected(bytes: number, limitBytes: number): void;
  /** A retry is about to wait `delayMs`, then resend `records` records. */
  retrying(records: number, reason: string, delayMs: number): void;
  /** `records` records were sent again. */
  resent(records: number): void;
  /** `records` records were refused as throttled (this attempt). */
  throttled(records: number): void;
  batchSent(batch: { records: number; failed: number; bytes: number; requestId?: string; httpStatus: number }): void;
  summary(startedAt: number, endedAt: number, stoppedBy: ProducerSummary['stoppedBy']): ProducerSummary;
}

export function createRunTally(api: ProducerApi, clock: () => number, onEvent?: (event: ProducerEvent) => void): RunTally {
  let sent = 0;
  let failed = 0;
  let retried = 0;
  let throttled = 0;
  let requests = 0;
  let bytes = 0;
  let possibleDuplicates = 0;
  let uncertain = 0;
  const samples: ProducerSummary['samples'] = [];
  const emit = onEvent ?? (() => undefined);

  return {
    request() {
      requests += 1;
    },
    acknowledged(record, ack) {
      sent += 1;
      if (record.unanswered) possibleDuplicates += 1;
      bytes += record.bytes;
      if (samples.length < MAX_SAMPLES) samples.push({ shardId: ack.shardId, sequenceNumber: ack.sequenceNumber });
      if (onEvent) {
        emit({
          type: 'record-sent',
          api,
          at: clock(),
          partitionKey: record.partitionKey,
          shardId: ack.shardId,
          sequenceNumber: ack.sequenceNumber,
          ...(ack.requestId === undefined ? {} : { requestId: ack.requestId }),
          httpStatus: ack.httpStatus,
        });
      }
    },
    failed(record, errorCode, errorMessage) {
      failed += 1;
      if (record.unanswered) uncertain += 1;
      emit({ type: 'record-failed', at: clock(), api, partitionKey: record.partitionKey, errorCode, errorMessage });
    },
    rejected(recordBytes, limitBytes) {
      failed += 1;
      emit({ type: 'rejected', at: clock(), reason: 'record-too-large', bytes: recordBytes, limitBytes });
    },
    retrying(records, reason, delayMs) {
      emit({ type: 'retry', at: clock(), api, records, reason, delayMs });
    },
    resent(records) {
      retried += records;
    },
    throttled(records) {
      throttled += records;
      emit({ type: 'throttled', at: clock(), api, records });
    },
    batchSent(batch) {
      emit({ type: 'batch-sent', at: clock(), ...batch });
    },
    summary(startedAt, endedAt, stoppedBy) {
      // A run that ends within the clock's resolution still gets a finite rate.
      const seconds = Math.max(endedAt - startedAt, 1) / 1000;
      return {
        api,
        sent,
        failed,
        retried,
        throttled,
        requests,
        bytes,
        startedAt,
        endedAt,
        recordsPerSecond: sent / seconds,
        samples: [...samples],
        stoppedBy,
        possibleDuplicates,
        uncertain,
      };
    },
  };
}
