import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeStreamCommand, DescribeStreamSummaryCommand, EnableEnhancedMonitoringCommand, ListShardsCommand,
  ListStreamsCommand, ListTagsForStreamCommand, PutRecordCommand, RegisterStreamConsumerCommand,
} from '@aws-sdk/client-kinesis';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const text = (value: string) => new TextEncoder().encode(value);
const decoded = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('Kinesis through the SDK against the sandbox', () => {
  let box: TestSandbox;
  beforeAll(async () => {
    box = await startTestSandbox();
  });
  afterAll(() => box.stop());

  it('creates, describes, lists, writes and reads back a provisioned stream', async () => {
    const kinesis = box.kinesis();
    await kinesis.createStream('round-trip', { mode: 'PROVISIONED', shardCount: 2 });
    await box.waitForActive('round-trip');

    const summary = await kinesis.describeStreamSummary('round-trip');
    expect(summary).toMatchObject({
      name: 'round-trip',
      arn: 'arn:aws:kinesis:us-east-1:000000000000:stream/round-trip',
      status: 'ACTIVE',
      mode: 'PROVISIONED',
      openShardCount: 2,
      retentionHours: 24,
      maxRecordBytes: 1_048_576,
    });
    expect(summary.createdAt).toBeInstanceOf(Date);
    expect(await kinesis.listStreams()).toContain('round-trip');
    expect(await kinesis.listShardIds('round-trip')).toEqual(['shardId-000000000000', 'shardId-000000000001']);

    const single = await kinesis.putRecord('round-trip', { partitionKey: 'taxi-1', data: text('{"trip":1}') });
    expect(single.httpStatus).toBe(200);
    expect(single.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(single.shardId).toMatch(/^shardId-00000000000[01]$/);

    const batch = await kinesis.putRecords('round-trip', [2, 3, 4].map((n) => ({ partitionKey: `taxi-${n}`, data: text(`{"trip":${n}}`) })));
    expect(batch.failedRecordCount).toBe(0);
    expect(batch.records).toHaveLength(3);
    expect(batch.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(batch.records.every((entry) => entry.sequenceNumber !== undefined && entry.shardId !== undefined)).toBe(true);

    const records = await kinesis.readStream('round-trip');
    expect(records.map((record) => decoded(record.data)).sort()).toEqual(['{"trip":1}', '{"trip":2}', '{"trip":3}', '{"trip":4}']);
    const first = records.find((record) => record.sequenceNumber === single.sequenceNumber);
    expect(first).toMatchObject({ shardId: single.shardId, partitionKey: 'taxi-1' });

    expect(await kinesis.readStream('round-trip', { limit: 2 })).toHaveLength(2);
    const again = await kinesis.readRecordAt('round-trip', single.shardId, single.sequenceNumber);
    expect(again && decoded(again.data)).toBe('{"trip":1}');
  });

  it('creates an on-demand stream with four shards and reports its mode', async () => {
    const kinesis = box.kinesis();
    await kinesis.createStream('on-demand', { mode: 'ON_DEMAND', tags: { lab: 'kinesis' } });
    await box.waitForActive('on-demand');
    expect(await kinesis.describeStreamSummary('on-demand')).toMatchObject({ mode: 'ON_DEMAND', openShardCount: 4 });
    const client = box.client();
    const described = await client.send(new DescribeStreamCommand({ StreamName: 'on-demand' }));
    expect(described.StreamDescription?.StreamModeDetails).toEqual({ StreamMode: 'ON_DEMAND' });
    const tags = await client.send(new ListTagsForStreamCommand({ StreamName: 'on-demand' }));
    expect(tags.Tags).toEqual([{ Key: 'lab', Value: 'kinesis' }]);
  });

  it('rejects a shard count for an on-demand stream', async () => {
    await expect(box.kinesis().createStream('bad-on-demand', { mode: 'ON_DEMAND', shardCount: 2 })).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: 'ShardCount is not expected when StreamMode=ON_DEMAND',
    });
  });

  it('pages ListShards with NextToken', async () => {
    await box.kinesis().createStream('paged', { mode: 'PROVISIONED', shardCount: 3 });
    await box.waitForActive('paged');
    const client = box.client();
    const first = await client.send(new ListShardsCommand({ StreamName: 'paged', MaxResults: 2 }));
    expect(first.Shards?.map((shard) => shard.ShardId)).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(first.NextToken).toBeTypeOf('string');
    const second = await client.send(new ListShardsCommand({ NextToken: first.NextToken, MaxResults: 2 }));
    expect(second.Shards?.map((shard) => shard.ShardId)).toEqual(['shardId-000000000002']);
    expect(second.NextToken).toBeUndefined();
  });

  it('accepts StreamARN in place of StreamName', async () => {
    const arn = 'arn:aws:kinesis:us-east-1:000000000000:stream/round-trip';
    const client = box.client();
    const summary = await client.send(new DescribeStreamSummaryCommand({ StreamARN: arn }));
    expect(summary.StreamDescriptionSummary?.StreamName).toBe('round-trip');
    const put = await client.send(new PutRecordCommand({ StreamARN: arn, PartitionKey: 'k', Data: text('arn') }));
    expect(put.SequenceNumber).toMatch(/^\d+$/);
  });

  it('records enhanced monitoring and reports it in the summary', async () => {
    const client = box.client();
    const enabled = await client.send(new EnableEnhancedMonitoringCommand({ StreamName: 'paged', ShardLevelMetrics: ['IncomingBytes', 'IncomingRecords'] }));
    expect(enabled).toMatchObject({
      StreamName: 'paged',
      StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/paged',
      CurrentShardLevelMetrics: [],
      DesiredShardLevelMetrics: ['IncomingBytes', 'IncomingRecords'],
    });
    const summary = await client.send(new DescribeStreamSummaryCommand({ StreamName: 'paged' }));
    expect(summary.StreamDescriptionSummary?.EnhancedMonitoring).toEqual([{ ShardLevelMetrics: ['IncomingBytes', 'IncomingRecords'] }]);
  });

  it('answers EnableEnhancedMonitoring on a missing stream with AWS not-found text', async () => {
    await expect(box.client().send(new EnableEnhancedMonitoringCommand({ StreamName: 'nope', ShardLevelMetrics: ['ALL'] }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Stream nope under account 000000000000 not found.',
    });
  });

  it('carries out every Kinesis operation (RegisterStreamConsumer among them), and answers targets Kinesis lacks with UnknownOperationException', async () => {
    await expect(box.client().send(new RegisterStreamConsumerCommand({ StreamARN: 'arn:aws:kinesis:us-east-1:000000000000:stream/paged', ConsumerName: 'c' }))).resolves.toMatchObject({
      Consumer: { ConsumerName: 'c', ConsumerStatus: 'CREATING', ConsumerARN: expect.stringMatching(/^arn:aws:kinesis:us-east-1:000000000000:stream\/paged\/consumer\/c:\d+$/) },
      $metadata: { httpStatusCode: 200 },
    });
    const response = await fetch(box.sandbox.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'Kinesis_20131202.Frobnicate',
        'x-amz-date': '20261122T000000Z',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIAKINESISLAB000000/20261122/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=00',
      },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'UnknownOperationException',
      message: "The kinesis-lab sandbox does not implement X-Amz-Target 'Kinesis_20131202.Frobnicate' (signed for service 'kinesis').",
    });
  });

  it('deletes a stream', async () => {
    const kinesis = box.kinesis();
    await kinesis.createStream('short-lived', { mode: 'PROVISIONED', shardCount: 1 });
    await box.waitForActive('short-lived');
    await kinesis.deleteStream('short-lived');
    for (let attempt = 0; attempt < 100 && (await kinesis.listStreams()).includes('short-lived'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await kinesis.listStreams()).not.toContain('short-lived');
  });
});

