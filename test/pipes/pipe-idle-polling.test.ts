/**
 * A pipe polls a shard that just gave records at its busy rate, and one that gave nothing at its idle
 * rate: on a room sandbox with a pipe per learner, idle pipes were most of the calls. Counted here
 * by the sandbox's own call events; a slow machine only makes fewer polls, never more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreatePipeCommand } from '@aws-sdk/client-pipes';
import type { KinesisCallEvent } from '../../src/sandbox/sandbox-types.js';
import { createRole, createStream, readAll, startPipesSandbox, streamArn, waitFor, waitForPipeState, type PipesTestBox } from './pipes-helpers.js';

const BUSY_MS = 50;
const IDLE_MS = 500;

describe('pipe polling', () => {
  let t: PipesTestBox;
  const calls: KinesisCallEvent[] = [];
  beforeAll(async () => {
    t = await startPipesSandbox({ pollIntervalMs: BUSY_MS, idlePollIntervalMs: IDLE_MS });
    t.box.sandbox.onKinesisCall((event) => calls.push(event));
  });
  afterAll(() => t.stop());


  it('an idle shard is read at the idle rate; records still arrive', async () => {
    const roleArn = await createRole(t, 'idle-role');
    await createStream(t, 'idle-in');
    await createStream(t, 'idle-out');
    await t.pipes.send(new CreatePipeCommand({
      Name: 'idle', Source: streamArn('idle-in'), Target: streamArn('idle-out'), RoleArn: roleArn,
      SourceParameters: { KinesisStreamParameters: { StartingPosition: 'TRIM_HORIZON' } },
      TargetParameters: { KinesisStreamParameters: { PartitionKey: '$.partitionKey' } },
    }));
    await waitForPipeState(t, 'idle', 'RUNNING');
    // Let the first reads happen, then count the reads of an empty shard over a window.
    await waitFor('the first read', () => (calls.some((c) => c.operation === 'GetRecords') ? true : undefined));
    const from = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const reads = calls.filter((c) => c.operation === 'GetRecords' && c.at >= from && c.at < from + 2_000).length;
    // At the busy rate this window holds about 40 reads; at the idle rate at most 2_000 / 500 + 1.
    expect(reads).toBeLessThanOrEqual(2_000 / IDLE_MS + 1);
    expect(reads).toBeGreaterThan(0);

    await t.kinesis.send(new PutRecordCommand({ StreamName: 'idle-in', PartitionKey: 'k', Data: Buffer.from('{"fare":1}') }));
    await waitFor('the record in the target', async () => ((await readAll(t, 'idle-out')).length === 1 ? true : undefined));
  });
});
