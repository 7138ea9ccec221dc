/**
 * Turns the Kinesis calls the sandbox forwards into the stream-level metrics AWS publishes in the
 * `AWS/Kinesis` namespace: per account, region, stream, minute and metric an aggregate of
 * {sum, min, max, sampleCount}, so every CloudWatch statistic can be answered exactly.
 *
 * Semantics follow AWS's "Monitoring the Amazon Kinesis Data Streams Service with Amazon
 * CloudWatch" table; where AWS says nothing the choice is written next to the code.
 */
import type { KinesisCallEvent } from '../sandbox-types.js';
import { streamNameFromShardIterator } from '../kinesis/shard-iterator.js';

/** The CloudWatch units the Kinesis stream metrics use. */
export type KinesisMetricUnit = 'Count' | 'Bytes' | 'Milliseconds';

/** Every stream-level metric the sandbox records, with the unit AWS publishes it in. */
export const KINESIS_METRIC_UNITS = {
  'PutRecord.Bytes': 'Bytes',
  'PutRecord.Latency': 'Milliseconds',
  'PutRecord.Success': 'Count',
  'PutRecords.Bytes': 'Bytes',
  'PutRecords.Latency': 'Milliseconds',
  'PutRecords.Success': 'Count',
  'PutRecords.Records': 'Count',
  'PutRecords.TotalRecords': 'Count',
  'PutRecords.SuccessfulRecords': 'Count',
  'PutRecords.FailedRecords': 'Count',
  'PutRecords.ThrottledRecords': 'Count',
  IncomingBytes: 'Bytes',
  IncomingRecords: 'Count',
  WriteProvisionedThroughputExceeded: 'Count',
  'GetRecords.Bytes': 'Bytes',
  'GetRecords.Records': 'Count',
  'GetRecords.Latency': 'Milliseconds',
  'GetRecords.Success': 'Count',
  'GetRecords.IteratorAgeMilliseconds': 'Milliseconds',
  ReadProvisionedThroughputExceeded: 'Count',
} as const satisfies Record<string, KinesisMetricUnit>;

export type KinesisMetricName = keyof typeof KINESIS_METRIC_UNITS;

/** CloudWatch namespace and the one dimension stream-level metrics carry. */
export const KINESIS_NAMESPACE = 'AWS/Kinesis';
export const STREAM_NAME_DIMENSION = 'StreamName';

export const MINUTE_MS = 60_000;

/** What one minute of one metric holds: enough to answer Sum, Average, Minimum, Maximum and SampleCount. */
export interface MinuteAggregate {
  sum: number;
  min: number;
  max: number;
  sampleCount: number;
}

/** One metric of one stream in one account and region, with its datapoints keyed by minute start (ms since epoch). */
export interface RecordedMetric {
  account: string;
  region: string;
  streamName: string;
  metricName: KinesisMetricName;
  unit: KinesisMetricUnit;
  minutes: ReadonlyMap<number, MinuteAggregate>;
}

interface MutableMetric extends RecordedMetric {
  minutes: Map<number, MinuteAggregate>;
}

/**
 * The samples one Kinesis call adds: what the recorder journals (one line per call, with the call's
 * own time, so a restart puts every sample in the minute it happened in). Short field names: a
 * producer writes one of these per call.
 */
export interface MetricSamples {
  /** Account, region and stream the call was for. */
  a: string;
  r: string;
  s: string;
  /** When the call arrived (ms since epoch). */
  t: number;
  m: [KinesisMetricName, number][];
}

const THROTTLED = 'ProvisionedThroughputExceededException';

/**
 * Keeps every metric's minutes in memory (a lab produces at most a few thousand minutes of data),
 * per account, region and stream, as CloudWatch keeps them per account. `record` never throws: a
 * malformed event only yields fewer samples, because the sandbox's listeners must not throw.
 */
export class KinesisMetricRecorder {
  readonly #metrics = new Map<string, MutableMetric>();
  #commit: (samples: MetricSamples) => void = (samples) => this.apply(samples);

  /** From now on every call's samples go through `commit` (the durable log: journaled, then applied). */
  commitThrough(commit: (samples: MetricSamples) => void): void {
    this.#commit = commit;
  }

  record(event: KinesisCallEvent): void {
    try {
      const samples = samplesOf(event);
      if (samples) this.#commit(samples);
    } catch {
      // A body the recorder does not understand (or a data folder that refuses the write) must not
      // break the sandbox; it just counts nothing.
    }
  }

  /** Adds one call's samples, live or when the journal is replayed. */
  apply(samples: MetricSamples): void {
    for (const [metricName, value] of samples.m) {
      if (Object.hasOwn(KINESIS_METRIC_UNITS, metricName)) this.#add(samples.a, samples.r, samples.s, metricName, samples.t, value);
    }
  }

