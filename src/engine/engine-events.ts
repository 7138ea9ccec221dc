import type { CheckResult } from '../checks/check-result.js';
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
  | { type: 'reset-step'; step: string; at: number };

/** What the reducer asks the outside world to do; adapters carry these out and report back. */
export type Effect =
  | { type: 'run-action'; step: string }
  | { type: 'run-check'; step: string }
  | { type: 'save' }
  | { type: 'lab-complete' };
