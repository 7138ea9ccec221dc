/**
 * KinesisPort over the SDK v3 client. Thin on purpose: SDK errors propagate unchanged, so the
 * diagnosis module can classify them by `name`.
 */
import {
  CreateStreamCommand, DeleteStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand,
  ListShardsCommand, PutRecordCommand, PutRecordsCommand, UpdateShardCountCommand,
} from '@aws-sdk/client-kinesis';
import type { _Record, CreateStreamCommandInput, GetShardIteratorCommandInput, KinesisClient } from '@aws-sdk/client-kinesis';
import type {
  KinesisPort, PutRecordInput, PutRecordOutcome, PutRecordsOutcome, ReadStreamOptions, StreamRecord, StreamSummary,
} from './kinesis-port.js';
import { listAllStreams } from './list-all-streams.js';
import { listStreamTags } from './list-stream-tags.js';

/** Records AWS accepts per record when the stream does not say otherwise (1 MiB). */
export const DEFAULT_MAX_RECORD_BYTES = 1_048_576;

export interface KinesisAdapterOptions {
  /** Waits between two GetRecords calls on one shard (AWS allows 5 per second per shard). @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Pause between GetRecords pages of one shard. @default 200 */
  pageIntervalMs?: number;
  /** GetRecords pages read per shard before readStream gives up on catching up. @default 50 */
  maxPagesPerShard?: number;
  /**
   * Wait before a read the shard throttled is tried again: AWS's GetRecords documentation recommends
   * a second, as a shard serves 5 reads and 2 MiB per second. @default 1000
   */
  throttledReadWaitMs?: number;
}

/** Tries of one read a shard keeps throttling before the error reaches the caller. */
const THROTTLED_READ_TRIES = 5;

const GET_RECORDS_MAX_LIMIT = 10_000;

