import { describe, expect, it } from 'vitest';
import type { ActionFn } from '../actions/action-registry.js';
import type { LabContext } from '../checks/check-context.js';
import type { CheckFn } from '../checks/check-registry.js';
import type { CheckResult } from '../engine/check-result.js';
import type { Lab } from '../content/lab-model.js';
import type { AutoFix } from '../shared/auto-fix.js';
import type { ProgressFile } from '../engine/progress-codec.js';
import type { SessionLedger } from '../engine/session-ledger.js';
import { initialState } from '../engine/step-state.js';
import { LabRunner, type RunnerView, type RunTarget } from './lab-runner.js';

const text = { en: 'x', ko: 'x' };
const lab: Lab = {
  formatVersion: 1,
  id: 'fixture',
  dir: '/nowhere',
  title: text,
  summary: text,
  steps: [
    { id: 'create', title: text, body: text, check: { kind: 'stream-there', params: {} }, action: { kind: 'create-stream', params: { shardCount: 2, mode: 'PROVISIONED' } }, hints: [], comingNext: false },
    { id: 'put', title: text, body: text, check: { kind: 'stream-there', params: {} }, action: { kind: 'produce', params: {} }, hints: [], comingNext: false },
  ],
};

/** A fake AWS: which streams exist in which region; checks pass where the stream is. */
function world(streams: string[]) {
  const existing = new Set(streams);
  const checked: string[] = [];
  const slept: number[] = [];
  const created: { stream: string; region: string; step: string; params: Record<string, unknown> }[] = [];
  let releaseSleep: (() => void) | undefined;
  let holdSleep = false;
  const context = (stream: string, region: string): LabContext => ({
    kinesis: {} as LabContext['kinesis'],
    producerKinesis: {} as LabContext['kinesis'],
    metrics: { sum: async () => 0 },
    cloudwatch: {} as LabContext['cloudwatch'],
    stream,
    region,
    labId: 'fixture',
    sandbox: true,
    ledger: () => ({ runs: [] }),
    diagnose: async (error) => ({ kind: 'boom', what: { en: (error as Error).message, ko: '펑' }, why: text, fix: text }),
    clock: () => 1000,
    sleep: (ms, signal) => {
      slept.push(ms);
      if (!holdSleep) return Promise.resolve();
      return new Promise<void>((resolve) => {
        releaseSleep = resolve;
        signal?.addEventListener('abort', () => resolve());
      });
    },
  });
  const checks: Record<string, CheckFn> = {
    'stream-there': async (ctx, step) => {
      checked.push(`${ctx.stream}@${ctx.region}`);
      const here = existing.has(`${ctx.stream}@${ctx.region}`);
      return { step, outcome: here ? 'passed' : 'failed', summary: { en: here ? 'there' : 'missing', ko: here ? '있음' : '없음' }, evidence: [] };
    },
  };
  const actions: Record<string, ActionFn> = {
    'create-stream': async (ctx, step, params) => {
      created.push({ stream: ctx.stream, region: ctx.region, step, params });
      if (ctx.stream === 'forbidden') return { ok: false, result: { step, outcome: 'error', summary: { en: 'AccessDenied', ko: '권한 없음' }, evidence: [], errorKind: 'access-denied' } };
      existing.add(`${ctx.stream}@${ctx.region}`);
      return { ok: true, notes: [{ en: `created ${ctx.stream}`, ko: `${ctx.stream} 생성` }] };
    },
  };
  return {
    context,
    checks,
    actions,
    checked,
    slept,
    created,
    hold: () => (holdSleep = true),
    release: () => releaseSleep?.(),
  };
}

/** A learner on step `put` whose last check failed with `fix` offered. */
function onFailedStep(fix: AutoFix | undefined, w: ReturnType<typeof world>, options: { withRetarget?: boolean; ledger?: SessionLedger } = {}) {
  const saves: Omit<ProgressFile, 'savedAt' | 'formatVersion'>[] = [];
  const retargets: RunTarget[] = [];
  const state = initialState('fixture', ['create', 'put']);
  const lastResult: CheckResult = { step: 'put', outcome: 'error', summary: { en: 'no stream', ko: '스트림 없음' }, evidence: [], ...(fix ? { autoFix: fix } : {}) };
  state.current = 'put';
  state.steps.put = { status: 'failed', attempts: 1, lastResult };
  const runner = new LabRunner({
    lab,
    context: w.context('input-stream', 'eu-west-1'),
    checks: w.checks,
    actions: w.actions,
    initial: { state, ledger: options.ledger ?? { runs: [] } },
    save: async (file) => void saves.push(file),
    clock: () => 5000,
    ...(options.withRetarget === false
      ? {}
      : {
          retarget: (target: RunTarget) => {
            retargets.push(target);
            return w.context(target.stream, target.region);
          },
        }),
  });
  return { runner, saves, retargets, lastResult };
}