  /** Every metric recorded in an account's region, in the order first seen. */
  metrics(account: string, region: string): RecordedMetric[] {
    return [...this.#metrics.values()].filter((metric) => metric.account === account && metric.region === region);
  }

  /** One metric's minutes, or undefined when the stream never produced it. */
  metric(account: string, region: string, streamName: string, metricName: string): RecordedMetric | undefined {
    return this.#metrics.get(metricKey(account, region, streamName, metricName));
  }

  /** Every metric of every account (snapshots, and the sandbox's look across accounts). */
  all(): Iterable<RecordedMetric> {
    return this.#metrics.values();
  }

  /** Puts back one metric's minutes as a snapshot holds them, onto an empty recorder. */
  restore(metric: Omit<RecordedMetric, 'unit'>): void {
    if (!Object.hasOwn(KINESIS_METRIC_UNITS, metric.metricName)) throw new Error(`unknown metric ${metric.metricName}`);
    const key = metricKey(metric.account, metric.region, metric.streamName, metric.metricName);
    this.#metrics.set(key, { ...metric, unit: KINESIS_METRIC_UNITS[metric.metricName], minutes: new Map(metric.minutes) });
  }

  clear(): void {
    this.#metrics.clear();
  }

  #add(account: string, region: string, streamName: string, metricName: KinesisMetricName, at: number, value: number): void {
    const key = metricKey(account, region, streamName, metricName);
    let metric = this.#metrics.get(key);
    if (!metric) {
      metric = { account, region, streamName, metricName, unit: KINESIS_METRIC_UNITS[metricName], minutes: new Map() };
      this.#metrics.set(key, metric);
    }
    const minute = minuteStart(at);
    const aggregate = metric.minutes.get(minute);
    if (aggregate) {
      aggregate.sum += value;
      aggregate.min = Math.min(aggregate.min, value);
      aggregate.max = Math.max(aggregate.max, value);
      aggregate.sampleCount += 1;
    } else {
      metric.minutes.set(minute, { sum: value, min: value, max: value, sampleCount: 1 });
    }
  }
}

/** The samples a call adds to its stream's metrics, or undefined when AWS would record nothing. */
function samplesOf(event: KinesisCallEvent): MetricSamples | undefined {
  const outcome = callOutcome(event);
  // Client errors (missing stream, validation, access) never reach a stream: AWS records nothing for them.
  if (outcome === 'rejected') return undefined;
  const streamName = event.streamName ?? streamNameFromRequest(event);
  if (!streamName) return undefined;
  const samples: MetricSamples = { a: event.account, r: event.region, s: streamName, t: event.at, m: [] };
  const sample: Sample = (metricName, value) => void samples.m.push([metricName, value]);
  switch (event.operation) {
    case 'PutRecord':
      recordPutRecord(event, outcome, sample);
      break;
    case 'PutRecords':
      recordPutRecords(event, outcome, sample);
      break;
    case 'GetRecords':
      recordGetRecords(event, outcome, sample);
      break;
    default:
      return undefined;
  }
  return samples.m.length > 0 ? samples : undefined;
}

