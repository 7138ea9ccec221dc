import { describe, expect, it } from 'vitest';
import type { CheckResult } from './check-result.js';
import { reduce } from './reduce.js';
import { initialState, type LabState, type StepStatus } from './step-state.js';

const failed: CheckResult = { step: 'put', outcome: 'error', summary: { en: 'no stream', ko: '스트림 없음' }, evidence: [], autoFix: { type: 'switch-region', region: 'us-east-1' } };

/** A lab on step `put` with `status`; `lastResult` null for a step that has no result yet. */
function on(status: StepStatus, lastResult: CheckResult | null = failed): LabState {
  const state = initialState('kds', ['create', 'put']);
  state.current = 'put';
  state.steps.put = { status, attempts: 1, ...(lastResult ? { lastResult } : {}) };
  return state;
}

describe('reduce: one-key fixes', () => {
  it('fix-requested on a failed step with an autoFix: checking, and the runner applies that fix', () => {
    const t = reduce(on('failed'), { type: 'fix-requested', at: 5 });
    expect(t.state.steps.put).toEqual({ status: 'checking', attempts: 1, lastResult: failed });
    expect(t.effects).toEqual([{ type: 'apply-fix', step: 'put', fix: { type: 'switch-region', region: 'us-east-1' } }]);
  });

  it.each([
    ['busy checking', on('checking')],
    ['busy acting', on('acting')],
    ['passed', on('passed')],
    ['no autoFix in the last result', on('failed', { ...failed, autoFix: undefined })],
    ['no result yet', on('in-progress', null)],
  ])('ignores fix-requested when %s', (_label, state) => {
    expect(reduce(state, { type: 'fix-requested', at: 5 })).toEqual({ state, effects: [] });
  });

  it('fix-cancelled puts a checking step back to failed with its last result; anything else is ignored', () => {
    const t = reduce(on('checking'), { type: 'fix-cancelled', step: 'put', at: 6 });
    expect(t.state.steps.put).toEqual({ status: 'failed', attempts: 1, lastResult: failed });
    expect(t.effects).toEqual([{ type: 'save' }]);
    const passed = on('passed');
    expect(reduce(passed, { type: 'fix-cancelled', step: 'put', at: 6 })).toEqual({ state: passed, effects: [] });
  });
});