const run = { api: 'put-record' as const, stream: 'input-stream', region: 'eu-west-1', startedAt: 1, endedAt: 2, sent: 3, failed: 0, retried: 0, bytes: 30, recordsPerSecond: 3, samples: [] };

describe('LabRunner.retarget', () => {
  it('switches the context, keeps the ledger and step states, and saves the new settings', async () => {
    const w = world([]);
    const ledger = { runs: [run] };
    const { runner, saves } = onFailedStep(undefined, w, { ledger });
    const before = runner.current.state;
    const next = w.context('input-stream', 'us-east-1');
    await runner.retarget(next, { stream: 'input-stream', region: 'us-east-1', regionSwitched: true });
    expect(runner.context).toBe(next);
    expect(runner.current.target).toEqual({ stream: 'input-stream', region: 'us-east-1', regionSwitched: true });
    expect(runner.current.ledger).toBe(ledger);
    expect(runner.current.state).toBe(before);
    expect(saves.at(-1)).toEqual({ settings: { stream: 'input-stream', region: 'us-east-1', regionSwitched: true }, state: before, ledger });
  });

  it('starts from the context\'s stream and region, or the target a resumed session gives', () => {
    const w = world([]);
    expect(onFailedStep(undefined, w).runner.current.target).toEqual({ stream: 'input-stream', region: 'eu-west-1' });
    const resumed = new LabRunner({
      lab,
      context: w.context('input-stream', 'us-east-1'),
      checks: w.checks,
      actions: w.actions,
      initial: { state: initialState('fixture', ['create', 'put']), ledger: { runs: [] }, target: { stream: 'input-stream', region: 'us-east-1', regionSwitched: true } },
      save: async () => undefined,
      clock: () => 0,
    });
    expect(resumed.current.target).toEqual({ stream: 'input-stream', region: 'us-east-1', regionSwitched: true });
  });
});

