import type { CheckResult } from './check-result.js';
import type { AutoFix } from '../shared/auto-fix.js';
import type { StepMode } from './step-state.js';

/**
 * Everything that can happen to the lab. Key presses, timers and finished AWS calls become one of
 * these; only `reduce` decides what they mean.
 */
export type EngineEvent =
  | { type: 'open-step'; step: string; at: number }
  | { type: 'choose-mode'; mode: StepMode; at: number }
  | { type: 'action-finished'; step: string; at: number }
  | { type: 'action-failed'; step: string; at: number; result: CheckResult }
  | { type: 'check-requested'; at: number }
  | { type: 'check-finished'; step: string; at: number; result: CheckResult }
  | { type: 'next'; at: number }
  /** The learner pressed the key that applies the current step's offered fix (its last result's autoFix). */
  | { type: 'fix-requested'; at: number }
  /** The learner stopped a fix before its re-check (x during the wait): the step keeps its last result. */
  | { type: 'fix-cancelled'; step: string; at: number }
  | { type: 'reset-step'; step: string; at: number };

/** What the reducer asks the outside world to do; adapters carry these out and report back. */
export type Effect =
  | { type: 'run-action'; step: string }
  | { type: 'run-check'; step: string }
  /** Apply a diagnosed fix (wait, create the stream, switch region or stream), then re-run the step's check. */
  | { type: 'apply-fix'; step: string; fix: AutoFix }
  | { type: 'save' }
  | { type: 'lab-complete' };
