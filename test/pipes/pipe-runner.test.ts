import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { CreatePipeCommand, StartPipeCommand, StopPipeCommand } from '@aws-sdk/client-pipes';
import type { CreatePipeCommandInput, PipeSourceKinesisStreamParameters } from '@aws-sdk/client-pipes';
import type { KinesisCallEvent } from '../../src/sandbox/sandbox-types.js';
import { createRole, createStream, readAll, startPipesSandbox, streamArn, waitFor, waitForPipeState } from './pipes-helpers.js';
import type { PipesTestBox } from './pipes-helpers.js';

let t: PipesTestBox;
let roleArn: string;
const calls: KinesisCallEvent[] = [];

beforeAll(async () => {
  t = await startPipesSandbox();
  roleArn = await createRole(t, 'runner-role');
  t.box.sandbox.onKinesisCall((event) => calls.push(event));
});

afterAll(async () => {
  await t.stop();
});

/** A source and a target stream named after the test, and a pipe between them. */
async function pipeBetween(name: string, source: Partial<PipeSourceKinesisStreamParameters> & Pick<PipeSourceKinesisStreamParameters, 'StartingPosition'>, extra: Partial<CreatePipeCommandInput> = {}) {
  await createStream(t, `${name}-in`);
  await createStream(t, `${name}-out`);
  const create = () =>
    t.pipes.send(new CreatePipeCommand({
      Name: name,
      Source: streamArn(`${name}-in`),
      Target: streamArn(`${name}-out`),
      RoleArn: roleArn,
      SourceParameters: { KinesisStreamParameters: source, ...(extra.SourceParameters ?? {}) },
      TargetParameters: extra.TargetParameters ?? { KinesisStreamParameters: { PartitionKey: '$.partitionKey' } },
    }));
  return { source: `${name}-in`, target: `${name}-out`, create };
}

async function put(stream: string, partitionKey: string, data: unknown): Promise<string> {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  const result = await t.kinesis.send(new PutRecordCommand({ StreamName: stream, PartitionKey: partitionKey, Data: Buffer.from(text) }));
  return result.SequenceNumber!;
}

/** The pipe events in the target stream, parsed, with the trip JSON decoded from `data`. */
async function delivered(target: string): Promise<{ partitionKey: string; event: Record<string, unknown>; trip: unknown }[]> {
  return (await readAll(t, target)).map((r) => {
    const event = JSON.parse(r.data) as Record<string, unknown>;
    const text = Buffer.from(event.data as string, 'base64').toString('utf8');
    let trip: unknown = text;
    try {
      trip = JSON.parse(text);
    } catch {
      // non-JSON record data stays text
    }
    return { partitionKey: r.partitionKey, event, trip };
  });
}

async function waitForDelivered(target: string, count: number) {
  return waitFor(`${count} records in ${target}`, async () => {
    const records = await delivered(target);
    return records.length >= count ? records : undefined;
  });
}

