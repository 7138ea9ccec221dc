import { diagnosisContext } from '../checks/check-context.js';
import { runFromSummary } from '../engine/session-ledger.js';
import { diagnosedResult } from '../checks/diagnosed-result.js';
import { diagnoseThrottledEntries, diagnoseThrottledRun } from '../diagnose/catalog.js';
import type { Localized } from '../i18n/lang.js';
import type { ProducerApi } from '../shared/producer-types.js';
import { runProducer } from '../producer/run-producer.js';
import { formatSummaryLine } from '../producer/format-summary.js';
import type { ActionContext, ActionOutcome } from './action-context.js';
import { sourceStreamFor } from './source-stream.js';

export interface ProduceParams {
  api: ProducerApi;
  count?: number;
  durationMs?: number;
  rate?: number;
  batchSize?: number;
}

/** Records a run sends when neither a count nor a duration was given. */
export const DEFAULT_PRODUCE_COUNT = 100;

/**
 * How long a run goes: a duration when one was given, else a count (100 by default). Shared by
 * "do it for me" and `kinesis-lab produce` so both stop the same way.
 */
export function producerRunOptions(params: ProduceParams): Pick<ProduceParams, 'api' | 'count' | 'durationMs' | 'rate' | 'batchSize'> {
  return {
    api: params.api,
    count: params.durationMs === undefined ? (params.count ?? DEFAULT_PRODUCE_COUNT) : undefined,
    durationMs: params.durationMs,
    rate: params.rate,
    batchSize: params.batchSize,
  };
}

/**
 * Runs a producer against the learner's stream, streaming its events to the screen, and writes the run
 * into the session ledger so the step's check (and the metrics step) can find the records later.
 */
export async function produceAction(ctx: ActionContext, step: string, params: ProduceParams): Promise<ActionOutcome> {
  const source = await sourceStreamFor(ctx, step);
  if (!source.ok) return source;
  const maxRecordBytes = source.summary.maxRecordBytes;
  ctx.onProgress({ type: 'producer-started', api: params.api, at: ctx.clock() });
  // Why records were given up on, by code: the summary line alone says "3550 failed" and no more.
  const failedCodes: Record<string, number> = {};
  const summary = await runProducer({
    port: ctx.producerKinesis,
    stream: ctx.stream,
    ...producerRunOptions(params),
    maxRecordBytes,
    signal: ctx.signal,
    clock: ctx.clock,
    sleep: ctx.sleep,
    onEvent: (event) => {
      if (event.type === 'record-failed') failedCodes[event.errorCode] = (failedCodes[event.errorCode] ?? 0) + 1;
      ctx.onProgress({ type: 'producer', event });
    },
  });
  ctx.onProgress({ type: 'producer-summary', summary });
  ctx.recordRun(runFromSummary(summary, source.identity));
  const summaryLine = { en: formatSummaryLine(summary, 'en'), ko: formatSummaryLine(summary, 'ko') };
  // Records a shard throttled on every attempt: the stream is too small for this producer, and AWS's fix is capacity.
  const givenUp = failedCodes[THROTTLED_CODE] ?? 0;
  if (givenUp > 0) {
    const operation = params.api === 'put-record' ? 'PutRecord' : 'PutRecords';
    const diagnosis = diagnoseThrottledRun(operation, givenUp, diagnosisContext(ctx, operation), { mode: source.summary.mode, openShards: source.summary.openShardCount });
    const result = diagnosedResult(step, diagnosis);
    return { ok: false, result: { ...result, evidence: [...source.notes, summaryLine, ...result.evidence] } };
  }
  if (summary.stoppedBy === 'error' && summary.sent === 0) {
    return { ok: false, result: diagnosedResult(step, await ctx.diagnose(summary.error, diagnosisContext(ctx, params.api === 'put-record' ? 'PutRecord' : 'PutRecords'))) };
  }
  const notes: Localized[] = [...source.notes, summaryLine];
  // PutRecords entries given up on for their own reasons (InternalFailure, KMS …): what each code means, from the catalog.
  const otherCodes = Object.fromEntries(Object.entries(failedCodes).filter(([code]) => code === 'InternalFailure' || code.startsWith('KMS')));
  if (params.api === 'put-records' && Object.keys(otherCodes).length > 0) {
    const diagnosis = diagnoseThrottledEntries(otherCodes, diagnosisContext(ctx, 'PutRecords'));
    notes.push(diagnosis.why, diagnosis.fix);
  }
  return { ok: true, notes };
}

const THROTTLED_CODE = 'ProvisionedThroughputExceededException';
