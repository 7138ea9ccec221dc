import type { Localized } from '../i18n/lang.js';
import { runsFor, type StreamIdentity } from '../engine/session-ledger.js';
import { describeCurrentStream, withStaleRuns } from './current-stream.js';
import { countFrom } from './put-metrics-facts.js';
import { foundElsewhereResult, recordsElsewhere } from './records-elsewhere.js';
import type { CheckResult } from '../engine/check-result.js';
import { diagnosisContext, type LabContext } from './check-context.js';
import { diagnosedResult } from './diagnosed-result.js';
import { onSurface } from '../i18n/surface.js';
import { labCommand } from '../diagnose/diagnosis.js';

export interface PutRecordsLandedParams {
  /** How far back CloudWatch is asked when the runner has no PutRecords of its own. @default 3 (hours) */
  metricsLookbackHours?: number;
}

/**
 * Step 3's check. The strongest evidence is this session's own PutRecords calls: their sequence numbers
 * are read back from the stream one by one. A learner's own script leaves no trace that tells PutRecords
 * from PutRecord in the stream itself, so then the only evidence is CloudWatch's PutRecords metrics,
 * which lag by minutes on AWS — the result says so rather than pretending.
 */
export async function checkPutRecordsLanded(ctx: LabContext, step: string, params: PutRecordsLandedParams = {}): Promise<CheckResult> {
  let identity: StreamIdentity;
  try {
    identity = (await describeCurrentStream(ctx)).identity;
  } catch (error) {
    return withStaleRuns(diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'DescribeStreamSummary'))), ctx, undefined);
  }
  // Only records sent to this stream count, not to an older one of the same name.
  const runs = runsFor(ctx.ledger(), identity, 'put-records').filter((r) => r.sent > 0);
  try {
    const result = runs.length > 0 ? await fromOwnRuns(ctx, step, runs) : await fromMetrics(ctx, step, params.metricsLookbackHours ?? 3, identity.createdAt);
    return withStaleRuns(result, ctx, identity);
  } catch (error) {
    return diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, runs.length > 0 ? 'GetRecords' : 'GetMetricData')));
  }
}

async function fromOwnRuns(ctx: LabContext, step: string, runs: ReturnType<typeof runsFor>): Promise<CheckResult> {
  const samples = runs.flatMap((r) => r.samples).slice(-5);
  const sent = runs.reduce((n, r) => n + r.sent, 0);
  const best = Math.max(...runs.map((r) => r.recordsPerSecond));
  let found = 0;
  for (const sample of samples) {
    if (await ctx.kinesis.readRecordAt(ctx.stream, sample.shardId, sample.sequenceNumber)) found += 1;
  }
  const evidence = [
    { en: `This session sent ${sent} record(s) with PutRecords in ${runs.length} run(s); best ${Math.round(best)} records/s.`, ko: `이번 세션에서 PutRecords로 ${runs.length}번에 걸쳐 레코드 ${sent}개를 보냈습니다. 최고 속도 초당 ${Math.round(best)}개.` },
    { en: `Looked up ${samples.length} of them by shard and sequence number: ${found} found.`, ko: `그중 ${samples.length}개를 샤드와 시퀀스 번호로 찾아보았고 ${found}개를 찾았습니다.` },
  ];
  if (samples.length > 0 && found === samples.length) {
    return { step, outcome: 'passed', summary: { en: `Records written with PutRecords are in ${ctx.stream}.`, ko: `PutRecords로 쓴 레코드가 ${ctx.stream}에 들어 있습니다.` }, evidence };
  }
  return {
    step,
    outcome: 'failed',
    summary: { en: `Some PutRecords records were not found in ${ctx.stream}.`, ko: `PutRecords로 보낸 레코드 중 일부를 ${ctx.stream}에서 찾지 못했습니다.` },
    evidence,
    fix: onSurface(ctx.surface, {
      tui: {
        en: 'The stream may have been deleted and created again since they were sent, or its retention trimmed them. Run the PutRecords producer again (d).',
        ko: '보낸 뒤에 스트림이 삭제 후 다시 만들어졌거나 보존 기간이 지나 지워졌을 수 있습니다. PutRecords 프로듀서를 다시 실행하세요(d).',
      },
      cli: {
        en: `The stream may have been deleted and created again since they were sent, or its retention trimmed them. Run the PutRecords producer again: ${labCommand(ctx, `solve ${step}`)}`,
        ko: `보낸 뒤에 스트림이 삭제 후 다시 만들어졌거나 보존 기간이 지나 지워졌을 수 있습니다. PutRecords 프로듀서를 다시 실행하세요: ${labCommand(ctx, `solve ${step}`)}`,
      },
    }),
    errorKind: 'put-records-missing',
  };
}

