import type { CheckResult } from '../engine/check-result.js';
import type { LabContext } from './check-context.js';
import { CHECK_KINDS, type CheckKind } from './check-kinds.js';
import { checkPipeDelivering } from './pipe-delivering.js';
import { checkPutMetricsVisible } from './put-metrics-visible.js';
import { checkPutRecordsLanded } from './put-records-landed.js';
import { checkRecordsInStream } from './records-in-stream.js';
import { checkStreamActive } from './stream-active.js';

export type CheckFn = (ctx: LabContext, step: string, params: Record<string, unknown>, signal?: AbortSignal) => Promise<CheckResult>;

/** Each check kind's function; a new kind is named in check-kinds.ts and added here (the compiler insists). */
const BY_KIND: Readonly<Record<CheckKind, CheckFn>> = {
  'stream-active': (ctx, step, params, signal) => checkStreamActive(ctx, step, params, signal),
  'records-in-stream': (ctx, step, params) => checkRecordsInStream(ctx, step, params),
  'put-records-landed': (ctx, step, params) => checkPutRecordsLanded(ctx, step, params),
  'put-metrics-visible': (ctx, step, params) => checkPutMetricsVisible(ctx, step, params),
  'pipe-delivering': (ctx, step, params, signal) => checkPipeDelivering(ctx, step, params, signal),
};

export const CHECKS: Readonly<Record<string, CheckFn>> = BY_KIND;
export { CHECK_KINDS };
