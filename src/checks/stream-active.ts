import type { StreamSummary } from '../aws/kinesis-port.js';
import type { Localized } from '../i18n/lang.js';
import type { CheckResult } from '../engine/check-result.js';
import { diagnosisContext, type LabContext } from './check-context.js';
import { diagnosedResult } from './diagnosed-result.js';
import { onSurface } from '../i18n/surface.js';
import { labCommand } from '../diagnose/diagnosis.js';

export interface StreamActiveParams {
  /** How long to keep looking while the stream is CREATING or UPDATING. @default 60000 */
  waitMs?: number;
  /** Pause between two looks. @default 1000 */
  pollMs?: number;
}

/**
 * Step 1's check: the stream exists in the chosen region and is ACTIVE. A stream still being created is
 * not a failure: the check waits for it (bounded), as the learner would in the console.
 */
export async function checkStreamActive(ctx: LabContext, step: string, params: StreamActiveParams = {}, signal?: AbortSignal): Promise<CheckResult> {
  const waitMs = params.waitMs ?? 60_000;
  const pollMs = params.pollMs ?? 1_000;
  const deadline = ctx.clock() + waitMs;
  let summary: StreamSummary;
  try {
    summary = await ctx.kinesis.describeStreamSummary(ctx.stream);
    while ((summary.status === 'CREATING' || summary.status === 'UPDATING') && ctx.clock() < deadline && !signal?.aborted) {
      await ctx.sleep(pollMs, signal);
      summary = await ctx.kinesis.describeStreamSummary(ctx.stream);
    }
  } catch (error) {
    return diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'DescribeStreamSummary')));
  }
  const evidence = streamEvidence(summary, ctx.region);
  if (summary.status === 'ACTIVE') {
    return {
      step,
      outcome: 'passed',
      summary: { en: `Stream ${ctx.stream} is ACTIVE in ${ctx.region}.`, ko: `${ctx.region} 리전의 ${ctx.stream} 스트림이 ACTIVE 상태입니다.` },
      evidence,
    };
  }
  if (summary.status === 'DELETING') {
    return {
      step,
      outcome: 'failed',
      summary: { en: `Stream ${ctx.stream} is being deleted.`, ko: `${ctx.stream} 스트림이 삭제되는 중입니다.` },
      evidence,
      fix: onSurface(ctx.surface, {
        tui: {
          en: 'Wait until the deletion finishes (usually under a minute), then create the stream again: press d for "do it for me".',
          ko: '삭제가 끝날 때까지 기다린 뒤(보통 1분 이내) 스트림을 다시 만드세요. "대신 해 주세요"(d)를 누르면 됩니다.',
        },
        cli: {
          en: `Wait until the deletion finishes (usually under a minute), then create the stream again: ${labCommand(ctx, `solve ${step}`)}`,
          ko: `삭제가 끝날 때까지 기다린 뒤(보통 1분 이내) 스트림을 다시 만드세요: ${labCommand(ctx, `solve ${step}`)}`,
        },
      }),
      errorKind: 'stream-deleting',
    };
  }
  return {
    step,
    outcome: 'failed',
    summary: { en: `Stream ${ctx.stream} is still ${summary.status}.`, ko: `${ctx.stream} 스트림이 아직 ${summary.status} 상태입니다.` },
    evidence,
    fix: onSurface(ctx.surface, {
      tui: { en: 'Creating a stream usually takes under a minute. Check again in a few seconds (c).', ko: '스트림 생성은 보통 1분 안에 끝납니다. 몇 초 뒤에 다시 확인하세요(c).' },
      cli: {
        en: `Creating a stream usually takes under a minute. Check again in a few seconds: ${labCommand(ctx, `check ${step}`)}`,
        ko: `스트림 생성은 보통 1분 안에 끝납니다. 몇 초 뒤에 다시 확인하세요: ${labCommand(ctx, `check ${step}`)}`,
      },
    }),
    errorKind: 'stream-not-active',
  };
}

export function streamEvidence(s: StreamSummary, region: string): Localized[] {
  const mode = s.mode === 'ON_DEMAND' ? { en: 'on-demand', ko: '온디맨드' } : { en: 'provisioned', ko: '프로비저닝' };
  const mib = (s.maxRecordBytes / 1048576).toString();
  return [
    { en: `ARN: ${s.arn}`, ko: `ARN: ${s.arn}` },
    { en: `Status: ${s.status} · region ${region}`, ko: `상태: ${s.status} · 리전 ${region}` },
    { en: `Capacity mode: ${mode.en} · open shards: ${s.openShardCount}`, ko: `용량 모드: ${mode.ko} · 열린 샤드: ${s.openShardCount}개` },
    { en: `Retention: ${s.retentionHours} h · max record size: ${mib} MiB`, ko: `보존 기간: ${s.retentionHours}시간 · 최대 레코드 크기: ${mib} MiB` },
  ];
}
