import { sessionPuts } from '../checks/put-metrics-facts.js';
import type { ActionContext, ActionOutcome } from './action-context.js';
import { produceAction } from './produce.js';

export interface MetricsSampleParams {
  /** Records sent one by one. @default 100 */
  putRecordCount?: number;
  /** Records sent in PutRecords batches. @default 500 */
  putRecordsCount?: number;
  /** @default 100 */
  batchSize?: number;
  /** Runs this recent count as "already sent". @default 180 (minutes) */
  lookbackMinutes?: number;
}

/**
 * Step 4's "do it for me": the metrics need records to show. When this session already sent some to
 * the stream recently, sending more would only push the wait further, so it says so and sends
 * nothing; otherwise it sends a small sample with both APIs, so both lines of the chart fill.
 */
export async function metricsSampleAction(ctx: ActionContext, step: string, params: MetricsSampleParams = {}): Promise<ActionOutcome> {
  const now = ctx.clock();
  const puts = sessionPuts(ctx.ledger(), ctx.stream, ctx.region, now - (params.lookbackMinutes ?? 180) * 60_000);
  if (puts.lastAt !== undefined) {
    const sent = puts.putRecord + puts.putRecords;
    const minutes = Math.max(0, Math.round((now - puts.lastAt) / 60_000));
    return {
      ok: true,
      notes: [
        {
          en: `This session already sent ${sent} record(s) to ${ctx.stream}, the last ${minutes} min ago; nothing more to send. The chart fills as CloudWatch publishes them.`,
          ko: `이번 세션에서 이미 ${ctx.stream}에 레코드 ${sent}개를 보냈습니다(마지막 전송 ${minutes}분 전). 더 보낼 필요가 없습니다. CloudWatch가 게시하는 대로 차트가 채워집니다.`,
        },
      ],
    };
  }
  const notes = [];
  const single = await produceAction(ctx, step, { api: 'put-record', count: params.putRecordCount ?? 100 });
  if (!single.ok) return single;
  notes.push(...single.notes);
  if (ctx.signal?.aborted) return { ok: true, notes };
  const batched = await produceAction(ctx, step, { api: 'put-records', count: params.putRecordsCount ?? 500, batchSize: params.batchSize ?? 100 });
  if (!batched.ok) return batched;
  notes.push(...batched.notes);
  return { ok: true, notes };
}
