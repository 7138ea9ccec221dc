import { diagnosisContext } from '../checks/check-context.js';
import { diagnosedResult } from '../checks/diagnosed-result.js';
import { countFrom, countedPuts, expectedVisibleAt, giveUpAt, sessionPuts } from '../checks/put-metrics-facts.js';
import type { StreamIdentity } from '../engine/session-ledger.js';
import type { Localized } from '../i18n/lang.js';
import { inBoth } from '../i18n/progress-messages.js';
import type { ActionContext, ActionOutcome } from './action-context.js';
import { produceAction } from './produce.js';
import { sourceStreamFor } from './source-stream.js';

export interface MetricsSampleParams {
  /** Records sent one by one. @default 100 */
  putRecordCount?: number;
  /** Records sent in PutRecords batches. @default 500 */
  putRecordsCount?: number;
  /** @default 100 */
  batchSize?: number;
  /** Runs this recent count as "already sent". @default 180 (minutes) */
  lookbackMinutes?: number;
  /** Pause between two looks at CloudWatch while waiting. @default 2000 on the sandbox, 30000 on AWS */
  pollMs?: number;
}

/**
 * Step 4's "do it for me": the metrics need records to show. When this session recently sent some to
 * the stream as it is now and CloudWatch may still be on its way with them, sending more would only
 * push the wait further, so it sends nothing; otherwise (nothing sent, records that went to an older
 * stream of this name, or records CloudWatch never showed) it sends a fresh sample with both APIs,
 * which the check then counts from. Either way it then waits, bounded by how late CloudWatch can
 * be, until CloudWatch has counted them; records it waited for in vain (a sandbox restarted before
 * counting them) are followed by a fresh sample. So one d (or one `solve metrics`) ends in a check
 * that passes whenever CloudWatch works at all.
 */
export async function metricsSampleAction(ctx: ActionContext, step: string, params: MetricsSampleParams = {}): Promise<ActionOutcome> {
  const source = await sourceStreamFor(ctx, step);
  if (!source.ok) return source;
  const notes: Localized[] = [...source.notes];
  const now = ctx.clock();
  const since = countFrom(now, (params.lookbackMinutes ?? 180) * 60_000, source.identity.createdAt);
  const puts = sessionPuts(ctx.ledger(), source.identity, since);
  const pollMs = params.pollMs ?? (ctx.cloudwatch.delay.target === 'aws' ? 30_000 : 2_000);
  try {
    if (puts.lastAt !== undefined && now < giveUpAt(puts.lastAt, ctx.cloudwatch.delay.giveUpAfterMs)) {
      const sent = puts.putRecord + puts.putRecords;
      const minutes = Math.max(0, Math.round((now - puts.lastAt) / 60_000));
      notes.push({
        en: `This session already sent ${sent} record(s) to ${ctx.stream}, the last ${minutes} min ago; nothing more to send. The chart fills as CloudWatch publishes them.`,
        ko: `이번 세션에서 이미 ${ctx.stream}에 레코드 ${sent}개를 보냈습니다(마지막 전송 ${minutes}분 전). 더 보낼 필요가 없습니다. CloudWatch가 게시하는 대로 차트가 채워집니다.`,
      });
      const waited = await waitForCount(ctx, source.identity, since, pollMs);
      if (waited) notes.push(waited.note);
      // Counted, or stopped: done. Not counted by the latest they could be: a fresh sample is the way on.
      if (!waited || waited.complete || ctx.signal?.aborted) return { ok: true, notes };
      notes.push(inBoth((t) => t.metricsResending));
    }
    // Marked as a sample: the check counts from the latest one.
    const sample: ActionContext = { ...ctx, recordRun: (run) => ctx.recordRun({ ...run, purpose: 'metrics-sample' }) };
    const single = await produceAction(sample, step, { api: 'put-record', count: params.putRecordCount ?? 100 });
    if (!single.ok) return single;
    notes.push(...single.notes);
    if (ctx.signal?.aborted) return { ok: true, notes };
    const batched = await produceAction(sample, step, { api: 'put-records', count: params.putRecordsCount ?? 500, batchSize: params.batchSize ?? 100 });
    if (!batched.ok) return batched;
    notes.push(...batched.notes);
    const waited = await waitForCount(ctx, source.identity, since, pollMs);
    if (waited) notes.push(waited.note);
  } catch (error) {
    return { ok: false, result: diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'GetMetricData'))) };
  }
  return { ok: true, notes };
}

/**
 * Polls CloudWatch until it counts every record this session sent to the stream (per API, as the
 * check compares them), the learner stops, or CloudWatch is later than it ever is: then the check
 * says why. Each look is reported, so the screen and `solve` show how far it got.
 */
async function waitForCount(ctx: ActionContext, where: StreamIdentity, since: number, pollMs: number): Promise<{ complete: boolean; note: Localized } | undefined> {
  const puts = sessionPuts(ctx.ledger(), where, since);
  if (puts.firstAt === undefined || puts.lastAt === undefined) return undefined;
  const sent = puts.putRecord + puts.putRecords;
  const expectedAt = expectedVisibleAt(puts.lastAt, ctx.cloudwatch.delay.afterMinuteMs);
  const deadline = giveUpAt(puts.lastAt, ctx.cloudwatch.delay.giveUpAfterMs);
  for (;;) {
    const counted = countedPuts(await ctx.cloudwatch.read(ctx.stream, new Date(puts.firstAt), new Date(ctx.clock())));
    const total = counted.putRecord + counted.putRecords;
    ctx.onProgress({ type: 'metrics-wait', counted: total, sent, expectedAt, giveUpAt: deadline });
    if (counted.putRecord >= puts.putRecord && counted.putRecords >= puts.putRecords) return { complete: true, note: inBoth((t) => t.metricsAllCounted(sent)) };
    const now = ctx.clock();
    if (now >= deadline || ctx.signal?.aborted) return { complete: false, note: inBoth((t) => t.metricsWaitEnded(total, sent)) };
    await ctx.sleep(Math.min(pollMs, deadline - now), ctx.signal);
  }
}
