import type { CheckResult } from './check-result.js';
import type { LabContext } from './check-context.js';
import { checkPipeDelivering } from './pipe-delivering.js';
import { checkPutMetricsVisible } from './put-metrics-visible.js';
import { checkPutRecordsLanded } from './put-records-landed.js';
import { checkRecordsInStream } from './records-in-stream.js';
import { checkStreamActive } from './stream-active.js';

export type CheckFn = (ctx: LabContext, step: string, params: Record<string, unknown>, signal?: AbortSignal) => Promise<CheckResult>;

/** Check kinds a lab.json may name. A new kind is added here and nowhere else. */
export const CHECKS: Readonly<Record<string, CheckFn>> = {
  'stream-active': (ctx, step, params, signal) => checkStreamActive(ctx, step, params, signal),
  'records-in-stream': (ctx, step, params) => checkRecordsInStream(ctx, step, params),
  'put-records-landed': (ctx, step, params) => checkPutRecordsLanded(ctx, step, params),
  'put-metrics-visible': (ctx, step, params) => checkPutMetricsVisible(ctx, step, params),
  'pipe-delivering': (ctx, step, params, signal) => checkPipeDelivering(ctx, step, params, signal),
};

export const CHECK_KINDS: ReadonlySet<string> = new Set(Object.keys(CHECKS));
