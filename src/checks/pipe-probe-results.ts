/**
 * What step 5's check says once its probes went through the pipe: late, leaked past the filter,
 * out of order, lost to LATEST, or delivered as asked.
 */
import type { PipeDescription } from '../aws/pipes-adapter.js';
import type { CheckResult } from '../engine/check-result.js';
import type { Localized } from '../i18n/lang.js';
import { onSurface } from '../i18n/surface.js';
import { joinLocalized } from '../diagnose/diagnosis-phrases.js';
import type { PipeSettings } from '../resources/pipe-settings.js';
import type { LabContext } from './check-context.js';
import type { ProbeArrivals, SentProbes, TargetView } from './pipe-probes.js';
import { commandsFor } from './pipe-step-commands.js';

/** The evidence line every probe result carries. */
export function probeLineOf(probeKey: string, probes: SentProbes, arrivals: ProbeArrivals, target: TargetView): Localized {
  const { sent, expected, unwanted } = probes;
  const { arrivedWanted, repeated } = arrivals;
  return {
    en: `Probes: sent ${sent.length} records with partition key ${probeKey} (${expected.length} the filter lets through${unwanted.length ? `, ${unwanted.length} it drops` : ''}); ${arrivedWanted.length} arrived at ${target.name}${repeated ? `, ${repeated} more than once (another pipe from the same stream to this target, or a redelivery: Pipes deliver at least once)` : ''}.`,
    ko: `점검 레코드: 파티션 키 ${probeKey}로 ${sent.length}개 전송(필터 통과 예상 ${expected.length}개${unwanted.length ? `, 걸러질 것 ${unwanted.length}개` : ''}). ${target.name}에 ${arrivedWanted.length}개 도착${repeated ? `, 그중 ${repeated}개는 두 번 이상 도착(같은 스트림에서 이 대상으로 보내는 다른 파이프가 있거나 재전송: 파이프는 최소 한 번 전달을 보장합니다)` : ''}.`,
  };
}

export interface ProbeReport {
  step: string;
  ctx: LabContext;
  target: TargetView;
  settings: PipeSettings;
  evidence: Localized[];
  probeLine: Localized;
  probes: SentProbes;
  arrivals: ProbeArrivals;
}

export function probesLate(report: ProbeReport): CheckResult {
  const { step, ctx, target, evidence, probeLine } = report;
  const { expected } = report.probes;
  const { arrivedWanted, tookMs } = report.arrivals;
  return {
    step,
    outcome: 'failed',
    summary: { en: `The pipe is RUNNING but ${expected.length - arrivedWanted.length} of ${expected.length} probe records did not reach ${target.name} within ${Math.round(tookMs / 1000)} s.`, ko: `파이프는 RUNNING이지만 점검 레코드 ${expected.length}개 중 ${expected.length - arrivedWanted.length}개가 ${Math.round(tookMs / 1000)}초 안에 ${target.name}에 도착하지 않았습니다.` },
    evidence: [...evidence, probeLine],
    fix: joinLocalized(
      target.kind === 'logs'
        ? {
            en: `Check that the execution role may call logs:CreateLogStream and logs:PutLogEvents on ${target.arn}:*, and look at the pipe's metrics (ExecutionFailed, TargetStageFailed) in CloudWatch.`,
            ko: `실행 역할이 ${target.arn}:*에 logs:CreateLogStream과 logs:PutLogEvents를 호출할 수 있는지 확인하고, CloudWatch에서 파이프 지표(ExecutionFailed, TargetStageFailed)를 보세요.`,
          }
        : {
            en: `Check that the execution role may call kinesis:PutRecord and PutRecords on ${target.arn}, and look at the pipe's metrics (ExecutionFailed, TargetStageFailed) in CloudWatch.`,
            ko: `실행 역할이 ${target.arn}에 kinesis:PutRecord와 PutRecords를 호출할 수 있는지 확인하고, CloudWatch에서 파이프 지표(ExecutionFailed, TargetStageFailed)를 보세요.`,
          },
      onSurface(ctx.surface, {
        tui: { en: 'With a long batching window, check again (c) a little later.', ko: '배치 기간이 길면 조금 뒤에 다시 확인하세요(c).' },
        cli: { en: `With a long batching window, check again a little later: ${commandsFor(ctx, step).check}`, ko: `배치 기간이 길면 조금 뒤에 다시 확인하세요: ${commandsFor(ctx, step).check}` },
      }),
    ),
    errorKind: 'pipe-not-delivering',
  };
}

export function filterLeaked(report: ProbeReport): CheckResult {
  const { step, ctx, settings, evidence, probeLine } = report;
  return {
    step,
    outcome: 'failed',
    summary: { en: 'A record the filter should drop reached the target.', ko: '필터가 걸러야 할 레코드가 대상에 도착했습니다.' },
    evidence: [...evidence, probeLine, { en: `Filter: ${settings.filter ?? '(none)'}`, ko: `필터: ${settings.filter ?? '(없음)'}` }],
    fix: onSurface(ctx.surface, {
      tui: { en: "Compare the pipe's FilterCriteria (aws pipes describe-pipe) with the pattern you chose, then press d to update the pipe.", ko: '파이프의 FilterCriteria(aws pipes describe-pipe)를 고른 패턴과 비교한 뒤 d를 눌러 파이프를 수정하세요.' },
      cli: {
        en: `Compare the pipe's FilterCriteria (aws pipes describe-pipe) with the pattern you chose, then update the pipe: ${commandsFor(ctx, step).solve}`,
        ko: `파이프의 FilterCriteria(aws pipes describe-pipe)를 고른 패턴과 비교한 뒤 파이프를 수정하세요: ${commandsFor(ctx, step).solve}`,
      },
    }),
    errorKind: 'pipe-filter-leak',
  };
}

