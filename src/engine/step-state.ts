import type { CheckResult } from './check-result.js';

/**
 * Where one step is in its lifecycle:
 * pending → in-progress → (acting →) checking → passed | failed; failed → checking again on retry.
 */
export type StepStatus = 'pending' | 'in-progress' | 'acting' | 'checking' | 'passed' | 'failed';

/** How the learner chose to do the step: the runner does it, or they do it by hand. */
export type StepMode = 'auto' | 'manual';

export interface StepProgress {
  status: StepStatus;
  mode?: StepMode;
  /** First time the learner opened the step (ms since epoch). */
  startedAt?: number;
  /** When the check first passed. */
  passedAt?: number;
  /** Check runs so far. */
  attempts: number;
  /** The most recent check (or failed action) result, with its diagnosis in `fix`. */
  lastResult?: CheckResult;
}

/** Everything the engine knows; the progress file is this, serialized (see progress-codec.ts). */
export interface LabState {
  labId: string;
  /** Step ids in lab order; only these can be opened. */
  order: string[];
  /** Steps shown but not playable yet ("coming next"). */
  locked: string[];
  current: string;
  steps: Record<string, StepProgress>;
}

export function initialState(labId: string, order: string[], locked: string[] = []): LabState {
  const first = order.find((id) => !locked.includes(id)) ?? order[0];
  if (first === undefined) throw new Error(`lab ${labId} has no steps`);
  const steps: Record<string, StepProgress> = {};
  for (const id of order) steps[id] = { status: 'pending', attempts: 0 };
  return { labId, order, locked, current: first, steps };
}
