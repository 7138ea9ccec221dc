import { describe, expect, it } from 'vitest';
import { runProducer } from '../../src/producer/run-producer.js';
import { serviceError } from './fake-kinesis-port.js';
import { createHarness } from './producer-harness.js';

const throttle = () => serviceError('ProvisionedThroughputExceededException', 'Rate exceeded for shard shardId-000000000000 in stream input-stream under account 000000000000.', 400);

describe('PutRecord producer', () => {
  it('sends one record per call, in generation order, reporting each acknowledgment', async () => {
    const h = createHarness();
    const result = await runProducer({ ...h.base, api: 'put-record', count: 5 });

    expect(h.port.calls.map((c) => [c.operation, c.inputs.length])).toEqual(Array(5).fill(['PutRecord', 1]));
    expect(h.port.storedTripIds()).toEqual(h.generatedIds());
    expect(h.port.storedKeys()).toEqual(h.generatedIds());
    const sent = h.eventsOf('record-sent');
    expect(sent.map((e) => [e.api, e.requestId, e.httpStatus, e.partitionKey])).toEqual(
      h.generatedIds().map((id, i) => ['put-record', `req-${i + 1}`, 200, id]),
    );
    expect(sent.map((e) => [e.shardId, e.sequenceNumber])).toEqual(h.port.stored.map((r) => [r.shardId, r.sequenceNumber]));
    expect(result).toMatchObject({ api: 'put-record', sent: 5, failed: 0, retried: 0, requests: 5, stoppedBy: 'count' });
    expect(result.bytes).toBe(h.port.stored.reduce((sum, r) => sum + r.partitionKey.length + r.data.byteLength, 0));
    expect(result.samples).toEqual(h.port.stored.map((r) => ({ shardId: r.shardId, sequenceNumber: r.sequenceNumber })));
    expect(result.error).toBeUndefined();
  });

  it('retries a throttled call with jittered backoff and counts every retry', async () => {
    const h = createHarness();
    h.port.script.push({ kind: 'ok' }, { kind: 'throw', error: throttle() }, { kind: 'throw', error: throttle() });
    const result = await runProducer({ ...h.base, api: 'put-record', count: 3 });

    // random() = 0.5 with the throttled base of 500 ms (the AWS SDK's), in the upper half of each ceiling: 3/4 of 500, then of 1000.
    expect(h.time.sleeps).toEqual([375, 750]);
    expect(h.eventsOf('retry').map((e) => [e.records, e.reason, e.delayMs])).toEqual([
      [1, 'ProvisionedThroughputExceededException', 375],
      [1, 'ProvisionedThroughputExceededException', 750],
    ]);
    expect(result).toMatchObject({ sent: 3, failed: 0, retried: 2, throttled: 2, requests: 5, stoppedBy: 'count' });
    expect(h.port.storedTripIds()).toEqual(h.generatedIds());
  });

  it('ends on a non-retryable error, reports the record and keeps the error', async () => {
    const h = createHarness();
    const notFound = serviceError('ResourceNotFoundException', 'Stream input-stream under account 000000000000 not found.', 400);
    h.port.script.push({ kind: 'ok' }, { kind: 'throw', error: notFound });
    const result = await runProducer({ ...h.base, api: 'put-record', count: 5 });

    expect(result).toMatchObject({ sent: 1, failed: 1, retried: 0, requests: 2, stoppedBy: 'error' });
    expect(result.error).toBe(notFound);
    expect(h.eventsOf('record-failed')).toEqual([
      expect.objectContaining({ partitionKey: h.generatedIds()[1], errorCode: 'ResourceNotFoundException', errorMessage: notFound.message }),
    ]);
    expect(h.generated).toHaveLength(2);
  });

  it('gives up after the last attempt of a network error and ends the run', async () => {
    const h = createHarness();
    const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4567'), { code: 'ECONNREFUSED' });
    for (let i = 0; i < 3; i++) h.port.script.push({ kind: 'throw', error: refused() });
    const result = await runProducer({ ...h.base, api: 'put-record', count: 5, retry: { maxAttempts: 3 } });

    expect(result).toMatchObject({ sent: 0, failed: 1, retried: 2, requests: 3, stoppedBy: 'error' });
    expect((result.error as { code: string }).code).toBe('ECONNREFUSED');
    expect(h.eventsOf('record-failed').map((e) => e.errorCode)).toEqual(['ECONNREFUSED']);
  });

  it('on the signal during a backoff, stops without resending and reports the record', async () => {
    const h = createHarness();
    const controller = new AbortController();
    h.port.script.push({ kind: 'ok' }, { kind: 'throw', error: throttle() });
    const result = await runProducer({
      ...h.base,
      api: 'put-record',
      signal: controller.signal,
      onEvent: (event) => {
        h.events.push(event);
        if (event.type === 'retry') controller.abort();
      },
    });

    expect(result).toMatchObject({ sent: 1, failed: 1, retried: 0, requests: 2, stoppedBy: 'signal' });
    expect(h.port.calls).toHaveLength(2);
    const [failed] = h.eventsOf('record-failed');
    expect(failed?.errorCode).toBe('ProvisionedThroughputExceededException');
    expect(failed?.errorMessage).toMatch(/not retried: the run was stopped/);
  });

  it('caps the rate: record i goes out at i × 1000 / rate ms', async () => {
    const h = createHarness();
    const result = await runProducer({ ...h.base, api: 'put-record', count: 25, rate: 10 });
    const start = result.startedAt;

    expect(h.port.calls.map((c) => c.at - start)).toEqual(Array.from({ length: 25 }, (_, i) => i * 100));
    expect(result.endedAt - start).toBe(2400);
    expect(result.recordsPerSecond).toBeCloseTo(25 / 2.4, 9);
    expect(result.stoppedBy).toBe('count');
  });

  it('stops generating when the duration is over', async () => {
    const h = createHarness();
    const result = await runProducer({ ...h.base, api: 'put-record', durationMs: 1000, rate: 10 });

    expect(h.port.calls.map((c) => c.at - result.startedAt)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    expect(result).toMatchObject({ sent: 10, stoppedBy: 'duration' });
  });

  it('rejects a record over the record limit without sending it', async () => {
    const h = createHarness();
    let n = 0;
    const generator = () => {
      const trip = h.base.generator!();
      n += 1;
      return n === 2 ? { ...trip, city: 'x'.repeat(1_048_576) } : trip;
    };
    const result = await runProducer({ ...h.base, generator, api: 'put-record', count: 3 });

    const [rejected] = h.eventsOf('rejected');
    expect(rejected).toMatchObject({ reason: 'record-too-large', limitBytes: 1_048_576 });
    expect(rejected!.bytes).toBeGreaterThan(1_048_576);
    expect(result).toMatchObject({ sent: 2, failed: 1, requests: 2, stoppedBy: 'count' });
    expect(h.port.storedTripIds()).toEqual([h.generatedIds()[0], h.generatedIds()[2]]);
  });
});
