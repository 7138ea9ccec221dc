import { describe, expect, it } from 'vitest';
import { createFaultInjector } from './fault-injector.js';
import { describeFaults, parseFaultSpec } from './fault-spec.js';

describe('parseFaultSpec', () => {
  it.each([
    ['throttle', { throttle: { recordsPerSecond: 1000, bytesPerSecond: 1_048_576 } }],
    ['throttle=200', { throttle: { recordsPerSecond: 200, bytesPerSecond: 1_048_576 } }],
    ['throttle,error-rate=0.05,reset-rate=0.01,latency=50ms', { throttle: { recordsPerSecond: 1000, bytesPerSecond: 1_048_576 }, errorRate: 0.05, resetRate: 0.01, latencyMs: 50 }],
    [' latency=1.5s , seed=42 ', { latencyMs: 1500, seed: 42 }],
    ['error-rate=0', { errorRate: 0 }],
  ])('%s', (text, expected) => {
    expect(parseFaultSpec(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', '"" is not a fault list (expected e.g. throttle,error-rate=0.05,latency=50ms)'],
    ['throttle,', '"throttle," is not a fault list (expected e.g. throttle,error-rate=0.05,latency=50ms)'],
    ['throttle=0', 'throttle=0: the records per second per shard must be a whole number from 1 to 1000'],
    ['throttle=fast', 'throttle=fast: the records per second per shard must be a whole number from 1 to 1000'],
    ['error-rate=5%', 'error-rate needs a share from 0 to 1, e.g. error-rate=0.05 (got "5%")'],
    ['reset-rate=1.5', 'reset-rate needs a share from 0 to 1, e.g. reset-rate=0.05 (got "1.5")'],
    ['error-rate', 'error-rate needs a share from 0 to 1, e.g. error-rate=0.05 (got "")'],
    ['latency=50', 'latency needs a duration up to 60s, e.g. latency=50ms (got "50")'],
    ['latency=2m', 'latency needs a duration up to 60s, e.g. latency=50ms (got "2m")'],
    ['seed=-1', 'seed needs a whole number, e.g. seed=42 (got "-1")'],
    ['throttle,throttle=5', '"throttle" is given twice'],
    ['slow', 'unknown fault "slow" (known: throttle, throttle=N, error-rate=0..1, reset-rate=0..1, latency=50ms, seed=N)'],
  ])('rejects %j', (text, message) => {
    const result = parseFaultSpec(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.en).toBe(message);
      expect(result.message.ko).not.toBe('');
    }
  });

  it('describes a spec in both languages', () => {
    const spec = parseFaultSpec('throttle=200,error-rate=0.05,latency=50ms');
    expect(spec.ok && describeFaults(spec.value)).toEqual({
      en: 'per-shard limits 200 records/s and 1 MiB/s, 5% of writes answered 500/503, 50 ms added latency',
      ko: '샤드당 한도 초당 200개·1 MiB, 쓰기의 5%에 500/503 응답, 지연 50ms 추가',
    });
  });
});

describe('createFaultInjector', () => {
  const reply = { status: 200, headers: {}, body: Buffer.from('{}') };

  it('adds the latency to every call, reads included, then forwards', async () => {
    const slept: number[] = [];
    const forwarded: string[] = [];
    const injector = createFaultInjector({ latencyMs: 50 }, { sleep: async (ms) => void slept.push(ms) });
    await injector.answer({ region: 'us-east-1', operation: 'ListStreams', format: 'json', request: {} }, async (op) => (forwarded.push(op), reply));
    await injector.answer({ region: 'us-east-1', operation: 'PutRecord', format: 'json', request: { StreamName: 's', PartitionKey: 'k', Data: 'eA==' } }, async (op) => (forwarded.push(op), reply));
    expect(slept).toEqual([50, 50]);
    expect(forwarded).toEqual(['ListStreams', 'PutRecord']);
  });

  it('leaves reads alone even at error-rate=1 and reset-rate=1', async () => {
    const injector = createFaultInjector({ errorRate: 0.5, resetRate: 0.5 }, { random: () => 0 });
    const answered = await injector.answer({ region: 'us-east-1', operation: 'GetRecords', format: 'json', request: { ShardIterator: 'x' } }, async () => reply);
    expect(answered).toBe(reply);
  });

  it('picks error, reset before, reset after by the random roll', async () => {
    const rolls = [0.1, 0.2, /* error, 500 */ 0.3, 0.9, /* error, 503 */ 0.6, 0.2, /* reset before */ 0.6, 0.8 /* reset after */];
    const injector = createFaultInjector({ errorRate: 0.5, resetRate: 0.5 }, { random: () => rolls.shift()! });
    const call = { region: 'us-east-1', operation: 'PutRecord', format: 'json' as const, request: { StreamName: 's', PartitionKey: 'k', Data: 'eA==' } };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await injector.answer(call, async () => reply));
    expect(answers.map((a) => [a.status, a.reset])).toEqual([[500, undefined], [503, undefined], [0, 'before'], [200, 'after']]);
    expect(answers[0]?.headers['x-kinesis-lab-fault']).toBe('error');
  });
});
