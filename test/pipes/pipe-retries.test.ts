/**
 * A target stream's throttling is a retryable AWS failure: Pipes retries it without counting it
 * against MaximumRetryAttempts (EventBridge guide, "Amazon EventBridge Pipes error handling":
 * internal errors are retried indefinitely and, for stream sources, not counted against the retry
 * policy). A slow target slows the pipe down; it never makes it drop records.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreatePipeCommand } from '@aws-sdk/client-pipes';
import { MIB } from '../../src/sandbox/kinesis/limits/kinesis-limits.js';
import { createRole, createStream, readAll, startPipesSandbox, streamArn, waitFor } from './pipes-helpers.js';
import type { PipesTestBox } from './pipes-helpers.js';

const RECORDS_PER_SECOND = 3;
let t: PipesTestBox;

beforeAll(async () => {
  // Only the write limit, and a low one, so that one batch of six always overruns the target's shard.
  t = await startPipesSandbox({}, { faults: { throttle: { recordsPerSecond: RECORDS_PER_SECOND, bytesPerSecond: MIB } } });
});

afterAll(async () => {
  await t.stop();
});

it('delivers every record to a throttled target even with MaximumRetryAttempts 0', async () => {
  const roleArn = await createRole(t, 'retries-role');
  await createStream(t, 'retries-in');
  await createStream(t, 'retries-out');
  // The source is held to the same limit: the SDK's own retries carry these writes through it.
  const writer = t.box.client(undefined, { maxAttempts: 20 });
  const sent = [1, 2, 3, 4, 5, 6];
  for (const n of sent) await writer.send(new PutRecordCommand({ StreamName: 'retries-in', PartitionKey: 'k', Data: Buffer.from(JSON.stringify({ n })) }));

  await t.pipes.send(new CreatePipeCommand({
    Name: 'retries',
    Source: streamArn('retries-in'),
    Target: streamArn('retries-out'),
    RoleArn: roleArn,
    SourceParameters: { KinesisStreamParameters: { StartingPosition: 'TRIM_HORIZON', BatchSize: sent.length, MaximumRetryAttempts: 0 } },
    TargetParameters: { KinesisStreamParameters: { PartitionKey: '$.partitionKey' } },
  }));

  const arn = 'arn:aws:pipes:us-east-1:000000000000:pipe/retries';
  // The first batch meets the shard's limit: the pipe says so...
  await waitFor('the target throttled', () => (t.handle.runStatus(arn)?.lastError?.includes('ProvisionedThroughputExceededException') ? true : undefined));
  // ...and keeps retrying, resuming the batch where the limit cut it: every record once, in order.
  const delivered = await waitFor('all six records delivered', async () => {
    const ns = (await readAll(t, 'retries-out')).map((r) => {
      const event = JSON.parse(r.data) as { data: string };
      return (JSON.parse(Buffer.from(event.data, 'base64').toString('utf8')) as { n: number }).n;
    });
    return new Set(ns).size === sent.length ? ns : undefined;
  }, 20_000);
  expect(delivered).toEqual(sent);
}, 40_000);