/** Start of the minute `at` falls in (ms since epoch). */
export function minuteStart(at: number): number {
  return Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

function metricKey(account: string, region: string, streamName: string, metricName: string): string {
  return `${account}\u0000${region}\u0000${streamName}\u0000${metricName}`;
}

type Sample = (metricName: KinesisMetricName, value: number) => void;

/**
 * `ok`: 2xx. `throttled`: the whole call failed with ProvisionedThroughputExceededException.
 * `failed`: a server-side failure (5xx) on a stream. `rejected`: any other client error.
 */
type CallOutcome = 'ok' | 'throttled' | 'failed' | 'rejected';

function callOutcome(event: KinesisCallEvent): CallOutcome {
  if (event.status >= 200 && event.status < 300) return 'ok';
  if (errorType(event.response) === THROTTLED) return 'throttled';
  if (event.status >= 500) return 'failed';
  return 'rejected';
}

/** `ProvisionedThroughputExceededException` from `__type`, with or without the `namespace#` prefix. */
function errorType(response: unknown): string | undefined {
  const type = asRecord(response)?.__type;
  if (typeof type !== 'string') return undefined;
  return type.slice(type.lastIndexOf('#') + 1);
}

function recordPutRecord(event: KinesisCallEvent, outcome: CallOutcome, sample: Sample): void {
  sample('PutRecord.Latency', event.latencyMs);
  sample('PutRecord.Success', outcome === 'ok' ? 1 : 0);
  // One sample per put call, so Average means "share of calls throttled" as AWS describes.
  sample('WriteProvisionedThroughputExceeded', outcome === 'throttled' ? 1 : 0);
  if (outcome !== 'ok') return;
  // Bytes count what was put: a failed call adds no PutRecord.Bytes sample rather than a 0 that would skew Average.
  const bytes = recordBytes(event.request);
  sample('PutRecord.Bytes', bytes);
  sample('IncomingBytes', bytes);
  sample('IncomingRecords', 1);
}

function recordPutRecords(event: KinesisCallEvent, outcome: CallOutcome, sample: Sample): void {
  const requested = asArray(event.request.Records);
  const entries = outcome === 'ok' ? asArray(asRecord(event.response)?.Records) : [];
  let successfulRecords = 0;
  let successfulBytes = 0;
  let throttledRecords = 0;
  let failedRecords = 0;
  requested.forEach((record, index) => {
    if (outcome === 'throttled') {
      throttledRecords += 1;
      return;
    }
    if (outcome === 'failed') return;
    // A response the sandbox could not parse (undefined) is a 200 with every record stored.
    const code = asRecord(entries[index])?.ErrorCode;
    if (typeof code !== 'string') {
      successfulRecords += 1;
      successfulBytes += recordBytes(record);
    } else if (code === THROTTLED) {
      throttledRecords += 1;
    } else {
      failedRecords += 1;
    }
  });

  sample('PutRecords.Latency', event.latencyMs);
  sample('PutRecords.Success', successfulRecords > 0 ? 1 : 0);
  sample('WriteProvisionedThroughputExceeded', throttledRecords);
  if (outcome === 'failed') return;
  sample('PutRecords.TotalRecords', requested.length);
  sample('PutRecords.SuccessfulRecords', successfulRecords);
  sample('PutRecords.FailedRecords', failedRecords);
  sample('PutRecords.ThrottledRecords', throttledRecords);
  if (successfulRecords === 0) return;
  sample('PutRecords.Records', successfulRecords);
  sample('PutRecords.Bytes', successfulBytes);
  sample('IncomingBytes', successfulBytes);
  sample('IncomingRecords', successfulRecords);
}

function recordGetRecords(event: KinesisCallEvent, outcome: CallOutcome, sample: Sample): void {
  sample('GetRecords.Latency', event.latencyMs);
  sample('GetRecords.Success', outcome === 'ok' ? 1 : 0);
  sample('ReadProvisionedThroughputExceeded', outcome === 'throttled' ? 1 : 0);
  if (outcome !== 'ok') return;
  const response = asRecord(event.response);
  const records = asArray(response?.Records);
  sample('GetRecords.Records', records.length);
  sample('GetRecords.Bytes', records.reduce<number>((total, record) => total + recordBytes(record), 0));
  const iteratorAge = iteratorAgeMs(event.at, records, response?.MillisBehindLatest);
  if (iteratorAge !== undefined) sample('GetRecords.IteratorAgeMilliseconds', iteratorAge);
}

/**
 * AWS: "the difference between the current time and when the last record of the GetRecords call
 * was written". With no records the reader is caught up to what it was told, so MillisBehindLatest
 * (0 at the tip) stands in.
 */
function iteratorAgeMs(at: number, records: unknown[], millisBehindLatest: unknown): number | undefined {
  const last = asRecord(records[records.length - 1]);
  const arrival = last ? epochMs(last.ApproximateArrivalTimestamp) : undefined;
  if (arrival !== undefined) return Math.max(0, at - arrival);
  return typeof millisBehindLatest === 'number' ? millisBehindLatest : undefined;
}

/** JSON carries epoch seconds (fractional); a decoded CBOR body may carry a Date. */
function epochMs(value: unknown): number | undefined {
  if (typeof value === 'number') return value * 1000;
  if (value instanceof Date) return value.getTime();
  return undefined;
}

/**
 * Size of one record as Kinesis meters it: data plus partition key. AWS documents the record-size
 * and per-shard write limits as "partition key and data blob"; a KCL user measured PutRecord.Bytes
 * growing by exactly the partition key's length (awslabs/amazon-kinesis-client#715).
 */
export function recordBytes(record: unknown): number {
  const fields = asRecord(record);
  if (!fields) return 0;
  const key = fields.PartitionKey;
  return dataBytes(fields.Data) + (typeof key === 'string' ? Buffer.byteLength(key, 'utf8') : 0);
}

/** JSON bodies carry Data as base64; decoded CBOR bodies carry the bytes themselves. */
function dataBytes(data: unknown): number {
  if (typeof data === 'string') return Buffer.from(data, 'base64').length;
  if (data instanceof Uint8Array) return data.byteLength;
  return 0;
}

/** GetRecords names no stream; its shard iterator does. */
function streamNameFromRequest(event: KinesisCallEvent): string | undefined {
  const iterator = event.request.ShardIterator;
  return typeof iterator === 'string' ? streamNameFromShardIterator(iterator) : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