async function fromMetrics(ctx: LabContext, step: string, lookbackHours: number, createdAt: number | undefined): Promise<CheckResult> {
  const end = new Date(ctx.clock());
  const start = new Date(countFrom(end.getTime(), lookbackHours * 3_600_000, createdAt));
  const counted = await ctx.metrics.sum(ctx.stream, 'PutRecords.SuccessfulRecords', start, end);
  const evidence = [
    { en: 'This session has not sent anything with PutRecords, so the check asked CloudWatch instead.', ko: '이번 세션에서 PutRecords로 보낸 기록이 없어 CloudWatch 지표를 대신 확인했습니다.' },
    { en: `PutRecords.SuccessfulRecords (Sum, last ${lookbackHours} h): ${counted}`, ko: `PutRecords.SuccessfulRecords (합계, 최근 ${lookbackHours}시간): ${counted}` },
  ];
  if (counted > 0) {
    return { step, outcome: 'passed', summary: { en: `CloudWatch counted ${counted} record(s) written with PutRecords.`, ko: `CloudWatch가 PutRecords로 쓴 레코드 ${counted}개를 집계했습니다.` }, evidence };
  }
  // Nothing here: the learner's script may be sending to the same name in another region, or to a similar name.
  const found = await recordsElsewhere(ctx);
  if (found) return foundElsewhereResult(step, ctx, found, evidence);
  return {
    step,
    outcome: 'failed',
    summary: { en: 'No PutRecords activity is visible yet.', ko: '아직 PutRecords 기록이 보이지 않습니다.' },
    evidence,
    fix: notVisibleFix(ctx, step),
    errorKind: 'put-records-not-visible',
  };
}

/** What to do when CloudWatch shows no PutRecords yet: the runner's producer (d, or `solve`), or wait and check again. */
function notVisibleFix(ctx: LabContext, step: string): Localized {
  const solve = labCommand(ctx, `solve ${step}`);
  const check = labCommand(ctx, `check ${step}`);
  if (ctx.sandbox) {
    return onSurface(ctx.surface, {
      tui: { en: "Run the PutRecords producer (d) or your own script, wait a minute for the sandbox's metrics, then check again (c).", ko: 'PutRecords 프로듀서(d)나 직접 만든 스크립트를 실행하고, 샌드박스 지표가 나오도록 1분쯤 기다린 뒤 다시 확인하세요(c).' },
      cli: {
        en: `Run the PutRecords producer (${solve}) or your own script, wait a minute for the sandbox's metrics, then check again (${check}).`,
        ko: `PutRecords 프로듀서(${solve})나 직접 만든 스크립트를 실행하고, 샌드박스 지표가 나오도록 1분쯤 기다린 뒤 다시 확인하세요(${check}).`,
      },
    });
  }
  return onSurface(ctx.surface, {
    tui: {
      en: "If your own script just sent records with PutRecords, CloudWatch needs about 5–7 minutes to show them: check again then (c). Or run kinesis-lab's PutRecords producer (d), which the check can verify at once.",
      ko: '직접 만든 스크립트로 방금 PutRecords를 보냈다면 CloudWatch에 나타나기까지 5~7분쯤 걸립니다. 그때 다시 확인하세요(c). kinesis-lab의 PutRecords 프로듀서(d)를 쓰면 바로 확인할 수 있습니다.',
    },
    cli: {
      en: `If your own script just sent records with PutRecords, CloudWatch needs about 5–7 minutes to show them: check again then (${check}). Or run kinesis-lab's PutRecords producer (${solve}), which the check can verify at once.`,
      ko: `직접 만든 스크립트로 방금 PutRecords를 보냈다면 CloudWatch에 나타나기까지 5~7분쯤 걸립니다. 그때 다시 확인하세요(${check}). kinesis-lab의 PutRecords 프로듀서(${solve})를 쓰면 바로 확인할 수 있습니다.`,
    },
  });
}
