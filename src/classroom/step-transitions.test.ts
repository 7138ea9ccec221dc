import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../engine/check-result.js';
import { reduce } from '../engine/reduce.js';
import { initialState, type LabState } from '../engine/step-state.js';
import { classChanges } from './step-transitions.js';

const result = (step: string, outcome: CheckResult['outcome'], errorKind?: string): CheckResult => ({
  step, outcome, summary: { en: outcome, ko: outcome }, evidence: [], ...(errorKind ? { errorKind } : {}),
});

/** Runs engine events and collects the class changes between each pair of states, as the reporter does. */
function changesOver(events: Parameters<typeof reduce>[1][]): ReturnType<typeof classChanges> {
  let state: LabState = initialState('kds', ['create-stream', 'put-record', 'pipe'], ['pipe']);
  const out = classChanges(undefined, state);
  for (const event of events) {
    const next = reduce(state, event).state;
    out.push(...classChanges(state, next));
    state = next;
  }
  return out;
}

describe('classChanges', () => {
  it('reports joining, each passed step, each failed check with its kind, and moving on — not busy states', () => {
    expect(changesOver([
      { type: 'open-step', step: 'create-stream', at: 1 },
      { type: 'choose-mode', mode: 'auto', at: 2 },
      { type: 'action-finished', step: 'create-stream', at: 3 },
      { type: 'check-finished', step: 'create-stream', at: 4, result: result('create-stream', 'passed') },
      { type: 'next', at: 5 },
      { type: 'check-requested', at: 6 },
      { type: 'check-finished', step: 'put-record', at: 7, result: result('put-record', 'failed', 'stream-not-found') },
      { type: 'check-requested', at: 8 },
      { type: 'check-finished', step: 'put-record', at: 9, result: result('put-record', 'error', 'no-credentials') },
      { type: 'check-requested', at: 10 },
      { type: 'check-finished', step: 'put-record', at: 11, result: result('put-record', 'passed') },
    ])).toEqual([
      { step: 'create-stream', status: 'joined' },
      { step: 'create-stream', status: 'passed' },
      { step: 'put-record', status: 'in-progress' },
      { step: 'put-record', status: 'failed', errorKind: 'stream-not-found' },
      { step: 'put-record', status: 'failed', errorKind: 'no-credentials' },
      { step: 'put-record', status: 'passed' },
    ]);
  });

  it('reports a failed "do it for me" action with its diagnosis', () => {
    expect(changesOver([
      { type: 'choose-mode', mode: 'auto', at: 1 },
      { type: 'action-failed', step: 'create-stream', at: 2, result: result('create-stream', 'error', 'limit-exceeded') },
    ])).toEqual([
      { step: 'create-stream', status: 'joined' },
      { step: 'create-stream', status: 'failed', errorKind: 'limit-exceeded' },
    ]);
  });

  it('reports going back to a passed step as passed, and a reset step as working again', () => {
    expect(changesOver([
      { type: 'check-requested', at: 1 },
      { type: 'check-finished', step: 'create-stream', at: 2, result: result('create-stream', 'passed') },
      { type: 'open-step', step: 'put-record', at: 3 },
      { type: 'open-step', step: 'create-stream', at: 4 },
      { type: 'reset-step', step: 'create-stream', at: 5 },
    ])).toEqual([
      { step: 'create-stream', status: 'joined' },
      { step: 'create-stream', status: 'passed' },
      { step: 'put-record', status: 'in-progress' },
      { step: 'create-stream', status: 'passed' },
      { step: 'create-stream', status: 'in-progress' },
    ]);
  });
});
