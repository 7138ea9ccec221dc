/**
 * The throughput lesson's fix, end to end on the sandbox through the real SDK: a PutRecords producer
 * that a one-shard stream throttles until it gives records up fails its step with AWS's fix, more
 * shards; f doubles the shards, waits until the stream is ACTIVE, runs the producer again, and the
 * measured rate rises. The sandbox's clock and the producer's are one fake clock that only sleeping
 * moves, so every second's write budget is exact; a sleep moves it 20 ms at most, so a throttled
 * record's retries stay within its second and are given up, whatever the backoff's jitter drew. The
 * shard limit is lowered to 50 records/s (`--faults throttle=50`) to keep the run short.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/actions/action-registry.js';
import { CHECKS } from '../../src/checks/check-registry.js';
import { buildLabContext, type ReadySettings } from '../../src/cli/build-lab-context.js';
import type { Lab } from '../../src/content/lab-model.js';
import { emptyLedger } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import { LabRunner } from '../../src/runner/lab-runner.js';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';

const text = { en: 'x', ko: 'x' };
const lab: Lab = {
  formatVersion: 1,
  id: 'fixture',
  dir: '/nowhere',
  title: text,
  summary: text,
  steps: [
    { id: 'batches', title: text, body: text, check: { kind: 'put-records-landed', params: {} }, action: { kind: 'produce', params: { api: 'put-records', count: 600, batchSize: 200, rate: 300 } }, hints: [], comingNext: false },
  ],
};

describe('the add-shards fix on the sandbox', () => {
  let box: TestSandbox;
  let now = Date.UTC(2026, 0, 5, 9, 0, 0);

  beforeAll(async () => {
    box = await startTestSandbox({ clock: () => now, faults: { throttle: { recordsPerSecond: 50, bytesPerSecond: 1_048_576 } } });
    await box.kinesis().createStream('taxi', { mode: 'PROVISIONED', shardCount: 1 });
    await box.waitForActive('taxi');
  });
  afterAll(() => box.stop());

  it('a throttled run fails with f to double the shards; after f the producer runs again and its rate rises', async () => {
    const settings: ReadySettings = { lang: 'en', stream: 'taxi', target: 'sandbox', embeddedSandbox: false, region: 'us-east-1', regionSource: 'flag', endpoint: box.sandbox.url };
    const sleep = async (ms: number) => {
      now += Math.min(ms, 20);
    };
    const runner = new LabRunner({
      lab,
      context: { ...buildLabContext(settings, lab.id), clock: () => now, sleep },
      checks: CHECKS,
      actions: ACTIONS,
      initial: { state: initialState(lab.id, ['batches']), ledger: emptyLedger() },
      save: async () => undefined,
      clock: () => now,
    });
    runner.dispatch({ type: 'open-step', step: 'batches', at: now });
    runner.dispatch({ type: 'choose-mode', mode: 'auto', at: now });
    await runner.idle();

    const failed = runner.current.state.steps.batches;
    expect(failed?.status).toBe('failed');
    expect(failed?.lastResult).toMatchObject({ errorKind: 'producer-throttled', autoFix: { type: 'add-shards', stream: 'taxi', from: 1, to: 2 } });
    expect(runner.offeredFix()).toEqual({ type: 'add-shards', stream: 'taxi', from: 1, to: 2 });

    runner.dispatch({ type: 'fix-requested', at: now });
    await runner.idle();

    expect((await box.kinesis().describeStreamSummary('taxi')).openShardCount).toBe(2);
    const [before, after] = runner.current.ledger.runs;
    expect(runner.current.ledger.runs).toHaveLength(2);
    // Twice the shards take twice the records each second: the rate the learner sees rises with them.
    expect(after?.recordsPerSecond ?? 0).toBeGreaterThan((before?.recordsPerSecond ?? 0) * 1.5);
    // 300 records/s is still more than two shards at 50 take: the step offers the next doubling.
    expect(runner.current.state.steps.batches?.lastResult?.autoFix).toEqual({ type: 'add-shards', stream: 'taxi', from: 2, to: 4 });
  });
});
