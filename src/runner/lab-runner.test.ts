import { describe, expect, it } from 'vitest';
import type { ActionFn } from '../actions/action-registry.js';
import type { LabContext } from '../checks/check-context.js';
import type { CheckFn } from '../checks/check-registry.js';
import type { Lab } from '../content/lab-model.js';
import { emptyLedger } from '../engine/session-ledger.js';
import { initialState } from '../engine/step-state.js';
import { LabRunner } from './lab-runner.js';

const text = { en: 'x', ko: 'x' };
const lab: Lab = {
  formatVersion: 1,
  id: 'fixture',
  dir: '/nowhere',
  title: text,
  summary: text,
  steps: [
    { id: 'one', title: text, body: text, check: { kind: 'ok-after-action', params: {} }, action: { kind: 'produce-ish', params: {} }, hints: [], comingNext: false },
    { id: 'two', title: text, body: text, check: { kind: 'throws', params: {} }, hints: [], comingNext: false },
  ],
};

function context(): LabContext {
  return {
    kinesis: {} as LabContext['kinesis'],
    producerKinesis: {} as LabContext['kinesis'],
    metrics: { sum: async () => 0 },
    cloudwatch: {} as LabContext['cloudwatch'],
    stream: 's',
    region: 'us-east-1',
    labId: 'fixture',
    sandbox: true,
    ledger: emptyLedger,
    diagnose: async (error) => ({ kind: 'boom', what: { en: (error as Error).message, ko: '펑' }, why: text, fix: text }),
    clock: () => 1000,
    sleep: async () => undefined,
  };
}

function runner(saves: unknown[], failSave = false) {
  let acted = false;
  const checks: Record<string, CheckFn> = {
    'ok-after-action': async (_ctx, step) => ({ step, outcome: acted ? 'passed' : 'failed', summary: text, evidence: [] }),
    throws: async () => {
      throw new Error('network down');
    },
  };
  const actions: Record<string, ActionFn> = {
    'produce-ish': async (ctx) => {
      ctx.onProgress({ type: 'producer-started', api: 'put-record', at: 1000 });
      ctx.onProgress({ type: 'producer', event: { type: 'record-sent', api: 'put-record', at: 2000, partitionKey: 'k', shardId: 'shardId-000000000000', sequenceNumber: '1', requestId: 'r1', httpStatus: 200 } });
      ctx.recordRun({ api: 'put-record', stream: 's', region: 'us-east-1', startedAt: 1000, endedAt: 2000, sent: 1, failed: 0, retried: 0, bytes: 10, recordsPerSecond: 1, samples: [] });
      acted = true;
      return { ok: true, notes: [{ en: 'sent 1', ko: '1개 전송' }] };
    },
  };
  return new LabRunner({
    lab,
    context: context(),
    checks,
    actions,
    initial: { state: initialState('fixture', ['one', 'two']), ledger: emptyLedger() },
    save: async (file) => {
      if (failSave) throw Object.assign(new Error('cannot save progress to /home/p.json (ENOSPC)'), { path: '/home/p.json', code: 'ENOSPC' });
      saves.push(file);
      return undefined;
    },
    clock: () => 5000,
  });
}

describe('LabRunner', () => {
  it('runs "do it for me": the action, then the check, saving the run and the result', async () => {
    const saves: unknown[] = [];
    const r = runner(saves);
    r.dispatch({ type: 'choose-mode', mode: 'auto', at: 1 });
    await r.idle();
    const view = r.current;
    expect(view.state.steps.one).toMatchObject({ status: 'passed', mode: 'auto', attempts: 1 });
    expect(view.notes).toEqual([{ en: 'sent 1', ko: '1개 전송' }]);
    expect(view.producer).toMatchObject({ api: 'put-record', sent: 1, requests: 1, log: [{ requestId: 'r1', httpStatus: 200, shardId: 'shardId-000000000000', sequenceNumber: '1' }] });
    expect(view.ledger.runs).toHaveLength(1);
    const last = saves.at(-1) as { state: { steps: { one: { status: string } } }; ledger: { runs: unknown[] } };
    expect(last.state.steps.one.status).toBe('passed');
    expect(last.ledger.runs).toHaveLength(1);
  });

  it('turns a check that throws into a diagnosed failure, not a crash', async () => {
    const r = runner([]);
    r.dispatch({ type: 'open-step', step: 'two', at: 1 });
    r.dispatch({ type: 'check-requested', at: 2 });
    await r.idle();
    expect(r.current.state.steps.two).toMatchObject({ status: 'failed', lastResult: { outcome: 'error', errorKind: 'boom', summary: { en: 'network down' } } });
  });

  it('keeps going when progress cannot be saved, and says so', async () => {
    const r = runner([], true);
    r.dispatch({ type: 'check-requested', at: 1 });
    await r.idle();
    expect(r.current.state.steps.one?.status).toBe('failed');
    expect(r.current.saveError).toEqual({ path: '/home/p.json', code: 'ENOSPC', message: 'cannot save progress to /home/p.json (ENOSPC)' });
  });
});
