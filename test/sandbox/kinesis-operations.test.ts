/**
 * The Kinesis operations beyond the workshop's, through SDK v3, as AWS documents them: consumers and
 * SubscribeToShard, encryption, resource policies (another account writing to a shared stream), tags by
 * ARN, account settings, record sizes, warm throughput, ListShards' filters; and that every operation of
 * botocore's model has an implementation.
 */
import {
  CreateStreamCommand, DeleteResourcePolicyCommand, DeleteStreamCommand, DeregisterStreamConsumerCommand, DescribeAccountSettingsCommand,
  DescribeStreamConsumerCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetResourcePolicyCommand, GetShardIteratorCommand,
  ListShardsCommand, ListStreamConsumersCommand, ListTagsForResourceCommand, PutRecordCommand, PutRecordsCommand, PutResourcePolicyCommand,
  RegisterStreamConsumerCommand, SplitShardCommand, StartStreamEncryptionCommand, StopStreamEncryptionCommand, SubscribeToShardCommand,
  TagResourceCommand, UntagResourceCommand, UpdateAccountSettingsCommand, UpdateMaxRecordSizeCommand, UpdateStreamWarmThroughputCommand,
} from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { KINESIS_OPERATIONS } from '../../src/sandbox/kinesis/model/kinesis-model.js';
import { OPERATIONS } from '../../src/sandbox/kinesis/operations/operation-table.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const ARN = (name: string, account = '000000000000') => `arn:aws:kinesis:us-east-1:${account}:stream/${name}`;

