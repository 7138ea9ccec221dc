import type { StreamSummary } from '../aws/kinesis-port.js';
import { diagnosisContext } from '../checks/check-context.js';
import type { CheckResult } from '../engine/check-result.js';
import { describeCurrentStream } from '../checks/current-stream.js';
import { diagnosedResult } from '../checks/diagnosed-result.js';
import type { StreamIdentity } from '../engine/session-ledger.js';
import type { Localized } from '../i18n/lang.js';
import type { ActionContext } from './action-context.js';

export type SourceStream = { ok: true; summary: StreamSummary; identity: StreamIdentity; notes: Localized[] } | { ok: false; result: CheckResult };

/**
 * The lab's stream for a "do it for me" that needs it (steps 2–5). When it is not there (deleted, a
 * sandbox whose data is gone) it is created as step 1 creates it, and the notes say so: one d is
 * always enough to get a step going again, whatever happened to the world since it last passed.
 */
export async function sourceStreamFor(ctx: ActionContext, step: string): Promise<SourceStream> {
  try {
    return { ok: true, ...(await describeCurrentStream(ctx)), notes: [] };
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException' || !ctx.createStream) {
      return { ok: false, result: diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'DescribeStreamSummary'))) };
    }
  }
  const created = await ctx.createStream();
  if (!created.ok) return created;
  try {
    return { ok: true, ...(await describeCurrentStream(ctx)), notes: created.notes };
  } catch (error) {
    return { ok: false, result: diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'DescribeStreamSummary'))) };
  }
}