describe('starting position', () => {
  it('LATEST misses records sent before the pipe was RUNNING', async () => {
    const p = await pipeBetween('latest', { StartingPosition: 'LATEST' });
    await put(p.source, 'k', { n: 'before-1' });
    await put(p.source, 'k', { n: 'before-2' });
    await p.create();
    await waitForPipeState(t, 'latest', 'RUNNING');
    await put(p.source, 'k', { n: 'after-1' });
    await put(p.source, 'k', { n: 'after-2' });
    // One shard, delivered in order: had the early records been read, they would come first.
    const records = await waitForDelivered(p.target, 2);
    expect(records.map((r) => r.trip)).toEqual([{ n: 'after-1' }, { n: 'after-2' }]);
  });

  it('TRIM_HORIZON delivers records sent before the pipe existed, then new ones, in order', async () => {
    const p = await pipeBetween('horizon', { StartingPosition: 'TRIM_HORIZON' });
    const firstSequence = await put(p.source, 'k', { n: 'before-1' });
    await put(p.source, 'k', { n: 'before-2' });
    await p.create();
    await waitForPipeState(t, 'horizon', 'RUNNING');
    await put(p.source, 'k', { n: 'after-1' });
    const records = await waitForDelivered(p.target, 3);
    expect(records.map((r) => r.trip)).toEqual([{ n: 'before-1' }, { n: 'before-2' }, { n: 'after-1' }]);
    // Pipes sends the whole event: base64 data and the Kinesis metadata.
    expect(records[0]?.event).toMatchObject({
      kinesisSchemaVersion: '1.0',
      partitionKey: 'k',
      sequenceNumber: firstSequence,
      eventSource: 'aws:kinesis',
      eventID: `shardId-000000000000:${firstSequence}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: roleArn,
      awsRegion: 'us-east-1',
      eventSourceARN: streamArn(p.source),
    });
  });
});

describe('batching', () => {
  it('delivers at most BatchSize records per batch', async () => {
    const p = await pipeBetween('batches', { StartingPosition: 'TRIM_HORIZON', BatchSize: 2 });
    await t.kinesis.send(new PutRecordsCommand({ StreamName: p.source, Records: [1, 2, 3, 4, 5].map((n) => ({ PartitionKey: 'k', Data: Buffer.from(JSON.stringify({ n })) })) }));
    await p.create();
    const records = await waitForDelivered(p.target, 5);
    expect(records.map((r) => r.trip)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }]);
    const batchSizes = calls.filter((c) => c.operation === 'PutRecords' && c.streamName === p.target).map((c) => (c.request.Records as unknown[]).length);
    expect(batchSizes).toEqual([2, 2, 1]);
  });

  it('holds records for the batching window until the batch is full', async () => {
    const p = await pipeBetween('window', { StartingPosition: 'TRIM_HORIZON', BatchSize: 3, MaximumBatchingWindowInSeconds: 300 });
    await p.create();
    await waitForPipeState(t, 'window', 'RUNNING');
    await put(p.source, 'k', { n: 1 });
    await put(p.source, 'k', { n: 2 });
    // The runner has read both records and holds them: a 300 s window and a batch not yet full.
    await waitFor('two buffered records', () => (t.handle.runStatus('arn:aws:pipes:us-east-1:000000000000:pipe/window')?.buffered === 2 ? true : undefined));
    expect(calls.filter((c) => c.operation === 'PutRecords' && c.streamName === p.target)).toEqual([]);
    await put(p.source, 'k', { n: 3 });
    await waitForDelivered(p.target, 3);
    const batchSizes = calls.filter((c) => c.operation === 'PutRecords' && c.streamName === p.target).map((c) => (c.request.Records as unknown[]).length);
    expect(batchSizes).toEqual([3]);
  });
});

describe('ParallelizationFactor', () => {
  it('keeps the order of each partition key while lanes deliver concurrently', async () => {
    const p = await pipeBetween('parallel', { StartingPosition: 'TRIM_HORIZON', BatchSize: 3, ParallelizationFactor: 4 });
    const keys = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
    const records = Array.from({ length: 60 }, (_, i) => ({ key: keys[i % keys.length]!, n: i }));
    await t.kinesis.send(new PutRecordsCommand({ StreamName: p.source, Records: records.map((r) => ({ PartitionKey: r.key, Data: Buffer.from(JSON.stringify(r)) })) }));
    await p.create();
    const out = await waitForDelivered(p.target, 60);
    expect(out).toHaveLength(60);
    for (const key of keys) {
      const ns = out.filter((r) => r.partitionKey === key).map((r) => (r.trip as { n: number }).n);
      expect(ns).toEqual(records.filter((r) => r.key === key).map((r) => r.n));
    }
  });
});

describe('filtering', () => {
  it('passes only records that match a filter and drops non-JSON data', async () => {
    const p = await pipeBetween('filtered', { StartingPosition: 'TRIM_HORIZON' }, {
      SourceParameters: { FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ data: { paymentType: ['card'] } }) }] } },
      TargetParameters: { KinesisStreamParameters: { PartitionKey: '$.data.vendorId' } },
    });
    await put(p.source, 'a', { vendorId: 'V1', paymentType: 'card', n: 1 });
    await put(p.source, 'b', { vendorId: 'V2', paymentType: 'cash', n: 2 });
    await put(p.source, 'c', 'card but not JSON');
    await put(p.source, 'd', { vendorId: 'V3', paymentType: 'card', n: 4 });
    await p.create();
    const out = await waitForDelivered(p.target, 2);
    await waitFor('all four records handled', () => {
      const status = t.handle.runStatus('arn:aws:pipes:us-east-1:000000000000:pipe/filtered');
      return status && status.delivered + status.filteredOut === 4 ? status : undefined;
    });
    expect(out.map((r) => [r.partitionKey, (r.trip as { n: number }).n])).toEqual([['V1', 1], ['V3', 4]]);
    expect(t.handle.runStatus('arn:aws:pipes:us-east-1:000000000000:pipe/filtered')).toMatchObject({ delivered: 2, filteredOut: 2 });
  });
});

describe('checkpoints', () => {
  it('resumes after stop/start without redelivering and without losing records sent while stopped', async () => {
    const p = await pipeBetween('resume', { StartingPosition: 'TRIM_HORIZON' });
    await p.create();
    await waitForPipeState(t, 'resume', 'RUNNING');
    for (const n of [1, 2, 3]) await put(p.source, 'k', { n });
    await waitForDelivered(p.target, 3);

    await t.pipes.send(new StopPipeCommand({ Name: 'resume' }));
    await waitForPipeState(t, 'resume', 'STOPPED');
    const getRecordsWhenStopped = calls.filter((c) => c.operation === 'GetRecords').length;
    for (const n of [4, 5]) await put(p.source, 'k', { n });
    const stoppedStatus = t.handle.runStatus('arn:aws:pipes:us-east-1:000000000000:pipe/resume');
    expect(Object.keys(stoppedStatus?.checkpoints ?? {})).toEqual(['shardId-000000000000']);

    await t.pipes.send(new StartPipeCommand({ Name: 'resume' }));
    await waitForPipeState(t, 'resume', 'RUNNING');
    const out = await waitForDelivered(p.target, 5);
    await waitFor('more polls after the restart', () => (calls.filter((c) => c.operation === 'GetRecords').length > getRecordsWhenStopped + 4 ? true : undefined));
    expect((await delivered(p.target)).map((r) => (r.trip as { n: number }).n)).toEqual([1, 2, 3, 4, 5]);
    expect(out).toHaveLength(5);
  });
});