describe('LabRunner applying a one-key fix', () => {
  it('switch-region: rebuilds the context for the new region, saves it, and re-checks there', async () => {
    const w = world(['input-stream@us-east-1']);
    const { runner, saves, retargets } = onFailedStep({ type: 'switch-region', region: 'us-east-1' }, w, { ledger: { runs: [run] } });
    runner.dispatch({ type: 'fix-requested', at: 10 });
    expect(runner.current.state.steps.put?.status).toBe('checking');
    await runner.idle();
    expect(retargets).toEqual([{ stream: 'input-stream', region: 'us-east-1', regionSwitched: true }]);
    expect(w.checked).toEqual(['input-stream@us-east-1']);
    expect(runner.context.region).toBe('us-east-1');
    expect(runner.current.state.steps.put).toMatchObject({ status: 'passed', attempts: 2, lastResult: { outcome: 'passed', summary: { en: 'there' } } });
    expect(runner.current.ledger.runs).toEqual([run]);
    expect(runner.current.fix).toEqual({ step: 'put', fix: { type: 'switch-region', region: 'us-east-1' }, from: { stream: 'input-stream', region: 'eu-west-1' }, phase: 'done' });
    expect(saves.at(-1)?.settings).toEqual({ stream: 'input-stream', region: 'us-east-1', regionSwitched: true });
    expect(saves.at(-1)?.state.steps.put?.status).toBe('passed');
  });

  it('switch-stream: keeps the region and re-checks the similar name', async () => {
    const w = world(['input_stream@eu-west-1']);
    const { runner, saves } = onFailedStep({ type: 'switch-stream', stream: 'input_stream' }, w);
    runner.dispatch({ type: 'fix-requested', at: 10 });
    await runner.idle();
    expect(w.checked).toEqual(['input_stream@eu-west-1']);
    expect(runner.current.target).toEqual({ stream: 'input_stream', region: 'eu-west-1' });
    expect(runner.current.state.steps.put?.status).toBe('passed');
    expect(saves.at(-1)?.settings).toEqual({ stream: 'input_stream', region: 'eu-west-1' });
  });

  it('wait-and-retry: waits the delay with a countdown deadline, then re-checks', async () => {
    const w = world([]);
    w.hold();
    const { runner } = onFailedStep({ type: 'wait-and-retry', delayMs: 2000 }, w);
    const phases: RunnerView['fix'][] = [];
    runner.subscribe((v) => phases.push(v.fix));
    runner.dispatch({ type: 'fix-requested', at: 10 });
    await Promise.resolve();
    expect(w.slept).toEqual([2000]);
    expect(runner.current.fix).toMatchObject({ phase: 'waiting', until: 7000 });
    expect(w.checked).toEqual([]);
    w.release();
    await runner.idle();
    expect(w.checked).toEqual(['input-stream@eu-west-1']);
    expect(runner.current.state.steps.put).toMatchObject({ status: 'failed', attempts: 2, lastResult: { summary: { en: 'missing' } } });
    expect([...new Set(phases.map((p) => p?.phase))]).toEqual([undefined, 'applying', 'waiting', 'checking', 'done']);
  });

  it('x during the wait cancels: no check runs and the step keeps its last result', async () => {
    const w = world([]);
    w.hold();
    const { runner, lastResult } = onFailedStep({ type: 'wait-and-retry', delayMs: 30_000 }, w);
    runner.dispatch({ type: 'fix-requested', at: 10 });
    await Promise.resolve();
    runner.cancel();
    await runner.idle();
    expect(w.checked).toEqual([]);
    expect(runner.current.state.steps.put).toEqual({ status: 'failed', attempts: 1, lastResult });
    expect(runner.current.fix).toBeUndefined();
  });

  it('create-stream: runs step 1\'s create-stream action (its params) for the stream, then re-checks the current step', async () => {
    const w = world([]);
    const { runner } = onFailedStep({ type: 'create-stream', stream: 'input-stream' }, w);
    runner.dispatch({ type: 'fix-requested', at: 10 });
    await runner.idle();
    expect(w.created).toEqual([{ stream: 'input-stream', region: 'eu-west-1', step: 'put', params: { shardCount: 2, mode: 'PROVISIONED' } }]);
    expect(w.checked).toEqual(['input-stream@eu-west-1']);
    expect(runner.current.state.steps.put?.status).toBe('passed');
    expect(runner.current.notes).toEqual([{ en: 'created input-stream', ko: 'input-stream 생성' }]);
    expect(runner.current.fix?.phase).toBe('done');
  });

  it('create-stream that fails: the action\'s diagnosis becomes the step\'s result, nothing is re-checked', async () => {
    const w = world([]);
    const { runner } = onFailedStep({ type: 'create-stream', stream: 'forbidden' }, w);
    runner.dispatch({ type: 'fix-requested', at: 10 });
    await runner.idle();
    expect(w.checked).toEqual([]);
    expect(runner.current.state.steps.put).toMatchObject({ status: 'failed', attempts: 2, lastResult: { errorKind: 'access-denied' } });
    expect(runner.current.fix).toBeUndefined();
  });

  it("use-names: keeps the free names in the ledger (and progress), runs the step's own action with them, then re-checks", async () => {
    const w = world(['input-stream@eu-west-1']);
    const ran: Record<string, unknown>[] = [];
    w.actions.produce = async (_ctx, _step, params) => {
      ran.push(params);
      return { ok: true, notes: [{ en: 'made with other names', ko: '다른 이름으로 만듦' }] };
    };
    const fix: AutoFix = { type: 'use-names', names: { roleName: 'input-stream-pipe-role-2', pipeName: 'input-stream-pipe-2' } };
    const { runner, saves } = onFailedStep(fix, w, { ledger: { runs: [], choices: { put: { batchSize: 10 } } } });
    expect(runner.canApply(fix)).toBe(true);
    runner.dispatch({ type: 'fix-requested', at: 10 });
    await runner.idle();
    expect(ran).toEqual([{ batchSize: 10, roleName: 'input-stream-pipe-role-2', pipeName: 'input-stream-pipe-2' }]);
    expect(runner.current.ledger.names).toEqual({ put: { roleName: 'input-stream-pipe-role-2', pipeName: 'input-stream-pipe-2' } });
    // A form saving new choices later does not lose them: names are kept apart from choices.
    runner.choose('put', { batchSize: 20 });
    await runner.idle();
    expect(saves.at(-1)?.ledger).toEqual({ runs: [], choices: { put: { batchSize: 20 } }, names: { put: { roleName: 'input-stream-pipe-role-2', pipeName: 'input-stream-pipe-2' } } });
    expect(runner.current.state.steps.put?.status).toBe('passed');
    expect(runner.current.notes).toEqual([{ en: 'made with other names', ko: '다른 이름으로 만듦' }]);
  });

  it('does nothing without an offered fix, and cannot switch without a retarget', async () => {
    const w = world([]);
    const none = onFailedStep(undefined, w);
    none.runner.dispatch({ type: 'fix-requested', at: 10 });
    await none.runner.idle();
    expect(none.runner.current.state.steps.put?.status).toBe('failed');
    expect(w.checked).toEqual([]);

    const fixed = onFailedStep({ type: 'switch-region', region: 'us-east-1' }, w, { withRetarget: false }).runner;
    expect(fixed.canApply({ type: 'switch-region', region: 'us-east-1' })).toBe(false);
    expect(fixed.canApply({ type: 'switch-stream', stream: 'a' })).toBe(false);
    expect(fixed.canApply({ type: 'wait-and-retry', delayMs: 1 })).toBe(true);
    expect(fixed.canApply({ type: 'create-stream', stream: 'a' })).toBe(true);
  });
});
