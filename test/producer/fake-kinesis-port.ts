import type {
  KinesisPort,
  PutRecordInput,
  PutRecordOutcome,
  PutRecordsEntryOutcome,
  PutRecordsOutcome,
  StreamRecord,
} from '../../src/aws/kinesis-port.js';

/** What one scripted call does instead of (or besides) storing its records. */
export type ScriptedCall =
  | { kind: 'throw'; error: Error }
  /** Fails the entries at these request positions with this code; the others are stored. */
  | { kind: 'fail-entries'; positions: number[]; errorCode: string; errorMessage?: string }
  | { kind: 'ok' };

export interface RecordedCall {
  operation: 'PutRecord' | 'PutRecords';
  at: number;
  inputs: PutRecordInput[];
  /** Other requests in flight when this one arrived. */
  othersInFlight: number;
}

/**
 * An in-memory stream behind the KinesisPort interface, with a script of per-call behaviours
 * (throttles, partial failures, thrown errors) and optional manual completion (`hold`) so tests can
 * keep requests in flight. Only the write and read calls the producers use are implemented.
 */
export class FakeKinesisPort implements KinesisPort {
  readonly stored: StreamRecord[] = [];
  readonly calls: RecordedCall[] = [];
  /** Behaviour of the next calls, consumed in order; `ok` when empty. */
  readonly script: ScriptedCall[] = [];
  /** Fails every attempt for entries whose partition key is in this set. */
  readonly alwaysFailKeys = new Set<string>();
  /** When true, calls wait until `release()`. */
  hold = false;
  private readonly held: (() => void)[] = [];
  private inFlight = 0;
  private sequence = 0;

  private readonly clock: () => number;
  private readonly shardCount: number;
  private readonly latency: { ms: number; advance: (ms: number) => void } | undefined;

  /** `latency` moves a fake clock forward on every call, as a round trip would. */
  constructor(options: { clock?: () => number; shardCount?: number; latency?: { ms: number; advance: (ms: number) => void } } = {}) {
    this.clock = options.clock ?? (() => 0);
    this.shardCount = options.shardCount ?? 2;
    this.latency = options.latency;
  }

  /** Lets the oldest held calls (all by default) proceed. */
  release(count = this.held.length): void {
    for (const resume of this.held.splice(0, count)) resume();
  }

  get heldCount(): number {
    return this.held.length;
  }

  async putRecord(_name: string, input: PutRecordInput): Promise<PutRecordOutcome> {
    const step = await this.arrive('PutRecord', [input]);
    try {
      if (step.kind === 'throw') throw step.error;
      if (step.kind === 'fail-entries' || this.alwaysFailKeys.has(input.partitionKey)) {
        throw Object.assign(new Error(step.kind === 'fail-entries' ? (step.errorMessage ?? 'failed') : 'failed'), {
          name: step.kind === 'fail-entries' ? step.errorCode : 'ProvisionedThroughputExceededException',
          $metadata: { httpStatusCode: 400 },
        });
      }
      const stored = this.store(input);
      return { shardId: stored.shardId, sequenceNumber: stored.sequenceNumber, requestId: `req-${this.calls.length}`, httpStatus: 200 };
    } finally {
      this.inFlight -= 1;
    }
  }

  async putRecords(_name: string, inputs: PutRecordInput[]): Promise<PutRecordsOutcome> {
    const step = await this.arrive('PutRecords', inputs);
    try {
      if (step.kind === 'throw') throw step.error;
      const failing = new Set(step.kind === 'fail-entries' ? step.positions : []);
      const records: PutRecordsEntryOutcome[] = inputs.map((input, position) => {
        if (this.alwaysFailKeys.has(input.partitionKey)) {
          return { errorCode: 'ProvisionedThroughputExceededException', errorMessage: 'Rate exceeded for shard' };
        }
        if (step.kind === 'fail-entries' && failing.has(position)) {
          return { errorCode: step.errorCode, errorMessage: step.errorMessage ?? `${step.errorCode} for entry ${position}` };
        }
        const stored = this.store(input);
        return { shardId: stored.shardId, sequenceNumber: stored.sequenceNumber };
      });
      return {
        failedRecordCount: records.filter((r) => r.errorCode).length,
        records,
        requestId: `req-${this.calls.length}`,
        httpStatus: 200,
      };
    } finally {
      this.inFlight -= 1;
    }
  }

  async readStream(): Promise<StreamRecord[]> {
    return [...this.stored];
  }

  async readRecordAt(_name: string, shardId: string, sequenceNumber: string): Promise<StreamRecord | undefined> {
    return this.stored.find((r) => r.shardId === shardId && r.sequenceNumber === sequenceNumber);
  }

  /** Partition keys of the stored records, in the order they were stored. */
  storedKeys(): string[] {
    return this.stored.map((r) => r.partitionKey);
  }

  /** Trip ids (from the JSON data) of the stored records, in order. */
  storedTripIds(): string[] {
    return this.stored.map((r) => (JSON.parse(new TextDecoder().decode(r.data)) as { tripId: string }).tripId);
  }

  private async arrive(operation: RecordedCall['operation'], inputs: PutRecordInput[]): Promise<ScriptedCall> {
    this.calls.push({ operation, at: this.clock(), inputs, othersInFlight: this.inFlight });
    this.inFlight += 1;
    const step = this.script.shift() ?? { kind: 'ok' };
    this.latency?.advance(this.latency.ms);
    if (this.hold) await new Promise<void>((resume) => this.held.push(resume));
    return step;
  }

  private store(input: PutRecordInput): StreamRecord {
    this.sequence += 1;
    const record: StreamRecord = {
      shardId: `shardId-${String(hashKey(input.partitionKey) % this.shardCount).padStart(12, '0')}`,
      sequenceNumber: String(this.sequence).padStart(20, '0'),
      partitionKey: input.partitionKey,
      data: input.data,
    };
    this.stored.push(record);
    return record;
  }

  // The producers never call these; a fake that pretended to implement them would only hide mistakes.
  createStream(): Promise<void> {
    return Promise.reject(new Error('FakeKinesisPort: createStream is not part of the producer tests'));
  }
  describeStreamSummary(): never {
    throw new Error('FakeKinesisPort: describeStreamSummary is not part of the producer tests');
  }
  listStreams(): Promise<string[]> {
    return Promise.reject(new Error('FakeKinesisPort: listStreams is not part of the producer tests'));
  }
  listShardIds(): Promise<string[]> {
    return Promise.reject(new Error('FakeKinesisPort: listShardIds is not part of the producer tests'));
  }
  deleteStream(): Promise<void> {
    return Promise.reject(new Error('FakeKinesisPort: deleteStream is not part of the producer tests'));
  }
  streamTags(): Promise<Record<string, string> | undefined> {
    return Promise.reject(new Error('FakeKinesisPort: streamTags is not part of the producer tests'));
  }
  updateShardCount(): Promise<void> {
    return Promise.reject(new Error('FakeKinesisPort: updateShardCount is not part of the producer tests'));
  }
}

function hashKey(key: string): number {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}

/** A clock that only moves when the code under test sleeps (or the test calls `advance`). */
export function createFakeTime(start = 1_700_000_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    clock: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
    sleep: async (ms: number, signal?: AbortSignal) => {
      sleeps.push(ms);
      if (signal?.aborted) return;
      now += ms;
      // Yield like a real timer would, so requests in flight can settle meanwhile.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
  };
}

/** An error shaped like an SDK v3 service exception. */
export function serviceError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}
