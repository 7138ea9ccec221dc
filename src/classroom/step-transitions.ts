import type { LabState } from '../engine/step-state.js';
import type { ClassStatus } from './class-event.js';

/** What a learner's runner tells the class, before it gets an id and a sequence number. */
export interface ClassChange {
  step: string;
  status: ClassStatus;
  errorKind?: string;
}

/**
 * The class-worthy differences between two engine states: joining, moving to a step, passing it, and
 * each failed check or action with its diagnosis kind. Busy states (acting, checking) are not news.
 */
export function classChanges(prev: LabState | undefined, next: LabState): ClassChange[] {
  const current = next.steps[next.current];
  if (prev === undefined) return [{ step: next.current, status: 'joined' }];
  const changes: ClassChange[] = [];
  if (prev.current !== next.current) changes.push({ step: next.current, status: current?.status === 'passed' ? 'passed' : 'in-progress' });
  for (const id of next.order) {
    const before = prev.steps[id];
    const after = next.steps[id];
    if (!after || before?.status === after.status) continue;
    if (after.status === 'passed') changes.push({ step: id, status: 'passed' });
    else if (after.status === 'failed') changes.push({ step: id, status: 'failed', ...(after.lastResult?.errorKind ? { errorKind: after.lastResult.errorKind } : {}) });
    // A reset step starts over: the board should no longer show it failed or passed.
    else if (after.status === 'in-progress' && (before?.status === 'passed' || before?.status === 'failed') && after.attempts === 0) changes.push({ step: id, status: 'in-progress' });
  }
  return changes;
}
