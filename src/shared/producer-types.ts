/** Which Kinesis write API a producer uses. Also the CLI's `--api` values. */
export type ProducerApi = 'put-record' | 'put-records';

/** One taxi trip, the JSON payload the lab's producers send. Field names are camelCase JSON. */
export interface TaxiTrip {
  tripId: string;
  vendorId: number;
  pickupTime: string;
  dropoffTime: string;
  pickupLatitude: number;
  pickupLongitude: number;
  dropoffLatitude: number;
  dropoffLongitude: number;
  passengerCount: number;
  tripDistanceKm: number;
  fareAmount: number;
  paymentType: 'card' | 'cash' | 'mobile';
  city: string;
}

/** What a producer reports while it runs; the UI throttles these, so they may come fast. */
export type ProducerEvent =
  | { type: 'record-sent'; api: ProducerApi; at: number; partitionKey: string; shardId: string; sequenceNumber: string; requestId?: string; httpStatus: number }
  | { type: 'batch-sent'; at: number; records: number; failed: number; bytes: number; requestId?: string; httpStatus: number }
  | { type: 'retry'; at: number; api: ProducerApi; records: number; reason: string; delayMs: number }
  /** A shard (or the account) refused `records` records for now: ProvisionedThroughputExceededException and kin. */
  | { type: 'throttled'; at: number; api: ProducerApi; records: number }
  | { type: 'record-failed'; at: number; api: ProducerApi; partitionKey: string; errorCode: string; errorMessage: string }
  | { type: 'rejected'; at: number; reason: 'record-too-large'; bytes: number; limitBytes: number };

/** The one-line result every producer run ends with. */
export interface ProducerSummary {
  api: ProducerApi;
  /** Records the stream acknowledged. */
  sent: number;
  /** Records given up on after retries, or rejected before sending; each was reported. */
  failed: number;
  /** Retry attempts (a record retried twice counts twice). */
  retried: number;
  /** Records refused as throttled, attempt by attempt (a record throttled twice counts twice). @default 0 */
  throttled?: number;
  requests: number;
  bytes: number;
  startedAt: number;
  endedAt: number;
  /** sent / elapsed seconds. */
  recordsPerSecond: number;
  /** A few acknowledged sequence numbers with their shard, kept so the check can find them again. */
  samples: { shardId: string; sequenceNumber: string }[];
  /** Why the run ended. */
  stoppedBy: 'count' | 'duration' | 'signal' | 'error';
  /**
   * Acknowledged records an earlier attempt of which got no answer (connection reset, timeout): the
   * server may have written that attempt too, so the stream may hold them twice. At most this many duplicates.
   */
  possibleDuplicates?: number;
  /** Failed records (counted in `failed`) whose last attempt got no answer: they may be in the stream after all. */
  uncertain?: number;
}
