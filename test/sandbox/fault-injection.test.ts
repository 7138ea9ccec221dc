import { ListShardsCommand } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { isRetryableError } from '../../src/producer/retry-policy.js';
import { KinesisMetricRecorder } from '../../src/sandbox/cloudwatch/kinesis-metric-recorder.js';
import { openShardRanges, shardFor } from '../fixtures/shard-hash-ranges.js';
import type { FaultSpec } from '../../src/sandbox/faults/fault-spec.js';
import { startTestSandbox, TEST_REGION } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const data = (text: string) => new TextEncoder().encode(text);

describe('fault injection through the real SDK', () => {
  let box: TestSandbox | undefined;
  let now = Date.UTC(2026, 0, 5, 9, 0, 0);
  afterEach(async () => {
    await box?.stop();
    box = undefined;
  });

  async function start(faults: FaultSpec, stream: string, shardCount: number): Promise<TestSandbox> {
    now = Date.UTC(2026, 0, 5, 9, 0, 0);
    box = await startTestSandbox({ faults, clock: () => now });
    await box.kinesis().createStream(stream, { mode: 'PROVISIONED', shardCount });
    await box.waitForActive(stream);
    return box;
  }

  it('PutRecord over the per-shard record limit: ProvisionedThroughputExceededException with AWS text, then room the next second', async () => {
    const sandbox = await start({ throttle: { recordsPerSecond: 3, bytesPerSecond: 1_048_576 } }, 'one-shard', 1);
    const kinesis = sandbox.kinesis();
    for (let i = 0; i < 3; i++) await kinesis.putRecord('one-shard', { partitionKey: `k${i}`, data: data('x') });
    const error = await kinesis.putRecord('one-shard', { partitionKey: 'k3', data: data('x') }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      message: 'Rate exceeded for shard shardId-000000000000 in stream one-shard under account 000000000000.',
      $metadata: { httpStatusCode: 400 },
    });
    expect(isRetryableError(error)).toBe(true);
    now += 1000;
    await expect(kinesis.putRecord('one-shard', { partitionKey: 'k3', data: data('x') })).resolves.toMatchObject({ shardId: 'shardId-000000000000' });
  });

  it('PutRecord over 1 MiB/s on a shard is throttled by bytes', async () => {
    const sandbox = await start({ throttle: { recordsPerSecond: 1000, bytesPerSecond: 1_048_576 } }, 'bytes', 1);
    const kinesis = sandbox.kinesis();
    const big = new Uint8Array(600_000);
    await kinesis.putRecord('bytes', { partitionKey: 'a', data: big });
    await expect(kinesis.putRecord('bytes', { partitionKey: 'b', data: big })).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
  });

  it('PutRecords: entries over their shard\'s limit get ErrorCode and ErrorMessage, the rest are written, FailedRecordCount adds up', async () => {
    const sandbox = await start({ throttle: { recordsPerSecond: 2, bytesPerSecond: 1_048_576 } }, 'two-shards', 2);
    const shards = await sandbox.client().send(new ListShardsCommand({ StreamName: 'two-shards' }));
    const ranges = openShardRanges(shards.Shards);
    expect(ranges).toHaveLength(2);
    const keys = Array.from({ length: 8 }, (_, i) => `trip-${i}`);
    const outcome = await sandbox.kinesis().putRecords('two-shards', keys.map((key) => ({ partitionKey: key, data: data(key) })));

    const used = new Map<string, number>();
    const expected = keys.map((key) => {
      const shard = shardFor(ranges, key)!;
      used.set(shard, (used.get(shard) ?? 0) + 1);
      return (used.get(shard)!) <= 2 ? { shardId: shard } : { errorCode: 'ProvisionedThroughputExceededException', errorMessage: `Rate exceeded for shard ${shard} in stream two-shards under account 000000000000.` };
    });
    expect(outcome.records.map((r) => (r.errorCode ? { errorCode: r.errorCode, errorMessage: r.errorMessage } : { shardId: r.shardId }))).toEqual(expected);
    expect(outcome.failedRecordCount).toBe(expected.filter((e) => 'errorCode' in e).length);
    const stored = await sandbox.kinesis().readStream('two-shards');
    expect(stored.map((r) => r.partitionKey).sort()).toEqual(keys.filter((_, i) => 'shardId' in (expected[i] as object)).sort());
  });

  it('throttled calls reach the CloudWatch recorder as throttles', async () => {
    const sandbox = await start({ throttle: { recordsPerSecond: 1, bytesPerSecond: 1_048_576 } }, 'watched', 1);
    const recorder = new KinesisMetricRecorder();
    sandbox.sandbox.onKinesisCall((event) => recorder.record(event));
    const kinesis = sandbox.kinesis();
    await kinesis.putRecord('watched', { partitionKey: 'a', data: data('x') });
    await kinesis.putRecord('watched', { partitionKey: 'b', data: data('x') }).catch(() => undefined);
    await kinesis.putRecords('watched', [{ partitionKey: 'c', data: data('x') }, { partitionKey: 'd', data: data('x') }]);
    const sum = (metric: string) => [...(recorder.metric('000000000000', TEST_REGION, 'watched', metric)?.minutes.values() ?? [])].reduce((total, m) => total + m.sum, 0);
    expect(sum('WriteProvisionedThroughputExceeded')).toBe(3);
    expect(sum('PutRecords.ThrottledRecords')).toBe(2);
    expect(sum('PutRecord.Success')).toBe(1);
    expect(sum('IncomingRecords')).toBe(1);
  });

  it('error-rate=1: every write gets a 500 or 503 the SDK names and the producers retry; reads are untouched', async () => {
    const sandbox = await start({ errorRate: 1, seed: 7 }, 'erring', 1);
    const recorder = new KinesisMetricRecorder();
    sandbox.sandbox.onKinesisCall((event) => recorder.record(event));
    const errors = [];
    for (let i = 0; i < 6; i++) errors.push(await sandbox.kinesis().putRecord('erring', { partitionKey: `k${i}`, data: data('x') }).catch((e: unknown) => e));
    const names = new Set(errors.map((e) => `${(e as Error).name} ${(e as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode}`));
    expect([...names].sort()).toEqual(['InternalFailure 500', 'ServiceUnavailable 503']);
    expect(errors.every(isRetryableError)).toBe(true);
    expect(await sandbox.kinesis().readStream('erring')).toEqual([]);
    expect([...(recorder.metric('000000000000', TEST_REGION, 'erring', 'PutRecord.Success')?.minutes.values() ?? [])]).toEqual([{ sum: 0, min: 0, max: 0, sampleCount: 6 }]);
  });

  it('reset-rate=1: the connection drops (a retryable network error); some resets come after the record was written', async () => {
    const sandbox = await start({ resetRate: 1, seed: 3 }, 'resetting', 1);
    const errors = [];
    for (let i = 0; i < 10; i++) errors.push(await sandbox.kinesis().putRecord('resetting', { partitionKey: `k${i}`, data: data('x') }).catch((e: unknown) => e));
    expect(errors.every((e) => e instanceof Error && isRetryableError(e))).toBe(true);
    const written = (await sandbox.kinesis().readStream('resetting')).map((r) => r.partitionKey);
    // seed 3 drops some connections before and some after the write.
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(10);
  });
});
