import { diagnosisContext } from '../checks/check-context.js';
import { runFromSummary } from '../engine/session-ledger.js';
import { diagnosedResult } from '../checks/diagnosed-result.js';
import type { ProducerApi } from '../producer/producer-types.js';
import { runProducer } from '../producer/run-producer.js';
import { formatSummaryLine } from '../producer/format-summary.js';
import type { ActionContext, ActionOutcome } from './action-context.js';

export interface ProduceParams {
  api: ProducerApi;
  count?: number;
  durationMs?: number;
  rate?: number;
  batchSize?: number;
}

/**
 * Runs a producer against the learner's stream, streaming its events to the screen, and writes the run
 * into the session ledger so the step's check (and the metrics step) can find the records later.
 */
export async function produceAction(ctx: ActionContext, step: string, params: ProduceParams): Promise<ActionOutcome> {
  let maxRecordBytes: number;
  try {
    maxRecordBytes = (await ctx.kinesis.describeStreamSummary(ctx.stream)).maxRecordBytes;
  } catch (error) {
    return { ok: false, result: diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'DescribeStreamSummary'))) };
  }
  ctx.onProgress({ type: 'producer-started', api: params.api, at: ctx.clock() });
  const summary = await runProducer({
    port: ctx.producerKinesis,
    stream: ctx.stream,
    api: params.api,
    count: params.durationMs === undefined ? (params.count ?? 100) : undefined,
    durationMs: params.durationMs,
    rate: params.rate,
    batchSize: params.batchSize,
    maxRecordBytes,
    signal: ctx.signal,
    clock: ctx.clock,
    onEvent: (event) => ctx.onProgress({ type: 'producer', event }),
  });
  ctx.onProgress({ type: 'producer-summary', summary });
  ctx.recordRun(runFromSummary(summary, ctx.stream, ctx.region));
  if (summary.stoppedBy === 'error' && summary.sent === 0) {
    return { ok: false, result: diagnosedResult(step, await ctx.diagnose(summary.error, diagnosisContext(ctx, params.api === 'put-record' ? 'PutRecord' : 'PutRecords'))) };
  }
  return { ok: true, notes: [{ en: formatSummaryLine(summary, 'en'), ko: formatSummaryLine(summary, 'ko') }] };
}
