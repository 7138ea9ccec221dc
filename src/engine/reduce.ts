import type { Effect, EngineEvent } from './engine-events.js';
import type { LabState, StepProgress } from './step-state.js';

export interface Transition {
  state: LabState;
  effects: Effect[];
}

const BUSY = new Set(['acting', 'checking']);

/**
 * The whole step lifecycle as one pure function. It never throws on an event that makes no sense in
 * the current state (a stale timer, a double key press): it returns the state unchanged and no effects.
 */
export function reduce(state: LabState, event: EngineEvent): Transition {
  switch (event.type) {
    case 'open-step': {
      if (!state.order.includes(event.step) || state.locked.includes(event.step)) return same(state);
      if (BUSY.has(stepOf(state, state.current).status) && event.step !== state.current) return same(state);
      const step = stepOf(state, event.step);
      const opened: StepProgress =
        step.status === 'pending' ? { ...step, status: 'in-progress', startedAt: step.startedAt ?? event.at } : step;
      return { state: withStep({ ...state, current: event.step }, event.step, opened), effects: [{ type: 'save' }] };
    }
    case 'choose-mode': {
      const id = state.current;
      const step = stepOf(state, id);
      if (BUSY.has(step.status)) return same(state);
      const startedAt = step.startedAt ?? event.at;
      if (event.mode === 'manual') {
        return { state: withStep(state, id, { ...step, mode: 'manual', startedAt, status: step.status === 'passed' ? 'passed' : 'in-progress' }), effects: [{ type: 'save' }] };
      }
      return { state: withStep(state, id, { ...step, mode: 'auto', startedAt, status: 'acting' }), effects: [{ type: 'run-action', step: id }] };
    }
    case 'action-finished': {
      const step = stepOf(state, event.step);
      if (step.status !== 'acting') return same(state);
      return { state: withStep(state, event.step, { ...step, status: 'checking' }), effects: [{ type: 'run-check', step: event.step }] };
    }
    case 'action-failed': {
      const step = stepOf(state, event.step);
      if (step.status !== 'acting') return same(state);
      return { state: withStep(state, event.step, { ...step, status: 'failed', lastResult: event.result }), effects: [{ type: 'save' }] };
    }
    case 'check-requested': {
      const id = state.current;
      const step = stepOf(state, id);
      if (BUSY.has(step.status)) return same(state);
      return { state: withStep(state, id, { ...step, status: 'checking', startedAt: step.startedAt ?? event.at }), effects: [{ type: 'run-check', step: id }] };
    }
    case 'check-finished': {
      const step = stepOf(state, event.step);
      if (step.status !== 'checking') return same(state);
      const passed = event.result.outcome === 'passed';
      const next: StepProgress = {
        ...step,
        status: passed ? 'passed' : 'failed',
        attempts: step.attempts + 1,
        lastResult: event.result,
        passedAt: passed ? (step.passedAt ?? event.at) : step.passedAt,
      };
      const after = withStep(state, event.step, next);
      const effects: Effect[] = [{ type: 'save' }];
      if (passed && isComplete(after)) effects.push({ type: 'lab-complete' });
      return { state: after, effects };
    }
    case 'fix-requested': {
      // Only the fix the learner is looking at: the current step's last result, and nothing running.
      const id = state.current;
      const step = stepOf(state, id);
      const fix = step.lastResult?.autoFix;
      if (step.status !== 'failed' || fix === undefined) return same(state);
      // "checking" until the re-check reports: the fix ends in a check-finished like any other check.
      return { state: withStep(state, id, { ...step, status: 'checking' }), effects: [{ type: 'apply-fix', step: id, fix }] };
    }
    case 'fix-cancelled': {
      const step = stepOf(state, event.step);
      if (step.status !== 'checking' || step.lastResult === undefined) return same(state);
      return { state: withStep(state, event.step, { ...step, status: 'failed' }), effects: [{ type: 'save' }] };
    }
    case 'next': {
      const target = nextPlayable(state);
      if (target === undefined) return same(state);
      return reduce(state, { type: 'open-step', step: target, at: event.at });
    }
    case 'reset-step': {
      const step = state.steps[event.step];
      if (step === undefined || BUSY.has(step.status)) return same(state);
      const status = event.step === state.current ? 'in-progress' : 'pending';
      return { state: withStep(state, event.step, { status, attempts: 0, startedAt: status === 'in-progress' ? event.at : undefined }), effects: [{ type: 'save' }] };
    }
  }
}

/** The first playable step after the current one, if any. */
export function nextPlayable(state: LabState): string | undefined {
  const from = state.order.indexOf(state.current);
  return state.order.slice(from + 1).find((id) => !state.locked.includes(id));
}

/** True when every playable step has passed. */
export function isComplete(state: LabState): boolean {
  return state.order.filter((id) => !state.locked.includes(id)).every((id) => state.steps[id]?.status === 'passed');
}

function stepOf(state: LabState, id: string): StepProgress {
  return state.steps[id] ?? { status: 'pending', attempts: 0 };
}

function withStep(state: LabState, id: string, step: StepProgress): LabState {
  return { ...state, steps: { ...state.steps, [id]: step } };
}

function same(state: LabState): Transition {
  return { state, effects: [] };
}