describe('regions', () => {
  let box: TestSandbox;
  beforeAll(async () => {
    // Paging needs a dozen streams made in a row, faster than CreateStream's 5 calls/s: limits off
    // (test/sandbox/kinesis-limits.test.ts holds the sandbox to them).
    box = await startTestSandbox({ limits: 'off' });
  });
  afterAll(() => box.stop());

  it('keeps streams apart per region, as AWS does', async () => {
    await box.kinesis('us-east-1').createStream('input-stream', { mode: 'ON_DEMAND' });
    await box.waitForActive('input-stream', 'us-east-1');

    const seoul = box.kinesis('ap-northeast-2');
    await expect(seoul.describeStreamSummary('input-stream')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Stream input-stream under account 000000000000 not found.',
    });
    expect(await seoul.listStreams()).toEqual([]);

    await seoul.createStream('input-stream', { mode: 'PROVISIONED', shardCount: 1 });
    await box.waitForActive('input-stream', 'ap-northeast-2');
    const summary = await seoul.describeStreamSummary('input-stream');
    expect(summary.arn).toBe('arn:aws:kinesis:ap-northeast-2:000000000000:stream/input-stream');
    expect(summary.mode).toBe('PROVISIONED');
    expect((await box.kinesis('us-east-1').describeStreamSummary('input-stream')).mode).toBe('ON_DEMAND');
  });

  it('pages ListStreams with NextToken past the first ten names', async () => {
    const kinesis = box.kinesis('eu-north-1');
    const names = Array.from({ length: 12 }, (_, index) => `stream-${String(index).padStart(2, '0')}`);
    for (const name of names) await kinesis.createStream(name, { mode: 'PROVISIONED', shardCount: 1 });
    const first = await box.client('eu-north-1').send(new ListStreamsCommand({}));
    expect(first.StreamNames).toEqual(names.slice(0, 10));
    expect(first.HasMoreStreams).toBe(true);
    const second = await box.client('eu-north-1').send(new ListStreamsCommand({ NextToken: first.NextToken }));
    expect(second.StreamNames).toEqual(names.slice(10));
    expect(second.NextToken).toBeUndefined();
    expect(await kinesis.listStreams()).toEqual(names);
  });

  it('reports an existing stream with AWS in-use text', async () => {
    await expect(box.kinesis('us-east-1').createStream('input-stream', { mode: 'ON_DEMAND' })).rejects.toMatchObject({
      name: 'ResourceInUseException',
      message: 'Stream input-stream under account 000000000000 already exists.',
    });
  });
});
