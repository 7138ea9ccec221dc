/**
 * The engine's Kinesis behaviour as SDK v3 sees it, where it matters that it answers as AWS does:
 * sequence numbers, shard iterators (expiry, other shards, recreated streams), validation texts,
 * resharding, retention, and ARNs; and the smaller edges issue 13 lists: retention up to 8,760 hours,
 * ListStreams' StreamSummaries, DescribeStream's Limit and ExclusiveStartShardId, SplitShard's
 * preconditions, MillisBehindLatest, and a malformed StreamARN refused on `streamARN` (the AWS CLI).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateStreamCommand, DescribeStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, IncreaseStreamRetentionPeriodCommand,
  ListShardsCommand, ListStreamsCommand, MergeShardsCommand, PutRecordCommand, PutRecordsCommand, SplitShardCommand, UpdateShardCountCommand, UpdateStreamModeCommand,
} from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { awsCliEnv } from '../fixtures/aws-cli-env.js';
import { startTestSandbox, TEST_REGION } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const run = promisify(execFile);
const hasAwsCli = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
const bytes = (text: string) => new TextEncoder().encode(text);
const HALF_RANGE = (2n ** 127n).toString();

describe('Kinesis fidelity', () => {
  let box: TestSandbox;
  let client: KinesisClient;
  // The engine's clock, moved by the tests (iterator expiry, retention).
  let shift = 0;
  beforeAll(async () => {
    // These tests make streams back to back, faster than CreateStream's 5 calls/s: limits off
    // (test/sandbox/kinesis-limits.test.ts holds the sandbox to them).
    box = await startTestSandbox({ kinesisClock: () => Date.now() + shift, limits: 'off' });
    client = box.client();
  });
  afterAll(() => box.stop());

  async function active(name: string): Promise<void> {
    await box.waitForActive(name);
  }

  async function iterator(stream: string, shardId: string, type: 'TRIM_HORIZON' | 'LATEST' = 'TRIM_HORIZON'): Promise<string> {
    const result = await client.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shardId, ShardIteratorType: type }));
    return result.ShardIterator ?? '';
  }

  it('mints 56-digit sequence numbers that grow within a shard and name their shard', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'seq', ShardCount: 2 }));
    await active('seq');
    const put = (key: string) => client.send(new PutRecordCommand({ StreamName: 'seq', PartitionKey: key, Data: bytes(key), ExplicitHashKey: '0' }));
    const first = await put('a');
    const second = await put('b');
    expect(first.SequenceNumber).toMatch(/^\d{56}$/);
    expect(first.ShardId).toBe('shardId-000000000000');
    expect(BigInt(second.SequenceNumber ?? '0')).toBeGreaterThan(BigInt(first.SequenceNumber ?? '0'));

    await expect(client.send(new GetShardIteratorCommand({
      StreamName: 'seq', ShardId: 'shardId-000000000001', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: first.SequenceNumber,
    }))).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: 'Invalid StartingSequenceNumber. It encodes shardId-000000000000, while it was used in a call to a shard with shardId-000000000001',
    });

    const after = await client.send(new GetShardIteratorCommand({
      StreamName: 'seq', ShardId: 'shardId-000000000000', ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: first.SequenceNumber,
    }));
    const read = await client.send(new GetRecordsCommand({ ShardIterator: after.ShardIterator }));
    expect(read.Records?.map((record) => record.SequenceNumber)).toEqual([second.SequenceNumber]);
    expect(read.MillisBehindLatest).toBe(0);
  });

  it('refuses a sequence number from an earlier stream of the same name', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'reborn', ShardCount: 1 }));
    await active('reborn');
    const old = await client.send(new PutRecordCommand({ StreamName: 'reborn', PartitionKey: 'k', Data: bytes('old') }));
    await box.kinesis().deleteStream('reborn');
    for (let attempt = 0; attempt < 100 && (await box.kinesis().listStreams()).includes('reborn'); attempt++) await new Promise((r) => setTimeout(r, 10));
    shift += 5;
    await client.send(new CreateStreamCommand({ StreamName: 'reborn', ShardCount: 1 }));
    await active('reborn');
    await expect(client.send(new GetShardIteratorCommand({
      StreamName: 'reborn', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: old.SequenceNumber,
    }))).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: `StartingSequenceNumber ${old.SequenceNumber} used in GetShardIterator on shard shardId-000000000000 in stream reborn under account 000000000000 is invalid because it did not come from this stream.`,
    });
  });

  it('expires an iterator after five minutes with AWS text, and reads with a fresh one', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'expiring', ShardCount: 1 }));
    await active('expiring');
    await client.send(new PutRecordCommand({ StreamName: 'expiring', PartitionKey: 'k', Data: bytes('x') }));
    const stale = await iterator('expiring', 'shardId-000000000000');
    shift += 300_001;
    await expect(client.send(new GetRecordsCommand({ ShardIterator: stale }))).rejects.toMatchObject({
      name: 'ExpiredIteratorException',
      message: expect.stringMatching(/^Iterator expired\. The iterator was created at time \w{3} \w{3} \d{2} [\d:]{8} UTC \d{4} while right now it is \w{3} \w{3} \d{2} [\d:]{8} UTC \d{4} which is further in the future than the tolerated delay of 300000 milliseconds\.$/),
    });
    const fresh = await client.send(new GetRecordsCommand({ ShardIterator: await iterator('expiring', 'shardId-000000000000') }));
    expect(fresh.Records).toHaveLength(1);
    await expect(client.send(new GetRecordsCommand({ ShardIterator: 'AAAAAAAAAAE=' }))).rejects.toMatchObject({ name: 'InvalidArgumentException', message: 'Invalid ShardIterator.' });
  });

  it('drops records once they are older than the retention period', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'retained', ShardCount: 1 }));
    await active('retained');
    await client.send(new PutRecordCommand({ StreamName: 'retained', PartitionKey: 'k', Data: bytes('soon gone') }));
    expect((await box.kinesis().readStream('retained'))).toHaveLength(1);
    shift += 24 * 3_600_000 + 1_000;
    expect(await box.kinesis().readStream('retained')).toEqual([]);
  });

  it('words validation failures as AWS does, record by record', async () => {
    await expect(client.send(new CreateStreamCommand({ StreamName: 'bad name!', ShardCount: 1 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value 'bad name!' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    });
    await expect(client.send(new PutRecordsCommand({ StreamName: 'seq', Records: [{ PartitionKey: 'ok', Data: bytes('1') }, { PartitionKey: '', Data: bytes('2') }] }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value '' at 'records.2.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    await expect(client.send(new PutRecordCommand({ StreamName: 'seq', PartitionKey: 'k', Data: new Uint8Array(1_048_577) }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1048577 cap=1048577]' at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576",
    });
    await expect(client.send(new ListStreamsCommand({ Limit: 0 }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
  });

  it('splits, merges and rescales shards, closing parents and listing children', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'reshard', ShardCount: 2 }));
    await active('reshard');
    await client.send(new PutRecordCommand({ StreamName: 'reshard', PartitionKey: 'k', Data: bytes('before'), ExplicitHashKey: '1' }));
    await client.send(new SplitShardCommand({ StreamName: 'reshard', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' }));
    await active('reshard');
    const shards = (await client.send(new ListShardsCommand({ StreamName: 'reshard' }))).Shards ?? [];
    expect(shards.map((s) => [s.ShardId, s.ParentShardId, s.HashKeyRange?.StartingHashKey, s.SequenceNumberRange?.EndingSequenceNumber !== undefined])).toEqual([
      ['shardId-000000000000', undefined, '0', true],
      ['shardId-000000000001', undefined, '170141183460469231731687303715884105728', false],
      ['shardId-000000000002', 'shardId-000000000000', '0', false],
      ['shardId-000000000003', 'shardId-000000000000', '1000', false],
    ]);
    // The closed parent is read to its end, then the reader is told its children.
    const end = await client.send(new GetRecordsCommand({ ShardIterator: await iterator('reshard', 'shardId-000000000000') }));
    expect(end.Records?.map((r) => new TextDecoder().decode(r.Data))).toEqual(['before']);
    expect(end.NextShardIterator).toBeUndefined();
    expect(end.ChildShards?.map((c) => c.ShardId)).toEqual(['shardId-000000000002', 'shardId-000000000003']);

    await client.send(new MergeShardsCommand({ StreamName: 'reshard', ShardToMerge: 'shardId-000000000002', AdjacentShardToMerge: 'shardId-000000000003' }));
    await active('reshard');
    const scaled = await client.send(new UpdateShardCountCommand({ StreamName: 'reshard', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' }));
    expect(scaled).toMatchObject({ CurrentShardCount: 2, TargetShardCount: 4 });
    await active('reshard');
    expect((await box.kinesis().describeStreamSummary('reshard')).openShardCount).toBe(4);
    await expect(client.send(new UpdateShardCountCommand({ StreamName: 'reshard', TargetShardCount: 9, ScalingType: 'UNIFORM_SCALING' }))).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: 'UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: 4 Target shard count: 9',
    });
  });

  it('switches a stream to on-demand by ARN', async () => {
    const arn = 'arn:aws:kinesis:us-east-1:000000000000:stream/reshard';
    await client.send(new UpdateStreamModeCommand({ StreamARN: arn, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    await active('reshard');
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamARN: arn }))).StreamDescriptionSummary?.StreamModeDetails).toEqual({ StreamMode: 'ON_DEMAND' });
  });

  it('refuses an ARN of another region as a stream this region does not have', async () => {
    await expect(client.send(new DescribeStreamSummaryCommand({ StreamARN: 'arn:aws:kinesis:ap-northeast-2:000000000000:stream/seq' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Stream arn:aws:kinesis:ap-northeast-2:000000000000:stream/seq under account 000000000000 not found.',
    });
  });

  async function stream(name: string, shards = 1, mode: 'PROVISIONED' | 'ON_DEMAND' = 'PROVISIONED'): Promise<void> {
    await client.send(new CreateStreamCommand({ StreamName: name, ...(mode === 'ON_DEMAND' ? { StreamModeDetails: { StreamMode: mode } } : { ShardCount: shards }) }));
    await box.waitForActive(name);
  }

  it('keeps records up to 8,760 hours (365 days), and refuses more with AWS text', async () => {
    await stream('year');
    await client.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: 'year', RetentionPeriodHours: 8760 }));
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: 'year' }))).StreamDescriptionSummary?.RetentionPeriodHours).toBe(8760);
    await expect(client.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: 'year', RetentionPeriodHours: 8761 }))).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: 'Maximum allowed retention period is 8760 hours. Requested retention period (8761 hours) is too long.',
    });
  });

  it('ListStreams answers StreamSummaries beside StreamNames', async () => {
    await stream('summaries');
    const listed = await client.send(new ListStreamsCommand({}));
    const summary = listed.StreamSummaries?.find((s) => s.StreamName === 'summaries');
    expect(listed.StreamNames).toContain('summaries');
    expect(summary).toMatchObject({
      StreamARN: `arn:aws:kinesis:${TEST_REGION}:000000000000:stream/summaries`,
      StreamStatus: 'ACTIVE',
      StreamModeDetails: { StreamMode: 'PROVISIONED' },
    });
    expect(summary?.StreamCreationTimestamp).toBeInstanceOf(Date);
  });

  it('DescribeStream pages shards with Limit and ExclusiveStartShardId', async () => {
    await stream('paged', 3);
    const first = (await client.send(new DescribeStreamCommand({ StreamName: 'paged', Limit: 2 }))).StreamDescription;
    expect(first?.Shards?.map((s) => s.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(first?.HasMoreShards).toBe(true);
    const rest = (await client.send(new DescribeStreamCommand({ StreamName: 'paged', ExclusiveStartShardId: 'shardId-000000000001' }))).StreamDescription;
    expect(rest?.Shards?.map((s) => s.ShardId)).toEqual(['shardId-000000000002']);
    expect(rest?.HasMoreShards).toBe(false);
  });

  it('SplitShard refuses a closed parent and an on-demand stream', async () => {
    await stream('split');
    await client.send(new SplitShardCommand({ StreamName: 'split', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF_RANGE }));
    await box.waitForActive('split');
    await expect(client.send(new SplitShardCommand({ StreamName: 'split', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF_RANGE }))).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: expect.stringContaining('has already been merged or split'),
    });
    await stream('split-on-demand', 0, 'ON_DEMAND');
    await expect(client.send(new SplitShardCommand({ StreamName: 'split-on-demand', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: HALF_RANGE }))).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: expect.stringContaining('ON_DEMAND'),
    });
  });

  it('MillisBehindLatest says how far the records read are behind the tip of the shard', async () => {
    await stream('behind');
    await client.send(new PutRecordCommand({ StreamName: 'behind', PartitionKey: 'k', Data: bytes('old') }));
    shift += 60_000;
    try {
      await client.send(new PutRecordCommand({ StreamName: 'behind', PartitionKey: 'k', Data: bytes('new') }));
      const iterator = (await client.send(new GetShardIteratorCommand({ StreamName: 'behind', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      const first = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1 }));
      expect(first.Records?.map((r) => new TextDecoder().decode(r.Data))).toEqual(['old']);
      expect(first.MillisBehindLatest).toBeGreaterThanOrEqual(59_000);
      const second = await client.send(new GetRecordsCommand({ ShardIterator: first.NextShardIterator }));
      expect(second.Records?.map((r) => new TextDecoder().decode(r.Data))).toEqual(['new']);
      expect(second.MillisBehindLatest).toBe(0);
    } finally {
      shift -= 60_000;
    }
  });

  it.skipIf(!hasAwsCli)('the AWS CLI: a malformed StreamARN is refused on streamARN, not as a missing stream name (needs aws)', async () => {
    const home = await mkdtemp(join(tmpdir(), 'kinesis-lab-edges-'));
    try {
      const env = awsCliEnv(home);
      const failed = await run('aws', ['kinesis', 'describe-stream-summary', '--stream-arn', 'not-an-arn', '--endpoint-url', box.sandbox.url, '--region', TEST_REGION], { env }).then(
        () => undefined,
        (error: unknown) => (error as { stderr: string }).stderr,
      );
      expect(failed).toContain('ValidationException');
      expect(failed).toContain("Value 'not-an-arn' at 'streamARN' failed to satisfy constraint");
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