export function outOfOrder(report: ProbeReport): CheckResult {
  const { step, ctx, evidence, probeLine } = report;
  const { expected } = report.probes;
  const { arrivedWanted } = report.arrivals;
  return {
    step,
    outcome: 'failed',
    summary: { en: 'Probe records with one partition key arrived out of order.', ko: '파티션 키가 같은 점검 레코드가 순서가 바뀌어 도착했습니다.' },
    evidence: [...evidence, probeLine, { en: `Sent ${expected.join(', ')}; arrived ${arrivedWanted.join(', ')}`, ko: `보낸 순서 ${expected.join(', ')}, 도착 순서 ${arrivedWanted.join(', ')}` }],
    fix: onSurface(ctx.surface, {
      tui: { en: "The target's PartitionKey should be $.partitionKey so records keep their key (and order) at the target. Press d to update the pipe.", ko: '대상의 PartitionKey를 $.partitionKey로 두어야 레코드가 대상에서도 같은 키(와 순서)를 유지합니다. d를 눌러 파이프를 수정하세요.' },
      cli: {
        en: `The target's PartitionKey should be $.partitionKey so records keep their key (and order) at the target. Update the pipe: ${commandsFor(ctx, step).solve}`,
        ko: `대상의 PartitionKey를 $.partitionKey로 두어야 레코드가 대상에서도 같은 키(와 순서)를 유지합니다. 파이프를 수정하세요: ${commandsFor(ctx, step).solve}`,
      },
    }),
    errorKind: 'pipe-out-of-order',
  };
}

export function pipeDelivered(report: ProbeReport, live: PipeDescription): CheckResult {
  const { step, ctx, target, settings, evidence, probeLine } = report;
  const { expected, unwanted } = report.probes;
  const orderLine: Localized = { en: `Order kept: ${expected.join(' → ')} (one partition key, one shard).`, ko: `순서 유지: ${expected.join(' → ')} (파티션 키 하나, 샤드 하나).` };
  return {
    step,
    outcome: 'passed',
    summary: {
      en: `Pipe ${live.name} is RUNNING and delivers ${ctx.stream} → ${target.name}${settings.filter ? ', filtered' : ''}, in order.`,
      ko: `${live.name} 파이프가 RUNNING 상태이며 ${ctx.stream} → ${target.name}로${settings.filter ? ' 필터를 거쳐' : ''} 순서대로 전달합니다.`,
    },
    evidence: [...evidence, probeLine, orderLine, ...(unwanted.length ? [{ en: 'The record the filter drops did not arrive, as it should.', ko: '필터가 거르는 레코드는 예상대로 도착하지 않았습니다.' }] : [])],
  };
}

export function latestMissed(step: string, ctx: LabContext, evidence: Localized[], probeLine: Localized, missed: number): CheckResult {
  return {
    step,
    outcome: 'failed',
    summary: {
      en: `The pipe delivers new records, but ${missed} record(s) sent while it was being created never reached the target: it starts at LATEST.`,
      ko: `파이프가 새 레코드는 전달하지만, 파이프를 만드는 동안 보낸 레코드 ${missed}개는 대상에 도착하지 않았습니다. 시작 위치가 LATEST이기 때문입니다.`,
    },
    evidence: [...evidence, probeLine],
    fix: onSurface(ctx.surface, {
      tui: {
        en: 'LATEST begins with records written after the pipe starts polling, a minute or two after you create it on AWS. Choose TRIM_HORIZON (or AT_TIMESTAMP) in the form and press d: the starting position cannot be updated, so the lab re-creates the pipe, which then reads the stream from the start.',
        ko: 'LATEST는 파이프가 폴링을 시작한 뒤(AWS에서는 만든 뒤 1~2분) 쓰인 레코드부터 읽습니다. 폼에서 TRIM_HORIZON(또는 AT_TIMESTAMP)을 고르고 d를 누르세요. 시작 위치는 수정할 수 없으므로 실습이 파이프를 다시 만들고, 새 파이프는 스트림을 처음부터 읽습니다.',
      },
      cli: {
        en: `LATEST begins with records written after the pipe starts polling, a minute or two after you create it on AWS. Choose TRIM_HORIZON (or AT_TIMESTAMP) on the lab's step screen (${commandsFor(ctx, step).open}) and let the lab re-create the pipe there: the starting position cannot be updated, and the new pipe reads the stream from the start.`,
        ko: `LATEST는 파이프가 폴링을 시작한 뒤(AWS에서는 만든 뒤 1~2분) 쓰인 레코드부터 읽습니다. 실습의 단계 화면(${commandsFor(ctx, step).open})에서 TRIM_HORIZON(또는 AT_TIMESTAMP)을 고르고 실습이 파이프를 다시 만들게 하세요. 시작 위치는 수정할 수 없고, 새 파이프는 스트림을 처음부터 읽습니다.`,
      },
    }),
    errorKind: 'pipe-latest-missed',
  };
}
