import { diagnosisContext } from '../checks/check-context.js';
import { diagnosedResult } from '../checks/diagnosed-result.js';
import type { CheckResult } from '../engine/check-result.js';
import type { ActionContext } from './action-context.js';

/**
 * Polls DescribeStreamSummary once a second until the stream is ACTIVE (after CreateStream or
 * UpdateShardCount), reporting its status as it goes; gives up quietly at the deadline or on the
 * signal, as the step's check then says where the stream stands. A failed call is the step's result.
 */
export async function waitUntilActive(ctx: ActionContext, step: string, waitMs = 120_000): Promise<CheckResult | undefined> {
  const started = ctx.clock();
  const deadline = started + waitMs;
  try {
    for (;;) {
      const summary = await ctx.kinesis.describeStreamSummary(ctx.stream);
      ctx.onProgress({ type: 'stream-status', status: summary.status, elapsedMs: ctx.clock() - started });
      if (summary.status === 'ACTIVE' || ctx.signal?.aborted || ctx.clock() >= deadline) return undefined;
      await ctx.sleep(1_000, ctx.signal);
    }
  } catch (error) {
    return diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'DescribeStreamSummary')));
  }
}
