import { describe, expect, it } from 'vitest';
import type { CheckResult } from './check-result.js';
import type { EngineEvent } from './engine-events.js';
import { isComplete, nextPlayable, reduce } from './reduce.js';
import { initialState, type LabState } from './step-state.js';

const ORDER = ['create-stream', 'put-record', 'put-records', 'metrics', 'pipe'];
const LOCKED = ['metrics', 'pipe'];
const fresh = (): LabState => initialState('kds', ORDER, LOCKED);

const result = (step: string, outcome: CheckResult['outcome']): CheckResult => ({
  step,
  outcome,
  summary: { en: outcome, ko: outcome },
  evidence: [],
});

function run(events: EngineEvent[], start = fresh()) {
  let state = start;
  const effects = [];
  for (const event of events) {
    const t = reduce(state, event);
    state = t.state;
    effects.push(...t.effects);
  }
  return { state, effects };
}

describe('reduce', () => {
  it('starts on the first playable step, pending', () => {
    const s = fresh();
    expect(s.current).toBe('create-stream');
    expect(Object.values(s.steps).every((p) => p.status === 'pending')).toBe(true);
  });

  it('walks pending → in-progress → acting → checking → passed for "do it for me"', () => {
    const { state, effects } = run([
      { type: 'open-step', step: 'create-stream', at: 1 },
      { type: 'choose-mode', mode: 'auto', at: 2 },
      { type: 'action-finished', step: 'create-stream', at: 3 },
      { type: 'check-finished', step: 'create-stream', at: 4, result: result('create-stream', 'passed') },
    ]);
    expect(state.steps['create-stream']).toMatchObject({ status: 'passed', mode: 'auto', startedAt: 1, passedAt: 4, attempts: 1 });
    expect(effects).toEqual([
      { type: 'save' },
      { type: 'run-action', step: 'create-stream' },
      { type: 'run-check', step: 'create-stream' },
      { type: 'save' },
    ]);
  });

  it('lets a learner do the step by hand, fail the check, fix it and pass', () => {
    const { state } = run([
      { type: 'choose-mode', mode: 'manual', at: 10 },
      { type: 'check-requested', at: 11 },
      { type: 'check-finished', step: 'create-stream', at: 12, result: result('create-stream', 'failed') },
      { type: 'check-requested', at: 20 },
      { type: 'check-finished', step: 'create-stream', at: 21, result: result('create-stream', 'passed') },
    ]);
    expect(state.steps['create-stream']).toMatchObject({ status: 'passed', mode: 'manual', attempts: 2, passedAt: 21 });
  });

  it('records a failed action with its diagnosis and does not run the check', () => {
    const diag = { ...result('create-stream', 'error'), errorKind: 'no-credentials' };
    const t1 = run([{ type: 'choose-mode', mode: 'auto', at: 1 }]);
    const t2 = reduce(t1.state, { type: 'action-failed', step: 'create-stream', at: 2, result: diag });
    expect(t2.state.steps['create-stream']).toMatchObject({ status: 'failed', lastResult: diag });
    expect(t2.effects).toEqual([{ type: 'save' }]);
  });

  it.each<[string, EngineEvent]>([
    ['a check result for a step that is not checking', { type: 'check-finished', step: 'put-record', at: 5, result: result('put-record', 'passed') }],
    ['an action result when no action runs', { type: 'action-finished', step: 'create-stream', at: 5 }],
    ['opening an unknown step', { type: 'open-step', step: 'nope', at: 5 }],
    ['opening a coming-next step', { type: 'open-step', step: 'metrics', at: 5 }],
    ['resetting an unknown step', { type: 'reset-step', step: 'nope', at: 5 }],
  ])('ignores %s', (_name, event) => {
    const start = fresh();
    const t = reduce(start, event);
    expect(t.state).toBe(start);
    expect(t.effects).toEqual([]);
  });

  it('ignores key presses while a step is busy (no double action, no double check)', () => {
    const acting = run([{ type: 'choose-mode', mode: 'auto', at: 1 }]).state;
    for (const event of [
      { type: 'choose-mode', mode: 'auto', at: 2 },
      { type: 'check-requested', at: 2 },
      { type: 'open-step', step: 'put-record', at: 2 },
      { type: 'reset-step', step: 'create-stream', at: 2 },
    ] satisfies EngineEvent[]) {
      expect(reduce(acting, event).effects).toEqual([]);
    }
  });

  it('moves to the next playable step and skips coming-next steps', () => {
    const passed = run([
      { type: 'check-requested', at: 1 },
      { type: 'check-finished', step: 'create-stream', at: 2, result: result('create-stream', 'passed') },
      { type: 'next', at: 3 },
    ]).state;
    expect(passed.current).toBe('put-record');
    expect(passed.steps['put-record']).toMatchObject({ status: 'in-progress', startedAt: 3 });
    const atLast = { ...passed, current: 'put-records' };
    expect(nextPlayable(atLast)).toBeUndefined();
    expect(reduce(atLast, { type: 'next', at: 4 }).state).toBe(atLast);
  });

  it('announces completion when the last playable step passes', () => {
    let s = fresh();
    const effects = [];
    for (const id of ['create-stream', 'put-record', 'put-records']) {
      for (const e of [
        { type: 'open-step', step: id, at: 1 },
        { type: 'check-requested', at: 2 },
        { type: 'check-finished', step: id, at: 3, result: result(id, 'passed') },
      ] satisfies EngineEvent[]) {
        const t = reduce(s, e);
        s = t.state;
        effects.push(...t.effects);
      }
    }
    expect(isComplete(s)).toBe(true);
    expect(effects.filter((e) => e.type === 'lab-complete')).toHaveLength(1);
  });

  it('resets a step to in-progress when it is current and to pending otherwise', () => {
    const s = run([
      { type: 'check-requested', at: 1 },
      { type: 'check-finished', step: 'create-stream', at: 2, result: result('create-stream', 'passed') },
    ]).state;
    expect(reduce(s, { type: 'reset-step', step: 'create-stream', at: 9 }).state.steps['create-stream']).toEqual({ status: 'in-progress', attempts: 0, startedAt: 9 });
    const moved = reduce(s, { type: 'next', at: 3 }).state;
    expect(reduce(moved, { type: 'reset-step', step: 'create-stream', at: 9 }).state.steps['create-stream']).toEqual({ status: 'pending', attempts: 0, startedAt: undefined });
  });
});
