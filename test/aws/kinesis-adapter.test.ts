import { ListShardsCommand } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const bytes = (value: string) => new TextEncoder().encode(value);

describe('createKinesisAdapter readStream', () => {
  let box: TestSandbox;
  beforeAll(async () => {
    box = await startTestSandbox();
    const kinesis = box.kinesis();
    await kinesis.createStream('two-shards', { mode: 'PROVISIONED', shardCount: 2 });
    await box.waitForActive('two-shards');
    // Explicit hash keys put one record on each shard.
    await kinesis.putRecord('two-shards', { partitionKey: 'low', data: bytes('low'), explicitHashKey: '0' });
    await kinesis.putRecord('two-shards', { partitionKey: 'high', data: bytes('high'), explicitHashKey: '340282366920938463463374607431768211455' });
  });
  afterAll(() => box.stop());

  it('paces GetRecords per shard and stops once each shard is caught up', async () => {
    const sleeps: number[] = [];
    const kinesis = box.kinesis('us-east-1', { sleep: async (ms) => void sleeps.push(ms), pageIntervalMs: 200 });
    const records = await kinesis.readStream('two-shards');
    expect(records.map((record) => [record.shardId, record.partitionKey])).toEqual([
      ['shardId-000000000000', 'low'],
      ['shardId-000000000001', 'high'],
    ]);
    // Per shard: a page with the record, a pause, an empty caught-up page.
    expect(sleeps).toEqual([200, 200]);
  });

  it('stops at maxPagesPerShard', async () => {
    const sleeps: number[] = [];
    const kinesis = box.kinesis('us-east-1', { sleep: async (ms) => void sleeps.push(ms), maxPagesPerShard: 1 });
    expect(await kinesis.readStream('two-shards')).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it('reads only records that arrived at or after `since`', async () => {
    const kinesis = box.kinesis();
    await kinesis.createStream('since', { mode: 'PROVISIONED', shardCount: 1 });
    await box.waitForActive('since');
    await kinesis.putRecord('since', { partitionKey: 'old', data: bytes('old') });
    // `since` falls strictly between the two arrivals (millisecond timestamps, the sandbox's clock is this one).
    await clockPast(Date.now());
    const since = new Date();
    await clockPast(since.getTime());
    await kinesis.putRecord('since', { partitionKey: 'new', data: bytes('new') });
    expect((await kinesis.readStream('since', { since })).map((record) => record.partitionKey)).toEqual(['new']);
  });

  it('returns undefined from readRecordAt when the sequence number holds a different record', async () => {
    const kinesis = box.kinesis();
    const [low] = await kinesis.readStream('two-shards', { limit: 1 });
    expect(low).toBeDefined();
    if (!low) return;
    expect((await kinesis.readRecordAt('two-shards', low.shardId, low.sequenceNumber))?.partitionKey).toBe(low.partitionKey);
    // The shard's starting sequence number is valid but holds no record: the iterator finds the next one.
    const shards = await box.client().send(new ListShardsCommand({ StreamName: 'two-shards' }));
    const start = shards.Shards?.[0]?.SequenceNumberRange?.StartingSequenceNumber;
    expect(start).toBeDefined();
    expect(await kinesis.readRecordAt('two-shards', low.shardId, start ?? '')).toBeUndefined();
  });

  it('propagates SDK errors unchanged', async () => {
    await expect(box.kinesis().readStream('absent')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});

/** Resolves once the clock has moved past `ms`, so the next timestamp is later than it. */
async function clockPast(ms: number): Promise<void> {
  while (Date.now() <= ms) await new Promise((resolve) => setImmediate(resolve));
}
