import type { ProducerApi, ProducerEvent } from '../shared/producer-types.js';

/** One line of the producer's live log, as the workshop's script prints it. */
export interface LogLine {
  requestId: string;
  httpStatus: number;
  shardId: string;
  sequenceNumber: string;
  /** Records in the request: 1 for PutRecord, the batch size for PutRecords. */
  records: number;
  failed: number;
}

/** Counters and the tail of the log for the running producer, updated event by event in O(1). */
export interface ProducerLive {
  api: ProducerApi;
  startedAt: number;
  lastAt: number;
  sent: number;
  failed: number;
  retried: number;
  /** Records refused as throttled so far, attempt by attempt. */
  throttled: number;
  requests: number;
  log: LogLine[];
}

export const LOG_LINES = 8;

export function startLive(api: ProducerApi, at: number): ProducerLive {
  return { api, startedAt: at, lastAt: at, sent: 0, failed: 0, retried: 0, throttled: 0, requests: 0, log: [] };
}

export function applyProducerEvent(live: ProducerLive, event: ProducerEvent): ProducerLive {
  switch (event.type) {
    case 'record-sent':
      return {
        ...live,
        lastAt: event.at,
        sent: live.api === 'put-record' ? live.sent + 1 : live.sent,
        requests: live.api === 'put-record' ? live.requests + 1 : live.requests,
        log: live.api === 'put-record' ? tail(live.log, { requestId: event.requestId ?? '-', httpStatus: event.httpStatus, shardId: event.shardId, sequenceNumber: event.sequenceNumber, records: 1, failed: 0 }) : live.log,
      };
    case 'batch-sent':
      return {
        ...live,
        lastAt: event.at,
        sent: live.sent + event.records - event.failed,
        requests: live.requests + 1,
        log: tail(live.log, { requestId: event.requestId ?? '-', httpStatus: event.httpStatus, shardId: '', sequenceNumber: '', records: event.records, failed: event.failed }),
      };
    case 'retry':
      return { ...live, lastAt: event.at, retried: live.retried + event.records };
    case 'throttled':
      return { ...live, lastAt: event.at, throttled: live.throttled + event.records };
    case 'record-failed':
      return { ...live, lastAt: event.at, failed: live.failed + 1 };
    case 'rejected':
      return { ...live, lastAt: event.at, failed: live.failed + 1 };
  }
}

/** Records per second since the producer started. */
export function liveRate(live: ProducerLive): number {
  const seconds = (live.lastAt - live.startedAt) / 1000;
  return seconds > 0 ? live.sent / seconds : 0;
}

function tail(log: LogLine[], line: LogLine): LogLine[] {
  return log.length < LOG_LINES ? [...log, line] : [...log.slice(1), line];
}
