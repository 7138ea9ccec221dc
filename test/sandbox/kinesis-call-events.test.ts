import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutRecordCommand } from '@aws-sdk/client-kinesis';
import { AMZ_CBOR, decodeBody, encodeBody } from '../../src/sandbox/kinesis-body-codec.js';
import type { KinesisCallEvent } from '../../src/sandbox/sandbox-types.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

// Each clock read moves time by 7 ms, so `at` and `latencyMs` are exact.
function steppingClock(start: number, step: number): () => number {
  let now = start;
  return () => (now += step);
}

describe('KinesisCallEvent', () => {
  let box: TestSandbox;
  const events: KinesisCallEvent[] = [];
  beforeAll(async () => {
    box = await startTestSandbox({ clock: steppingClock(1_000, 7) });
    await box.kinesis('eu-west-1').createStream('events', { mode: 'PROVISIONED', shardCount: 1 });
    await box.waitForActive('events', 'eu-west-1');
    box.sandbox.onKinesisCall((event) => events.push(event));
  });
  afterAll(() => box.stop());

  it('describes a PutRecord call exactly', async () => {
    events.length = 0;
    const outcome = await box.kinesis('eu-west-1').putRecord('events', { partitionKey: 'pk-1', data: new TextEncoder().encode('hello') });
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      region: 'eu-west-1',
      operation: 'PutRecord',
      streamName: 'events',
      request: { StreamName: 'events', PartitionKey: 'pk-1', Data: Buffer.from('hello').toString('base64') },
      status: 200,
      response: { ShardId: 'shardId-000000000000', SequenceNumber: outcome.sequenceNumber },
      latencyMs: 7,
    });
    expect(event?.at).toBeGreaterThan(1_000);
  });

  it('describes a PutRecords call, including a failed validation', async () => {
    events.length = 0;
    const kinesis = box.kinesis('eu-west-1');
    await kinesis.putRecords('events', [
      { partitionKey: 'a', data: new Uint8Array([1]) },
      { partitionKey: 'b', data: new Uint8Array([2]) },
    ]);
    await expect(kinesis.putRecords('missing', [{ partitionKey: 'a', data: new Uint8Array([1]) }])).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(events.map(({ operation, streamName, status }) => ({ operation, streamName, status }))).toEqual([
      { operation: 'PutRecords', streamName: 'events', status: 200 },
      { operation: 'PutRecords', streamName: 'missing', status: 400 },
    ]);
    expect(events[0]?.request).toEqual({
      StreamName: 'events',
      Records: [
        { PartitionKey: 'a', Data: 'AQ==' },
        { PartitionKey: 'b', Data: 'Ag==' },
      ],
    });
    expect(events[0]?.response).toMatchObject({ FailedRecordCount: 0 });
    expect(events[1]?.response).toEqual({ __type: 'ResourceNotFoundException', message: 'Stream missing under account 000000000000 not found.' });
  });

  it('takes the stream name from StreamARN', async () => {
    events.length = 0;
    await box.client('eu-west-1').send(new PutRecordCommand({
      StreamARN: 'arn:aws:kinesis:eu-west-1:000000000000:stream/events', PartitionKey: 'k', Data: new Uint8Array([9]),
    }));
    expect(events[0]?.streamName).toBe('events');
  });

  it('keeps serving when a listener throws, and stops calling a removed listener', async () => {
    const seen: string[] = [];
    const removeThrowing = box.sandbox.onKinesisCall(() => {
      throw new Error('broken observer');
    });
    const removeCounting = box.sandbox.onKinesisCall((event) => seen.push(event.operation));
    await box.kinesis('eu-west-1').putRecord('events', { partitionKey: 'k', data: new Uint8Array([1]) });
    removeCounting();
    removeThrowing();
    await box.kinesis('eu-west-1').putRecord('events', { partitionKey: 'k', data: new Uint8Array([1]) });
    expect(seen).toEqual(['PutRecord']);
  });

  it('decodes CBOR requests (Java SDK, KCL) and gives Data as base64', async () => {
    events.length = 0;
    const body = encodeBody({ StreamName: 'events', PartitionKey: 'cbor', Data: Buffer.from('binary') }, 'cbor');
    const response = await fetch(box.sandbox.url, {
      method: 'POST',
      headers: {
        'content-type': AMZ_CBOR,
        'x-amz-target': 'Kinesis_20131202.PutRecord',
        'x-amz-date': '20261122T000000Z',
        // The lab's sandbox key: the stream was created in its account (every key is an account of its own).
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIAKINESISLAB000000/20261122/eu-west-1/kinesis/aws4_request, SignedHeaders=host, Signature=abc',
      },
      body: new Uint8Array(body),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(AMZ_CBOR);
    const decoded = decodeBody(Buffer.from(await response.arrayBuffer()), 'cbor');
    expect(decoded?.ShardId).toBe('shardId-000000000000');
    expect(events[0]).toMatchObject({
      operation: 'PutRecord',
      region: 'eu-west-1',
      request: { StreamName: 'events', PartitionKey: 'cbor', Data: Buffer.from('binary').toString('base64') },
      status: 200,
      response: { ShardId: 'shardId-000000000000' },
    });
  });
});
