import { describe, expect, it } from 'vitest';
import { runProducer } from '../../src/producer/run-producer.js';
import { mulberry32 } from '../../src/shared/seeded-random.js';
import { serviceError } from './fake-kinesis-port.js';
import { createHarness, upcomingTripIds } from './producer-harness.js';

const PTE = 'ProvisionedThroughputExceededException';
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('PutRecords producer', () => {
  it.each([1, 4])('packs records into full requests (concurrency %i)', async (concurrency) => {
    const h = createHarness();
    const result = await runProducer({ ...h.base, api: 'put-records', count: 1234, concurrency });

    expect(h.port.calls.map((c) => [c.operation, c.inputs.length])).toEqual([
      ['PutRecords', 500],
      ['PutRecords', 500],
      ['PutRecords', 234],
    ]);
    expect(h.eventsOf('batch-sent').map((e) => [e.records, e.failed, e.httpStatus])).toEqual([
      [500, 0, 200],
      [500, 0, 200],
      [234, 0, 200],
    ]);
    expect(h.port.storedTripIds()).toEqual(h.generatedIds());
    expect(result).toMatchObject({ api: 'put-records', sent: 1234, failed: 0, retried: 0, requests: 3, stoppedBy: 'count' });
    // Memory stays flat: the summary keeps a handful of samples, not the records.
    expect(result.samples).toHaveLength(5);
  });

  it('honours the batch size', async () => {
    const h = createHarness();
    await runProducer({ ...h.base, api: 'put-records', count: 25, batchSize: 10 });
    expect(h.port.calls.map((c) => c.inputs.length)).toEqual([10, 10, 5]);
  });

  it('retries only the failed entries, in their original order, ahead of new records', async () => {
    const h = createHarness();
    h.port.script.push({ kind: 'fail-entries', positions: [1, 4, 7], errorCode: PTE });
    const result = await runProducer({ ...h.base, api: 'put-records', count: 20, batchSize: 10, concurrency: 1 });

    const calls = h.callTripIds().map((ids) => ids.map(h.indexOf));
    expect(calls).toEqual([range(0, 10), [1, 4, 7, ...range(10, 17)], range(17, 20)]);
    expect(h.eventsOf('batch-sent').map((e) => e.failed)).toEqual([3, 0, 0]);
    // Throttled entries wait from the throttled base of 500 ms, in its upper half: random() = 0.5 gives 375.
    expect(h.eventsOf('retry')).toEqual([expect.objectContaining({ api: 'put-records', records: 3, reason: PTE, delayMs: 375 })]);
    expect(h.time.sleeps).toEqual([375]);
    expect(h.eventsOf('throttled').map((e) => e.records)).toEqual([3]);
    expect(result).toMatchObject({ sent: 20, failed: 0, retried: 3, throttled: 3, requests: 3 });
    expect(new Set(h.port.storedTripIds())).toEqual(new Set(h.generatedIds()));
    expect(h.port.stored).toHaveLength(20);
  });

  it('lets requests in flight finish, then sends the retries of all of them alone and in order', async () => {
    const h = createHarness();
    h.port.script.push(
      { kind: 'fail-entries', positions: [3], errorCode: PTE },
      { kind: 'fail-entries', positions: [0, 2], errorCode: 'InternalFailure' },
    );
    const result = await runProducer({ ...h.base, api: 'put-records', count: 30, batchSize: 5, concurrency: 3 });

    const calls = h.callTripIds().map((ids) => ids.map(h.indexOf));
    // Three requests go out together; the retry round waits for all three and merges their failures by age.
    expect(h.port.calls.slice(0, 3).map((c) => c.othersInFlight)).toEqual([0, 1, 2]);
    expect(calls.slice(0, 4)).toEqual([range(0, 5), range(5, 10), range(10, 15), [3, 5, 7, 15, 16]]);
    expect(h.port.calls[3]?.othersInFlight).toBe(0);
    expect(h.port.calls[4]?.othersInFlight).toBe(0);
    expect(h.eventsOf('retry').map((e) => [e.records, e.reason])).toEqual([[3, PTE]]);
    expect(result).toMatchObject({ sent: 30, failed: 0, retried: 3 });
    expect(new Set(h.port.storedTripIds())).toEqual(new Set(h.generatedIds()));
  });

  it('keeps per-key order for records sent after a failure, but not for those later in the same request', async () => {
    const h = createHarness();
    h.port.script.push({ kind: 'fail-entries', positions: [1], errorCode: PTE });
    await runProducer({
      ...h.base,
      api: 'put-records',
      count: 12,
      batchSize: 4,
      concurrency: 1,
      partitionKey: () => 'one-key',
    });

    // Record 1 failed in [0,1,2,3]: 2 and 3 were already written behind 0 (the documented limit),
    // and 1 is resent before 4, 5, 6 … (the guarantee).
    expect(h.port.storedTripIds().map(h.indexOf)).toEqual([0, 2, 3, 1, ...range(4, 12)]);
  });

  it('gives up on an entry after its last attempt, reports it once and keeps going', async () => {
    const h = createHarness();
    const doomed = upcomingTripIds(10)[3]!;
    h.port.alwaysFailKeys.add(doomed);
    const result = await runProducer({ ...h.base, api: 'put-records', count: 10, retry: { maxAttempts: 3 } });

    expect(h.port.calls.filter((c) => c.inputs.some((i) => i.partitionKey === doomed))).toHaveLength(3);
    expect(h.eventsOf('record-failed')).toEqual([
      expect.objectContaining({ api: 'put-records', partitionKey: doomed, errorCode: PTE }),
    ]);
    expect(result).toMatchObject({ sent: 9, failed: 1, retried: 2, stoppedBy: 'count' });
    expect(h.port.storedTripIds()).not.toContain(doomed);
  });

  it('resends a whole request after a retryable error on the request', async () => {
    const h = createHarness();
    h.port.script.push({ kind: 'throw', error: serviceError('ServiceUnavailable', 'Service Unavailable', 503) });
    const result = await runProducer({ ...h.base, api: 'put-records', count: 10, batchSize: 10 });

    expect(h.callTripIds()).toEqual([h.generatedIds(), h.generatedIds()]);
    expect(result).toMatchObject({ sent: 10, failed: 0, retried: 10, requests: 2 });
  });

  it('ends the run after maxAttempts requests in a row failed whole, reporting every record', async () => {
    const h = createHarness();
    const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    for (let i = 0; i < 3; i++) h.port.script.push({ kind: 'throw', error: reset() });
    const result = await runProducer({ ...h.base, api: 'put-records', count: 8, batchSize: 4, concurrency: 2, retry: { maxAttempts: 3 } });

    // Two requests fail together, the retry round's request fails third: the endpoint is down.
    expect(h.callTripIds().map((ids) => ids.map(h.indexOf))).toEqual([range(0, 4), range(4, 8), range(0, 4)]);
    expect(result).toMatchObject({ sent: 0, failed: 8, retried: 4, requests: 3, stoppedBy: 'error' });
    expect((result.error as { code: string }).code).toBe('ECONNRESET');
    expect(new Set(h.eventsOf('record-failed').map((e) => e.partitionKey))).toEqual(new Set(h.generatedIds()));
  });

  it('fails entries with a non-retryable code at once', async () => {
    const h = createHarness();
    h.port.script.push({ kind: 'fail-entries', positions: [2], errorCode: 'KMSAccessDeniedException', errorMessage: 'denied' });
    const result = await runProducer({ ...h.base, api: 'put-records', count: 5 });

    expect(h.port.calls).toHaveLength(1);
    expect(h.eventsOf('record-failed')).toEqual([
      expect.objectContaining({ partitionKey: h.generatedIds()[2], errorCode: 'KMSAccessDeniedException', errorMessage: 'denied' }),
    ]);
    expect(result).toMatchObject({ sent: 4, failed: 1, retried: 0, stoppedBy: 'count' });
  });

  it('ends on a non-retryable request error, still counting what the other request delivered', async () => {
    const h = createHarness();
    const denied = serviceError('AccessDeniedException', 'User: arn:aws:sts::1:assumed-role/R/S is not authorized to perform: kinesis:PutRecords', 400);
    h.port.script.push({ kind: 'ok' }, { kind: 'throw', error: denied });
    const result = await runProducer({ ...h.base, api: 'put-records', count: 50, batchSize: 5, concurrency: 2 });

    expect(h.port.calls).toHaveLength(2);
    expect(result).toMatchObject({ sent: 5, failed: 5, stoppedBy: 'error' });
    expect(result.error).toBe(denied);
    expect(h.eventsOf('record-failed').map((e) => e.errorCode)).toEqual(Array(5).fill('AccessDeniedException'));
  });

  it('on the signal, finishes the requests in flight, counts them and sends nothing new', async () => {
    const h = createHarness();
    const controller = new AbortController();
    h.port.hold = true;
    const running = runProducer({ ...h.base, api: 'put-records', batchSize: 5, concurrency: 2, signal: controller.signal });
    while (h.port.heldCount < 2) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    h.port.release();
    const result = await running;

    expect(h.port.calls).toHaveLength(2);
    expect(result).toMatchObject({ sent: 10, failed: 0, requests: 2, stoppedBy: 'signal' });
    expect(h.port.storedTripIds()).toEqual(h.generatedIds().slice(0, 10));
  });

  it('on the signal, reports records that were waiting for a retry instead of dropping them', async () => {
    const h = createHarness();
    const controller = new AbortController();
    h.port.script.push({ kind: 'fail-entries', positions: [0, 1], errorCode: PTE });
    const result = await runProducer({
      ...h.base,
      api: 'put-records',
      batchSize: 5,
      concurrency: 1,
      signal: controller.signal,
      onEvent: (event) => {
        h.events.push(event);
        if (event.type === 'retry') controller.abort();
      },
    });

    expect(result).toMatchObject({ sent: 3, failed: 2, retried: 0, stoppedBy: 'signal' });
    expect(h.eventsOf('record-failed').map((e) => [e.partitionKey, e.errorCode])).toEqual([
      [h.generatedIds()[0], PTE],
      [h.generatedIds()[1], PTE],
    ]);
    expect(h.eventsOf('record-failed')[0]?.errorMessage).toMatch(/not retried: the run was stopped/);
  });

  it('caps the rate: no record leaves before its time, and due records share a request', async () => {
    const h = createHarness({ latencyMs: 35 });
    const result = await runProducer({ ...h.base, api: 'put-records', rate: 100, durationMs: 1000, concurrency: 1 });
    const start = result.startedAt;

    const calls = h.callTripIds().map((ids) => ids.map(h.indexOf));
    h.port.calls.forEach((call, c) => {
      for (const index of calls[c]!) expect(call.at - start).toBeGreaterThanOrEqual(index * 10);
    });
    // Record 99 was due at 990 ms, but the request before it came back at 1015 ms, after the
    // duration: the duration bounds generation, it does not promise rate × duration records.
    expect(calls.flat()).toEqual(range(0, 99));
    expect(h.port.calls.at(-1)!.at - start).toBe(980);
    // 35 ms round trips at 100 records/s: three or four records become due per request after the first.
    expect(calls.slice(0, 4)).toEqual([[0], [1, 2, 3], [4, 5, 6, 7], [8, 9, 10]]);
    expect(result).toMatchObject({ sent: 99, stoppedBy: 'duration' });
  });

  it('sends a too-large record never, and reports it as rejected', async () => {
    const h = createHarness();
    let n = 0;
    const generator = () => {
      n += 1;
      const trip = h.base.generator!();
      return n === 3 ? { ...trip, city: 'x'.repeat(2_000_000) } : trip;
    };
    const result = await runProducer({ ...h.base, generator, api: 'put-records', count: 6 });

    expect(h.eventsOf('rejected')).toEqual([expect.objectContaining({ reason: 'record-too-large', limitBytes: 1_048_576 })]);
    expect(h.callTripIds()).toEqual([[0, 1, 3, 4, 5].map((i) => h.generatedIds()[i])]);
    expect(result).toMatchObject({ sent: 5, failed: 1 });
  });

  it('loses nothing: under random partial failures every record is stored once or reported failed', async () => {
    const h = createHarness();
    const random = mulberry32(99);
    const doomed = new Set(upcomingTripIds(3000).filter((_, i) => i % 997 === 5));
    for (const key of doomed) h.port.alwaysFailKeys.add(key);
    for (let i = 0; i < 40; i++) {
      const positions = range(0, 500).filter(() => random() < 0.2);
      h.port.script.push(
        i % 7 === 3
          ? { kind: 'throw', error: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) }
          : { kind: 'fail-entries', positions, errorCode: i % 2 ? PTE : 'InternalFailure' },
      );
    }
    const result = await runProducer({ ...h.base, api: 'put-records', count: 3000, concurrency: 4, retry: { maxAttempts: 10 } });

    const stored = h.port.storedTripIds();
    const failed = h.eventsOf('record-failed').map((e) => e.partitionKey);
    expect(new Set(stored).size).toBe(stored.length);
    expect(new Set(failed)).toEqual(doomed);
    expect(new Set([...stored, ...failed])).toEqual(new Set(h.generatedIds()));
    expect(result.sent).toBe(stored.length);
    expect(result.failed).toBe(doomed.size);
    expect(result.sent + result.failed).toBe(3000);
    expect(result.stoppedBy).toBe('count');
  });

  it('rejects options outside the API limits', async () => {
    const h = createHarness();
    await expect(runProducer({ ...h.base, api: 'put-records', batchSize: 501 })).rejects.toThrow(RangeError);
    await expect(runProducer({ ...h.base, api: 'put-records', batchSize: 0 })).rejects.toThrow(RangeError);
    await expect(runProducer({ ...h.base, api: 'put-records', concurrency: 0 })).rejects.toThrow(RangeError);
    expect(h.port.calls).toHaveLength(0);
  });

  it('sends nothing for a count of 0', async () => {
    const h = createHarness();
    const result = await runProducer({ ...h.base, api: 'put-records', count: 0 });
    expect(result).toMatchObject({ sent: 0, requests: 0, stoppedBy: 'count', recordsPerSecond: 0 });
  });
});
