import { describe, expect, it } from 'vitest';
import type { KinesisPort, PutRecordInput } from '../aws/kinesis-port.js';
import type { LabContext } from '../checks/check-context.js';
import { emptyLedger } from '../engine/session-ledger.js';
import type { ActionContext } from './action-context.js';
import { produceAction } from './produce.js';

/** A one-shard stream whose shard takes the first `accept` entries and throttles every later one, every attempt. */
function throttlingPort(accept: number): KinesisPort {
  let written = 0;
  return {
    describeStreamSummary: async () => ({ maxRecordBytes: 1_048_576, mode: 'PROVISIONED', openShardCount: 1 }),
    putRecords: async (_name: string, inputs: PutRecordInput[]) => {
      const records = inputs.map(() =>
        written < accept
          ? { shardId: 'shardId-000000000000', sequenceNumber: String(++written) }
          : { errorCode: 'ProvisionedThroughputExceededException', errorMessage: 'Rate exceeded for shard shardId-000000000000' },
      );
      return { failedRecordCount: records.filter((r) => r.errorCode).length, records, httpStatus: 200 };
    },
  } as unknown as KinesisPort;
}

function context(port: KinesisPort): ActionContext {
  return {
    kinesis: port,
    producerKinesis: port,
    stream: 'input-stream',
    region: 'us-east-1',
    sandbox: true,
    labId: 'kinesis-data-streams',
    ledger: emptyLedger,
    diagnose: async () => ({ kind: 'x', what: { en: 'x', ko: 'x' }, why: { en: 'x', ko: 'x' }, fix: { en: 'x', ko: 'x' } }),
    clock: () => 0,
    sleep: async () => undefined,
    onProgress: () => undefined,
    recordRun: () => undefined,
  } as unknown as LabContext as ActionContext;
}

describe('produce action under throttling', () => {
  it('PutRecords entries given up on after throttling: the step fails with the shard limits, what to change, and f to double the shards', async () => {
    const outcome = await produceAction(context(throttlingPort(4)), 'put-records', { api: 'put-records', count: 10, batchSize: 10 });
    if (outcome.ok) throw new Error('the action passed');
    const { result } = outcome;
    expect(result).toMatchObject({ outcome: 'error', errorKind: 'producer-throttled', autoFix: { type: 'add-shards', stream: 'input-stream', from: 1, to: 2 } });
    expect(result.summary.en).toBe('The PutRecords producer gave up 6 records of "input-stream": a shard answered ProvisionedThroughputExceededException on every attempt.');
    expect(result.evidence[0]?.en).toMatch(/^Sent 4 records .* 6 failed, \d+ retried, \d+ throttled$/);
    expect(result.evidence[1]?.en).toBe(
      "The stream has 1 shard, so it takes at most 1000 records/s. Each shard accepts at most 1,000 records/s and 1 MiB/s of writes; more is throttled (CloudWatch counts it as WriteProvisionedThroughputExceeded). A partition key that sends everything to one shard hits this even when the stream has several shards.",
    );
    expect(result.fix?.en).toMatch(/^Give the stream more capacity: double it to 2 shards \(aws kinesis update-shard-count --stream-name input-stream --target-shard-count 2 /);
    expect(result.fix?.en).toContain('StreamMode=ON_DEMAND');
    expect(result.fix?.ko).toContain('샤드를 2개로 두 배 늘리거나');
  });

  it('a run without throttled failures keeps the summary line alone', async () => {
    const outcome = await produceAction(context(throttlingPort(100)), 'put-records', { api: 'put-records', count: 10, batchSize: 10 });
    expect(outcome.ok && outcome.notes.map((n) => n.en)).toEqual([expect.stringMatching(/^Sent 10 records/)]);
  });
});
