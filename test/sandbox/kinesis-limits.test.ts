/**
 * AWS's Kinesis limits, on by default in the sandbox, as SDK v3 sees them: per shard 1,000 records/s and
 * 1 MiB/s of writes, 5 GetRecords and GetShardIterator calls/s and 2 MiB/s of reads; the control plane's
 * calls per second; the default shard quota; and `limits: 'off'` for demos. The sandbox clock is held
 * still and moved a second at a time, so every window is exact.
 */
import {
  CreateStreamCommand, DescribeLimitsCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand,
  ListStreamsCommand, PutRecordCommand, PutRecordsCommand, UpdateShardCountCommand, UpdateStreamModeCommand,
} from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import type { SandboxOptions } from '../../src/sandbox/sandbox-types.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const bytes = (size: number, fill = 120) => new Uint8Array(size).fill(fill);

describe('AWS limits in the sandbox', () => {
  let box: TestSandbox | undefined;
  let now = Date.UTC(2026, 0, 5, 9, 0, 0);
  afterEach(async () => {
    await box?.stop();
    box = undefined;
  });

  async function start(options: SandboxOptions = {}): Promise<{ box: TestSandbox; client: KinesisClient }> {
    now = Date.UTC(2026, 0, 5, 9, 0, 0);
    box = await startTestSandbox({ clock: () => now, ...options });
    return { box, client: box.client() };
  }

  async function stream(client: KinesisClient, name: string, shards: number): Promise<void> {
    await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
    await box?.waitForActive(name);
  }

  it('PutRecord: 1,000 records per second into a shard, then ProvisionedThroughputExceededException with AWS text', async () => {
    const { client } = await start();
    await stream(client, 'one', 1);
    // 999 records in two PutRecords calls, then the 1,000th with PutRecord: the second's budget is used up.
    for (const from of [0, 500]) {
      const records = Array.from({ length: from === 0 ? 500 : 499 }, (_, i) => ({ PartitionKey: `k${from + i}`, Data: bytes(10) }));
      expect((await client.send(new PutRecordsCommand({ StreamName: 'one', Records: records }))).FailedRecordCount).toBe(0);
    }
    await client.send(new PutRecordCommand({ StreamName: 'one', PartitionKey: 'last', Data: bytes(10) }));
    await expect(client.send(new PutRecordCommand({ StreamName: 'one', PartitionKey: 'k', Data: bytes(10) }))).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      message: 'Rate exceeded for shard shardId-000000000000 in stream one under account 000000000000.',
      $metadata: { httpStatusCode: 400 },
    });
    now += 1000;
    await expect(client.send(new PutRecordCommand({ StreamName: 'one', PartitionKey: 'k', Data: bytes(10) }))).resolves.toMatchObject({ ShardId: 'shardId-000000000000' });
  });

  it('PutRecords: entries past the shard\'s 1,000 records/s fail one by one; 1 MiB/s counts data and partition keys', async () => {
    const { client } = await start();
    await stream(client, 'batches', 1);
    const batch = (from: number) => Array.from({ length: 500 }, (_, i) => ({ PartitionKey: `p${from + i}`, Data: bytes(10) }));
    expect((await client.send(new PutRecordsCommand({ StreamName: 'batches', Records: batch(0) }))).FailedRecordCount).toBe(0);
    expect((await client.send(new PutRecordsCommand({ StreamName: 'batches', Records: batch(500) }))).FailedRecordCount).toBe(0);
    const third = await client.send(new PutRecordsCommand({ StreamName: 'batches', Records: batch(1000) }));
    expect(third.FailedRecordCount).toBe(500);
    expect(third.Records?.[0]).toEqual({ ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: 'Rate exceeded for shard shardId-000000000000 in stream batches under account 000000000000.' });

    now += 1000;
    // 1,048,576 bytes a second: a record of 1,048,570 bytes of data with a 6-character key fills it exactly.
    const full = await client.send(new PutRecordsCommand({ StreamName: 'batches', Records: [{ PartitionKey: 'kkkkkk', Data: bytes(1_048_570) }, { PartitionKey: 'k', Data: bytes(1) }] }));
    expect(full.Records?.map((r) => r.ErrorCode ?? 'ok')).toEqual(['ok', 'ProvisionedThroughputExceededException']);
  });

  it('an on-demand stream starts with 4 MiB/s of write capacity, its four shards\' worth', async () => {
    const { client } = await start();
    await client.send(new CreateStreamCommand({ StreamName: 'elastic', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    await box?.waitForActive('elastic');
    let written = 0;
    for (let from = 0; from < 6000; from += 500) {
      const result = await client.send(new PutRecordsCommand({ StreamName: 'elastic', Records: Array.from({ length: 500 }, (_, i) => ({ PartitionKey: `trip-${from + i}`, Data: bytes(10) })) }));
      written += 500 - (result.FailedRecordCount ?? 0);
    }
    // Random keys spread unevenly, so a little under 4,000 fit in the second; one shard alone would take 1,000.
    expect(written).toBeGreaterThan(3000);
    expect(written).toBeLessThanOrEqual(4000);
  });

  it('GetRecords: 5 calls per second per shard, and reading 2 MiB leaves the shard unreadable until the second has passed', async () => {
    const { client } = await start();
    await stream(client, 'reads', 1);
    const iterator = (await client.send(new GetShardIteratorCommand({ StreamName: 'reads', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    for (let i = 0; i < 5; i++) await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
    await expect(client.send(new GetRecordsCommand({ ShardIterator: iterator }))).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      message: 'Rate exceeded for Shard - 000000000000/reads/shardId-000000000000',
    });

    // Three records of 1,000,000 bytes, a second apart (each second's 1 MiB of writes takes one).
    for (const key of ['a', 'b', 'c']) {
      now += 1000;
      await client.send(new PutRecordCommand({ StreamName: 'reads', PartitionKey: key, Data: bytes(1_000_000) }));
    }
    const read = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
    expect(read.Records).toHaveLength(3);
    // 3 MB came back, more than a second's 2 MiB: the shard refuses reads until the second has passed.
    await expect(client.send(new GetRecordsCommand({ ShardIterator: read.NextShardIterator }))).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    now += 1000;
    await expect(client.send(new GetRecordsCommand({ ShardIterator: read.NextShardIterator }))).resolves.toMatchObject({ MillisBehindLatest: 0 });
  });

  it('GetShardIterator: 5 calls per second per shard', async () => {
    const { client } = await start();
    await stream(client, 'iterators', 1);
    const ask = () => client.send(new GetShardIteratorCommand({ StreamName: 'iterators', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }));
    for (let i = 0; i < 5; i++) await ask();
    await expect(ask()).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
  });

  it('the control plane: DescribeStreamSummary 20 calls/s per account, ListStreams 5, DescribeLimits 1, in AWS\'s words', async () => {
    const { client } = await start();
    await stream(client, 'control', 1);
    now += 1000;
    for (let i = 0; i < 20; i++) await client.send(new DescribeStreamSummaryCommand({ StreamName: 'control' }));
    await expect(client.send(new DescribeStreamSummaryCommand({ StreamName: 'control' }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Rate exceeded for stream control under account 000000000000.',
    });
    for (let i = 0; i < 5; i++) await client.send(new ListStreamsCommand({}));
    await expect(client.send(new ListStreamsCommand({}))).rejects.toMatchObject({ name: 'LimitExceededException', message: 'Rate exceeded for account 000000000000.' });
    await client.send(new DescribeLimitsCommand({}));
    await expect(client.send(new DescribeLimitsCommand({}))).rejects.toMatchObject({ name: 'LimitExceededException' });
    // Another account has budgets of its own.
    const stranger = createKinesisClient({ region: 'us-east-1', endpoint: box?.sandbox.url ?? '', credentials: { accessKeyId: 'AKIAOTHERLEARNER0001', secretAccessKey: 'x' } }, { maxAttempts: 1 });
    await expect(stranger.send(new ListStreamsCommand({}))).resolves.toMatchObject({ StreamNames: [] });
    stranger.destroy();
    now += 1000;
    await expect(client.send(new ListStreamsCommand({}))).resolves.toMatchObject({ StreamNames: ['control'] });
  });

  it('CreateStream: at most five streams CREATING at once per account', async () => {
    const { client } = await start({ createStreamMs: 60_000 });
    for (let i = 0; i < 5; i++) await client.send(new CreateStreamCommand({ StreamName: `new-${i}`, ShardCount: 1 }));
    now += 1000;
    await expect(client.send(new CreateStreamCommand({ StreamName: 'new-5', ShardCount: 1 }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Account 000000000000 already has 5 streams in CREATING state in us-east-1; wait until one is ACTIVE.',
    });
  });

  it('the default shard quota: 20,000 in us-east-1, 1,000 in other regions, with AWS\'s text; DescribeLimits reports it', async () => {
    const { box: sandbox, client } = await start();
    await client.send(new CreateStreamCommand({ StreamName: 'wide', ShardCount: 100 }));
    const seoul = sandbox.client('ap-northeast-2');
    await seoul.send(new CreateStreamCommand({ StreamName: 'big', ShardCount: 999 }));
    await expect(seoul.send(new CreateStreamCommand({ StreamName: 'more', ShardCount: 2 }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'This request would exceed the shard limit for the account 000000000000 in ap-northeast-2. Current shard count for the account: 999. Limit: 1000. Number of additional shards that would have resulted from this request: 2. Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.',
    });
    expect(await seoul.send(new DescribeLimitsCommand({}))).toMatchObject({ ShardLimit: 1000, OpenShardCount: 999, OnDemandStreamCount: 0, OnDemandStreamCountLimit: 50 });
    expect(await client.send(new DescribeLimitsCommand({}))).toMatchObject({ ShardLimit: 20000, OpenShardCount: 100 });
  });

  it('UpdateShardCount and UpdateStreamMode raise what a throttled stream takes', async () => {
    const { client } = await start();
    await stream(client, 'grow', 1);
    const fill = async (): Promise<number> => {
      now += 1000;
      let written = 0;
      for (let from = 0; from < 6000; from += 500) {
        const result = await client.send(new PutRecordsCommand({ StreamName: 'grow', Records: Array.from({ length: 500 }, (_, i) => ({ PartitionKey: `trip-${from + i}`, Data: bytes(10) })) }));
        written += 500 - (result.FailedRecordCount ?? 0);
      }
      return written;
    };
    expect(await fill()).toBe(1000);
    await client.send(new UpdateShardCountCommand({ StreamName: 'grow', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' }));
    await box?.waitForActive('grow');
    expect(await fill()).toBe(2000);
    const arn = 'arn:aws:kinesis:us-east-1:000000000000:stream/grow';
    await client.send(new UpdateStreamModeCommand({ StreamARN: arn, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    await box?.waitForActive('grow');
    // On-demand: at least the 4 MiB/s an on-demand stream starts with.
    expect((await client.send(new ListShardsCommand({ StreamName: 'grow', ShardFilter: { Type: 'AT_LATEST' } }))).Shards).toHaveLength(4);
    expect(await fill()).toBeGreaterThan(3000);
  });

  it("limits: 'off' serves as fast as it can, for a demo", async () => {
    const { client } = await start({ limits: 'off' });
    await stream(client, 'demo', 1);
    for (let from = 0; from < 3000; from += 500) {
      const result = await client.send(new PutRecordsCommand({ StreamName: 'demo', Records: Array.from({ length: 500 }, (_, i) => ({ PartitionKey: `p${from + i}`, Data: bytes(10) })) }));
      expect(result.FailedRecordCount).toBe(0);
    }
    for (let i = 0; i < 30; i++) await client.send(new ListStreamsCommand({}));
  });
});