describe('every Kinesis operation', () => {
  let box: TestSandbox;
  let client: KinesisClient;
  let shift = 0;
  const made: KinesisClient[] = [];
  /** A client signing as another learner: another account. */
  const stranger = (accessKeyId: string): KinesisClient => {
    const other = createKinesisClient({ region: 'us-east-1', endpoint: box.sandbox.url, credentials: { accessKeyId, secretAccessKey: SANDBOX_CREDENTIALS.secretAccessKey } }, { maxAttempts: 1 });
    made.push(other);
    return other;
  };

  beforeAll(async () => {
    // Consumers stay DELETING for a minute of the engine's clock, which the tests move; limits off: these
    // tests call faster than AWS allows.
    box = await startTestSandbox({ kinesisClock: () => Date.now() + shift, createStreamMs: 0, deleteStreamMs: 60_000, limits: 'off' });
    client = box.client();
  });
  afterAll(async () => {
    for (const other of made) other.destroy();
    await box.stop();
  });

  async function stream(name: string, shards = 1): Promise<string> {
    await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
    await box.waitForActive(name);
    return ARN(name);
  }

  it('has an implementation for each of the 39 operations in botocore\'s model', () => {
    expect(Object.keys(KINESIS_OPERATIONS)).toHaveLength(39);
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(KINESIS_OPERATIONS).sort());
  });

  it('consumers: CREATING → ACTIVE → DELETING → gone, counted in the summary, listed and described by ARN or by name', async () => {
    const streamArn = await stream('fan-out');
    const registered = await client.send(new RegisterStreamConsumerCommand({ StreamARN: streamArn, ConsumerName: 'dashboard', Tags: { team: 'lab' } }));
    expect(registered.Consumer).toMatchObject({ ConsumerName: 'dashboard', ConsumerStatus: 'CREATING' });
    const consumerArn = registered.Consumer?.ConsumerARN ?? '';
    expect(consumerArn).toMatch(/^arn:aws:kinesis:us-east-1:000000000000:stream\/fan-out\/consumer\/dashboard:\d+$/);
    await expect(client.send(new RegisterStreamConsumerCommand({ StreamARN: streamArn, ConsumerName: 'dashboard' }))).rejects.toMatchObject({ name: 'ResourceInUseException' });
    // The sandbox's consumers take createStreamMs (0 here) to become ACTIVE.
    const described = await client.send(new DescribeStreamConsumerCommand({ StreamARN: streamArn, ConsumerName: 'dashboard' }));
    expect(described.ConsumerDescription).toMatchObject({ ConsumerARN: consumerArn, ConsumerStatus: 'ACTIVE', StreamARN: streamArn });
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: 'fan-out' }))).StreamDescriptionSummary?.ConsumerCount).toBe(1);
    expect((await client.send(new ListTagsForResourceCommand({ ResourceARN: consumerArn }))).Tags).toEqual([{ Key: 'team', Value: 'lab' }]);
    await expect(client.send(new DeleteStreamCommand({ StreamName: 'fan-out' }))).rejects.toMatchObject({ name: 'ResourceInUseException' });

    await client.send(new DeregisterStreamConsumerCommand({ ConsumerARN: consumerArn }));
    const listed = await client.send(new ListStreamConsumersCommand({ StreamARN: streamArn }));
    expect(listed.Consumers?.map((c) => [c.ConsumerName, c.ConsumerStatus])).toEqual([['dashboard', 'DELETING']]);
    shift += 61_000;
    try {
      expect((await client.send(new ListStreamConsumersCommand({ StreamARN: streamArn }))).Consumers).toEqual([]);
      await expect(client.send(new DescribeStreamConsumerCommand({ ConsumerARN: consumerArn }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    } finally {
      shift -= 61_000;
    }
    await expect(client.send(new DescribeStreamConsumerCommand({ StreamARN: streamArn }))).rejects.toMatchObject({ name: 'InvalidArgumentException' });
  });

  it('SubscribeToShard over HTTP/1.1: an initial response, then events with the records and where to continue', async () => {
    const streamArn = await stream('pushed');
    await client.send(new PutRecordsCommand({ StreamName: 'pushed', Records: [{ PartitionKey: 'a', Data: bytes('one') }, { PartitionKey: 'b', Data: bytes('two') }] }));
    const consumer = (await client.send(new RegisterStreamConsumerCommand({ StreamARN: streamArn, ConsumerName: 'push' }))).Consumer?.ConsumerARN ?? '';
    const subscribed = await client.send(new SubscribeToShardCommand({ ConsumerARN: consumer, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } }));
    const seen: string[] = [];
    let continuation = '';
    setTimeout(() => void client.send(new PutRecordCommand({ StreamName: 'pushed', PartitionKey: 'c', Data: bytes('three') })), 100);
    for await (const event of subscribed.EventStream ?? []) {
      const records = event.SubscribeToShardEvent?.Records ?? [];
      seen.push(...records.map((record) => new TextDecoder().decode(record.Data)));
      continuation = event.SubscribeToShardEvent?.ContinuationSequenceNumber ?? continuation;
      expect(event.SubscribeToShardEvent?.MillisBehindLatest).toBe(0);
      if (seen.length >= 3) break;
    }
    expect(seen).toEqual(['one', 'two', 'three']);
    expect(continuation).toMatch(/^\d{56}$/);
    // Within 5 seconds of a successful call, the same consumer and shard are taken.
    await expect(client.send(new SubscribeToShardCommand({ ConsumerARN: consumer, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } })))
      .rejects.toMatchObject({ name: expect.stringMatching(/^(ResourceInUseException|LimitExceededException)$/) });
  });

  it('encryption: UPDATING, then KMS with its key in the summary and on every write; stopped, NONE again', async () => {
    await stream('secret');
    await expect(client.send(new StartStreamEncryptionCommand({ StreamName: 'secret', EncryptionType: 'KMS', KeyId: 'not a key' }))).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    await client.send(new StartStreamEncryptionCommand({ StreamName: 'secret', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }));
    await box.waitForActive('secret');
    const summary = (await client.send(new DescribeStreamSummaryCommand({ StreamName: 'secret' }))).StreamDescriptionSummary;
    expect(summary).toMatchObject({ EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' });
    expect((await client.send(new PutRecordCommand({ StreamName: 'secret', PartitionKey: 'k', Data: bytes('x') }))).EncryptionType).toBe('KMS');
    await client.send(new StopStreamEncryptionCommand({ StreamName: 'secret', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }));
    await box.waitForActive('secret');
    expect((await client.send(new PutRecordCommand({ StreamName: 'secret', PartitionKey: 'k', Data: bytes('y') }))).EncryptionType).toBe('NONE');
  });

  it('resource policies: another account writes to a shared stream only once a policy grants its account, and never manages the policy', async () => {
    const classArn = await stream('class-stream');
    const learner = stranger('AKIALEARNERNUMBER001');
    const learnerAccount = (await import('../../src/sandbox/sandbox-accounts.js')).accountIdFor('AKIALEARNERNUMBER001');
    const put = () => learner.send(new PutRecordCommand({ StreamARN: classArn, PartitionKey: 'k', Data: bytes('from a learner') }));
    await expect(put()).rejects.toMatchObject({ name: 'AccessDeniedException', message: expect.stringContaining('because no resource-based policy allows the kinesis:PutRecord action') });
    expect((await client.send(new GetResourcePolicyCommand({ ResourceARN: classArn }))).Policy).toBe('{}');
    await expect(client.send(new PutResourcePolicyCommand({ ResourceARN: classArn, Policy: 'not json' }))).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: learnerAccount }, Action: ['kinesis:DescribeStreamSummary', 'kinesis:PutRecord', 'kinesis:PutRecords'], Resource: classArn }],
    });
    await client.send(new PutResourcePolicyCommand({ ResourceARN: classArn, Policy: policy }));
    expect((await client.send(new GetResourcePolicyCommand({ ResourceARN: classArn }))).Policy).toBe(policy);

    await expect(put()).resolves.toMatchObject({ ShardId: 'shardId-000000000000' });
    await expect(learner.send(new PutRecordsCommand({ StreamARN: classArn, Records: [{ PartitionKey: 'k', Data: bytes('batch') }] }))).resolves.toMatchObject({ FailedRecordCount: 0 });
    expect((await learner.send(new DescribeStreamSummaryCommand({ StreamARN: classArn }))).StreamDescriptionSummary?.StreamName).toBe('class-stream');
    // Reading was not granted; managing the policy never is.
    await expect(learner.send(new GetShardIteratorCommand({ StreamARN: classArn, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(learner.send(new DeleteResourcePolicyCommand({ ResourceARN: classArn }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const iterator = (await client.send(new GetShardIteratorCommand({ StreamName: 'class-stream', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    const records = (await client.send(new GetRecordsCommand({ ShardIterator: iterator }))).Records ?? [];
    expect(records.map((r) => new TextDecoder().decode(r.Data))).toEqual(['from a learner', 'batch']);

    await client.send(new DeleteResourcePolicyCommand({ ResourceARN: classArn }));
    await expect(put()).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('resource policies: a class stream read from another account, as its policy grants, by StreamARN', async () => {
    const classArn = await stream('class-read');
    await client.send(new PutRecordCommand({ StreamName: 'class-read', PartitionKey: 'k', Data: bytes('from the instructor') }));
    const reader = stranger('AKIAREADERNUMBER0001');
    const readerAccount = (await import('../../src/sandbox/sandbox-accounts.js')).accountIdFor('AKIAREADERNUMBER0001');
    const listShards = () => reader.send(new ListShardsCommand({ StreamARN: classArn }));
    await expect(listShards()).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await client.send(new PutResourcePolicyCommand({
      ResourceARN: classArn,
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${readerAccount}:root` }, Action: ['kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:GetShardIterator', 'kinesis:GetRecords'], Resource: classArn }],
      }),
    }));
    const shardId = (await listShards()).Shards?.[0]?.ShardId;
    expect(shardId).toBe('shardId-000000000000');
    const iterator = (await reader.send(new GetShardIteratorCommand({ StreamARN: classArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    const records = (await reader.send(new GetRecordsCommand({ ShardIterator: iterator, StreamARN: classArn }))).Records ?? [];
    expect(records.map((r) => new TextDecoder().decode(r.Data))).toEqual(['from the instructor']);
    // Reading was granted, writing was not.
    await expect(reader.send(new PutRecordCommand({ StreamARN: classArn, PartitionKey: 'k', Data: bytes('x') }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('tags by ARN: TagResource, UntagResource and ListTagsForResource on a stream, 50 at most', async () => {
    const arn = await stream('tagged');
    await client.send(new TagResourceCommand({ ResourceARN: arn, Tags: { course: 'kinesis', owner: 'me' } }));
    await client.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: ['owner'] }));
    expect((await client.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toEqual([{ Key: 'course', Value: 'kinesis' }]);
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    await expect(client.send(new TagResourceCommand({ ResourceARN: arn, Tags: many }))).rejects.toMatchObject({
      name: 'InvalidArgumentException',
      message: `Failed to add tags to resource ${arn} because a given resource cannot have more than 50 tags associated with it.`,
    });
    await expect(client.send(new ListTagsForResourceCommand({ ResourceARN: ARN('missing') }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('account settings: a commitment of at least 24 hours; disabling sooner ends it at the earliest allowed end', async () => {
    expect((await client.send(new DescribeAccountSettingsCommand({}))).MinimumThroughputBillingCommitment).toEqual({ Status: 'DISABLED' });
    const enabled = (await client.send(new UpdateAccountSettingsCommand({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } }))).MinimumThroughputBillingCommitment;
    expect(enabled?.Status).toBe('ENABLED');
    expect((enabled?.EarliestAllowedEndAt?.getTime() ?? 0) - (enabled?.StartedAt?.getTime() ?? 0)).toBe(24 * 3_600_000);
    const asked = (await client.send(new UpdateAccountSettingsCommand({ MinimumThroughputBillingCommitment: { Status: 'DISABLED' } }))).MinimumThroughputBillingCommitment;
    expect(asked?.Status).toBe('ENABLED_UNTIL_EARLIEST_ALLOWED_END');
    shift += 25 * 3_600_000;
    try {
      const later = (await client.send(new DescribeAccountSettingsCommand({}))).MinimumThroughputBillingCommitment;
      expect(later).toMatchObject({ Status: 'DISABLED', EndedAt: enabled?.EarliestAllowedEndAt });
    } finally {
      shift -= 25 * 3_600_000;
    }
  });

  it('warm throughput: only for on-demand streams of an account with the commitment; the stream gets a shard per MiB/s', async () => {
    await client.send(new CreateStreamCommand({ StreamName: 'warm', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    await box.waitForActive('warm');
    await client.send(new UpdateAccountSettingsCommand({ MinimumThroughputBillingCommitment: { Status: 'DISABLED' } }));
    await stream('provisioned-warm');
    await expect(client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'provisioned-warm', WarmThroughputMiBps: 8 }))).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    await client.send(new UpdateAccountSettingsCommand({ MinimumThroughputBillingCommitment: { Status: 'ENABLED' } }));
    const answer = await client.send(new UpdateStreamWarmThroughputCommand({ StreamName: 'warm', WarmThroughputMiBps: 8 }));
    expect(answer).toMatchObject({ StreamName: 'warm', WarmThroughput: { TargetMiBps: 8 } });
    await box.waitForActive('warm');
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: 'warm' }))).StreamDescriptionSummary).toMatchObject({ OpenShardCount: 8, WarmThroughput: { TargetMiBps: 8, CurrentMiBps: 8 } });
  });

  it('UpdateMaxRecordSize: a 1.5 MiB record is refused at 1 MiB and accepted at 2 MiB, as MaxRecordSizeInKiB says', async () => {
    const arn = await stream('large');
    const record = new Uint8Array(1_572_864);
    await expect(client.send(new PutRecordCommand({ StreamName: 'large', PartitionKey: 'k', Data: record }))).rejects.toMatchObject({ name: 'ValidationException' });
    await client.send(new UpdateMaxRecordSizeCommand({ StreamARN: arn, MaxRecordSizeInKiB: 2048 }));
    expect((await client.send(new DescribeStreamSummaryCommand({ StreamName: 'large' }))).StreamDescriptionSummary?.MaxRecordSizeInKiB).toBe(2048);
    await expect(client.send(new PutRecordCommand({ StreamName: 'large', PartitionKey: 'k', Data: record }))).resolves.toMatchObject({ ShardId: 'shardId-000000000000' });
  });

  it('ListShards: each ShardFilter type, and a filter missing what it needs refused', async () => {
    await stream('filtered', 2);
    await client.send(new SplitShardCommand({ StreamName: 'filtered', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1000' }));
    await box.waitForActive('filtered');
    const ids = async (filter?: Record<string, unknown>) =>
      ((await client.send(new ListShardsCommand({ StreamName: 'filtered', ...(filter ? { ShardFilter: filter as never } : {}) }))).Shards ?? []).map((s) => s.ShardId?.slice(-1));
    expect(await ids()).toEqual(['0', '1', '2', '3']);
    expect(await ids({ Type: 'AT_LATEST' })).toEqual(['1', '2', '3']);
    expect(await ids({ Type: 'AT_TRIM_HORIZON' })).toEqual(['0', '1']);
    expect(await ids({ Type: 'FROM_TRIM_HORIZON' })).toEqual(['0', '1', '2', '3']);
    expect(await ids({ Type: 'AFTER_SHARD_ID', ShardId: 'shardId-000000000001' })).toEqual(['2', '3']);
    expect(await ids({ Type: 'AT_TIMESTAMP', Timestamp: new Date(Date.now() + 60_000) })).toEqual(['1', '2', '3']);
    expect(await ids({ Type: 'FROM_TIMESTAMP', Timestamp: new Date(Date.now() + 60_000) })).toEqual(['1', '2', '3']);
    await expect(ids({ Type: 'AFTER_SHARD_ID' })).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    await expect(ids({ Type: 'AT_TIMESTAMP' })).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    await expect(ids({ Type: 'BOGUS' })).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(client.send(new ListShardsCommand({ StreamName: 'filtered', MaxResults: 0 }))).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(client.send(new ListShardsCommand({ StreamName: 'filtered', MaxResults: 10001 }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('a PutRecords body past what the sandbox reads is answered as Kinesis answers an oversized request', async () => {
    const huge = JSON.stringify({ StreamName: 'x', Records: [{ PartitionKey: 'k', Data: 'A'.repeat(17 * 1024 * 1024) }] });
    const response = await fetch(box.sandbox.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.PutRecords', 'x-amz-date': '20260101T000000Z',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIAKINESISLAB000000/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=00',
      },
      body: huge,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: 'InvalidArgumentException', message: 'Records size exceeds 10 MB limit' });
  });
});
