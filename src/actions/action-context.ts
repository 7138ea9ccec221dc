import type { LabContext } from '../checks/check-context.js';
import type { CheckResult } from '../engine/check-result.js';
import type { ProducerRun } from '../engine/session-ledger.js';
import type { Localized } from '../i18n/lang.js';
import type { ProducerApi, ProducerEvent, ProducerSummary } from '../shared/producer-types.js';

/** Live progress of a "do it for me" action, for the spinner, the log and the counters. */
export type ActionProgress =
  | { type: 'note'; text: Localized }
  | { type: 'stream-status'; status: string; elapsedMs: number }
  /** The pipe's CurrentState (and StateReason) while "create pipe" waits for RUNNING. */
  | { type: 'pipe-status'; state: string; reason?: string; elapsedMs: number }
  | { type: 'producer-started'; api: ProducerApi; at: number }
  | { type: 'producer'; event: ProducerEvent }
  | { type: 'producer-summary'; summary: ProducerSummary }
  /** Step 4's "do it for me" waiting for CloudWatch: records counted so far of those sent, and when (ms) they should show and when it stops waiting. */
  | { type: 'metrics-wait'; counted: number; sent: number; expectedAt: number; giveUpAt: number };

export interface ActionContext extends LabContext {
  onProgress(progress: ActionProgress): void;
  recordRun(run: ProducerRun): void;
  signal?: AbortSignal;
  /** Creates the lab's stream as step 1's "do it for me" does (its params, its tag); absent where a caller cannot. */
  createStream?(): Promise<ActionOutcome>;
}

export type ActionOutcome = { ok: true; notes: Localized[] } | { ok: false; result: CheckResult };
