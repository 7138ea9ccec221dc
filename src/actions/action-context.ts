import type { LabContext } from '../checks/check-context.js';
import type { CheckResult } from '../checks/check-result.js';
import type { ProducerRun } from '../engine/session-ledger.js';
import type { Localized } from '../i18n/lang.js';
import type { ProducerApi, ProducerEvent, ProducerSummary } from '../producer/producer-types.js';

/** Live progress of a "do it for me" action, for the spinner, the log and the counters. */
export type ActionProgress =
  | { type: 'note'; text: Localized }
  | { type: 'stream-status'; status: string; elapsedMs: number }
  /** The pipe's CurrentState (and StateReason) while "create pipe" waits for RUNNING. */
  | { type: 'pipe-status'; state: string; reason?: string; elapsedMs: number }
  | { type: 'producer-started'; api: ProducerApi; at: number }
  | { type: 'producer'; event: ProducerEvent }
  | { type: 'producer-summary'; summary: ProducerSummary };

export interface ActionContext extends LabContext {
  onProgress(progress: ActionProgress): void;
  recordRun(run: ProducerRun): void;
  signal?: AbortSignal;
}

export type ActionOutcome = { ok: true; notes: Localized[] } | { ok: false; result: CheckResult };