// eslint-disable-next-line max-lines-per-function -- one short method per Kinesis call the port names; splitting would scatter the shared client and options
export function createKinesisAdapter(client: KinesisClient, options: KinesisAdapterOptions = {}): KinesisPort {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pageIntervalMs = options.pageIntervalMs ?? 200;
  const maxPagesPerShard = options.maxPagesPerShard ?? 50;
  const throttledReadWaitMs = options.throttledReadWaitMs ?? 1000;

  /** A GetShardIterator or GetRecords call, waited for and tried again while the shard is over its read limits. */
  async function read<Output>(send: () => Promise<Output>): Promise<Output> {
    for (let tries = 1; ; tries++) {
      try {
        return await send();
      } catch (error) {
        if ((error as { name?: unknown }).name !== 'ProvisionedThroughputExceededException' || tries >= THROTTLED_READ_TRIES) throw error;
        await sleep(throttledReadWaitMs);
      }
    }
  }

  async function listShardIds(name: string): Promise<string[]> {
    const ids: string[] = [];
    let nextToken: string | undefined;
    do {
      // ListShards takes either the stream name or a NextToken, never both.
      const page = await client.send(new ListShardsCommand(nextToken ? { NextToken: nextToken } : { StreamName: name }));
      for (const shard of page.Shards ?? []) if (shard.ShardId) ids.push(shard.ShardId);
      nextToken = page.NextToken;
    } while (nextToken);
    return ids;
  }

  async function readShard(name: string, shardId: string, opts: ReadStreamOptions, budget: { left: number }): Promise<StreamRecord[]> {
    const iteratorInput: GetShardIteratorCommandInput = opts.since
      ? { StreamName: name, ShardId: shardId, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: opts.since }
      : { StreamName: name, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' };
    let iterator = (await read(() => client.send(new GetShardIteratorCommand(iteratorInput)))).ShardIterator;
    const records: StreamRecord[] = [];
    for (let page = 0; iterator && page < maxPagesPerShard && budget.left > 0; page++) {
      if (page > 0) await sleep(pageIntervalMs);
      // Other shards may have used up the budget while this one waited.
      if (budget.left <= 0) break;
      const input = { ShardIterator: iterator, Limit: Math.min(GET_RECORDS_MAX_LIMIT, budget.left) };
      const result = await read(() => client.send(new GetRecordsCommand(input)));
      const pageRecords = result.Records ?? [];
      for (const record of pageRecords) records.push(toStreamRecord(shardId, record));
      budget.left -= pageRecords.length;
      // Caught up: nothing more to read now, and the shard says it is not behind.
      if (pageRecords.length === 0 && result.MillisBehindLatest === 0) break;
      iterator = result.NextShardIterator;
    }
    return records;
  }

  return {
    async createStream(name, opts) {
      const input: CreateStreamCommandInput = { StreamName: name, StreamModeDetails: { StreamMode: opts.mode } };
      // Passed as given even for ON_DEMAND, so AWS (not this adapter) says what is wrong with it.
      if (opts.shardCount !== undefined) input.ShardCount = opts.shardCount;
      else if (opts.mode === 'PROVISIONED') input.ShardCount = 1;
      if (opts.tags && Object.keys(opts.tags).length > 0) input.Tags = opts.tags;
      await client.send(new CreateStreamCommand(input));
    },

    async describeStreamSummary(name) {
      const { StreamDescriptionSummary: s } = await client.send(new DescribeStreamSummaryCommand({ StreamName: name }));
      if (!s) throw new Error(`DescribeStreamSummary returned no summary for stream ${name}.`);
      const summary: StreamSummary = {
        name: s.StreamName ?? name,
        arn: s.StreamARN ?? '',
        status: s.StreamStatus ?? 'ACTIVE',
        mode: s.StreamModeDetails?.StreamMode ?? 'PROVISIONED',
        openShardCount: s.OpenShardCount ?? 0,
        retentionHours: s.RetentionPeriodHours ?? 24,
        maxRecordBytes: s.MaxRecordSizeInKiB ? s.MaxRecordSizeInKiB * 1024 : DEFAULT_MAX_RECORD_BYTES,
      };
      if (s.StreamCreationTimestamp) summary.createdAt = s.StreamCreationTimestamp;
      return summary;
    },

    listStreams: () => listAllStreams(client),

    listShardIds,

    async putRecord(name, input) {
      const result = await client.send(new PutRecordCommand({ StreamName: name, ...recordEntry(input) }));
      const outcome: PutRecordOutcome = {
        shardId: result.ShardId ?? '',
        sequenceNumber: result.SequenceNumber ?? '',
        httpStatus: result.$metadata.httpStatusCode ?? 200,
      };
      if (result.$metadata.requestId) outcome.requestId = result.$metadata.requestId;
      return outcome;
    },

    async putRecords(name, inputs) {
      const result = await client.send(new PutRecordsCommand({ StreamName: name, Records: inputs.map(recordEntry) }));
      const outcome: PutRecordsOutcome = {
        failedRecordCount: result.FailedRecordCount ?? 0,
        records: (result.Records ?? []).map((entry) => ({
          ...(entry.ShardId ? { shardId: entry.ShardId } : {}),
          ...(entry.SequenceNumber ? { sequenceNumber: entry.SequenceNumber } : {}),
          ...(entry.ErrorCode ? { errorCode: entry.ErrorCode } : {}),
          ...(entry.ErrorMessage ? { errorMessage: entry.ErrorMessage } : {}),
        })),
        httpStatus: result.$metadata.httpStatusCode ?? 200,
      };
      if (result.$metadata.requestId) outcome.requestId = result.$metadata.requestId;
      return outcome;
    },

    async readStream(name, opts = {}) {
      const shardIds = await listShardIds(name);
      const budget = { left: opts.limit ?? Number.POSITIVE_INFINITY };
      // Shards are read side by side; each shard paces its own GetRecords calls.
      const perShard = await Promise.all(shardIds.map((shardId) => readShard(name, shardId, opts, budget)));
      const records = perShard.flat();
      return opts.limit === undefined ? records : records.slice(0, opts.limit);
    },

    async readRecordAt(name, shardId, sequenceNumber) {
      let iterator = (await read(() => client.send(new GetShardIteratorCommand({
        StreamName: name, ShardId: shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: sequenceNumber,
      })))).ShardIterator;
      // On AWS a page can come back empty while the iterator is still behind; keep reading a little.
      for (let page = 0; iterator && page < maxPagesPerShard; page++) {
        if (page > 0) await sleep(pageIntervalMs);
        const input = { ShardIterator: iterator, Limit: 1 };
        const result = await read(() => client.send(new GetRecordsCommand(input)));
        const record = result.Records?.[0];
        if (record) return record.SequenceNumber === sequenceNumber ? toStreamRecord(shardId, record) : undefined;
        if (result.MillisBehindLatest === 0) return undefined;
        iterator = result.NextShardIterator;
      }
      return undefined;
    },

    async deleteStream(name) {
      await client.send(new DeleteStreamCommand({ StreamName: name }));
    },

    async streamTags(name) {
      try {
        return await listStreamTags(client, name);
      } catch (error) {
        if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
        throw error;
      }
    },

    async updateShardCount(name, target) {
      await client.send(new UpdateShardCountCommand({ StreamName: name, TargetShardCount: target, ScalingType: 'UNIFORM_SCALING' }));
    },
  };
}

function toStreamRecord(shardId: string, record: _Record): StreamRecord {
  return {
    shardId,
    sequenceNumber: record.SequenceNumber ?? '',
    partitionKey: record.PartitionKey ?? '',
    data: record.Data ?? new Uint8Array(),
    ...(record.ApproximateArrivalTimestamp ? { approximateArrivalTimestamp: record.ApproximateArrivalTimestamp } : {}),
  };
}

function recordEntry(input: PutRecordInput): { PartitionKey: string; Data: Uint8Array; ExplicitHashKey?: string } {
  return {
    PartitionKey: input.partitionKey,
    Data: input.data,
    ...(input.explicitHashKey !== undefined ? { ExplicitHashKey: input.explicitHashKey } : {}),
  };
}
