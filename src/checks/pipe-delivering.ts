import type { StreamRecord, StreamSummary } from '../aws/kinesis-port.js';
import type { PipeDescription } from '../aws/pipes-adapter.js';
import { labTagOf } from '../resources/lab-tag.js';
import { describeDifference, pipeDifferences, pipeOlderThanSource, pipeSpecFor } from '../resources/pipe-plan.js';
import { normalizePattern, pipeNamesFor, pipeSettingsFrom, type PipeNames, type PipeSettings } from '../resources/pipe-settings.js';
import { PipeStateFailure } from '../diagnose/pipes-state.js';
import { filterVerdicts } from '../filter/filter-verdicts.js';
import type { KinesisSourceRecord, PipeSourceContext } from '../filter/pipe-event.js';
import type { Localized } from '../i18n/lang.js';
import { inBoth, utcTime } from '../i18n/progress-messages.js';
import { normalizeName } from '../diagnose/similar-names.js';
import type { CheckResult } from '../engine/check-result.js';
import { diagnosisContext, type LabContext } from './check-context.js';
import { diagnosedResult } from './diagnosed-result.js';
import { commandOutsideTui, labCommand } from '../diagnose/diagnosis.js';
import { awaitProbes, chooseProbes, generatedTrips, sendProbes, type TargetView } from './pipe-probes.js';
import { filterLeaked, latestMissed, outOfOrder, pipeDelivered, probeLineOf, probesLate, type ProbeReport } from './pipe-probe-results.js';
import { commandsFor } from './pipe-step-commands.js';
import { joinLocalized } from '../diagnose/diagnosis-phrases.js';
import { onSurface } from '../i18n/surface.js';

export interface PipeDeliveringParams extends Record<string, unknown> {
  /** How long to wait while the pipe is CREATING/UPDATING/STARTING. @default 30000 sandbox, 120000 AWS */
  waitMs?: number;
  /** Pause between two looks. @default 500 sandbox, 5000 AWS */
  pollMs?: number;
  /** How long probe records may take to reach the target, on top of the batching window. @default 15000 sandbox, 90000 AWS */
  deliveryGraceMs?: number;
}

/** On AWS a Kinesis-source pipe takes "a minute or two" to create; after this long it is stuck. */
export const PIPE_STUCK_AFTER_MS = 10 * 60_000;
const TRANSITIONAL = new Set(['CREATING', 'UPDATING', 'STARTING', 'STOPPING', 'DELETING']);

/**
 * Step 5's check: the pipe is RUNNING from this stream to the target with the settings the learner
 * chose, and it delivers. It sends marked probe records through the source (three the filter should
 * let through, one it should drop, all with one partition key) and reads the target: the three must
 * arrive in order and the fourth must not. With LATEST it also looks for records that arrived while
 * the pipe was being created and never reached the target.
 */
export async function checkPipeDelivering(ctx: LabContext, step: string, params: PipeDeliveringParams = {}, signal?: AbortSignal): Promise<CheckResult> {
  const pipes = ctx.pipes;
  if (!pipes) {
    return { step, outcome: 'error', summary: { en: 'This run has no EventBridge Pipes client.', ko: '이번 실행에는 EventBridge Pipes 클라이언트가 없습니다.' }, evidence: [], errorKind: 'pipes-unavailable' };
  }
  const settings = pipeSettingsFrom(params);
  const names = pipeNamesFor(ctx.stream, params);
  const waitMs = params.waitMs ?? (ctx.sandbox ? 30_000 : 120_000);
  const pollMs = params.pollMs ?? (ctx.sandbox ? 500 : 5_000);
  let operation = 'DescribeStreamSummary';
  try {
    const source = await ctx.kinesis.describeStreamSummary(ctx.stream);
    operation = 'DescribePipe';
    let live = await pipes.describePipe(names.pipe);
    const deadline = ctx.clock() + waitMs;
    while (live && TRANSITIONAL.has(live.currentState) && ctx.clock() < deadline && !signal?.aborted) {
      await ctx.sleep(pollMs, signal);
      live = await pipes.describePipe(names.pipe);
    }
    if (!live) return await notFoundHere(step, ctx, names);
    const evidence = pipeEvidence(live, names);
    if (TRANSITIONAL.has(live.currentState)) return stillSettling(step, ctx, live, evidence);
    if (live.currentState.endsWith('_FAILED')) {
      const diagnosis = await ctx.diagnose(new PipeStateFailure(live.name, live.currentState, live.stateReason ?? ''), diagnosisContext(ctx, 'DescribePipe'));
      return { ...diagnosedResult(step, diagnosis), outcome: 'failed', evidence: [...evidence, diagnosis.why] };
    }
    if (live.currentState !== 'RUNNING') return notRunning(step, ctx, live, evidence);
    const target = await (settings.target === 'logs' ? logGroupTarget : streamTarget)(ctx, names, (op) => (operation = op));
    if (!target) return logGroupMissing(step, ctx, names, evidence);
    const spec = pipeSpecFor({ names, settings, sourceArn: source.arn, targetArn: target.arn, roleArn: live.roleArn, labId: labTagOf(ctx) });
    // An AT_TIMESTAMP pipe keeps the time it was created with; any time the learner chose is fine.
    if (settings.startingPosition === 'AT_TIMESTAMP' && settings.startingPositionTimestamp === undefined && live.source.startingPositionTimestamp !== undefined) {
      spec.source.startingPositionTimestamp = live.source.startingPositionTimestamp;
    }
    const differences = pipeDifferences(live, spec);
    if (differences.length > 0) return settingsDiffer(step, ctx, live, evidence, differences.map(describeDifference), differences.some((d) => d.needsRecreate));
    if (pipeOlderThanSource(live, source)) {
      const [made, again] = [utcTime(live.createdAt?.getTime() ?? 0), utcTime(source.createdAt?.getTime() ?? 0)];
      const fix = inBoth((t) => t.pipeOlderThanSourceFix(commandOutsideTui(ctx, `solve ${step}`)));
      return { step, outcome: 'failed', summary: inBoth((t) => t.pipeOlderThanSource(live.name, ctx.stream, made, again)), evidence, fix, errorKind: 'pipe-source-recreated' };
    }
    operation = 'PutRecord';
    return await probeDelivery(ctx, step, { live, source, target, settings, evidence, signal, ...(params.deliveryGraceMs !== undefined ? { graceMs: params.deliveryGraceMs } : {}) });
  } catch (error) {
    return diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, operation)));
  }
}

async function streamTarget(ctx: LabContext, names: PipeNames, at: (operation: string) => void): Promise<TargetView> {
  at('DescribeStreamSummary');
  const summary = await ctx.kinesis.describeStreamSummary(names.targetStream);
  return { name: summary.name, arn: summary.arn, kind: 'kinesis', read: async (since) => (await readSince(ctx, summary.name, since)).map((r) => r.data) };
}

/** The log group target; undefined when it does not exist. */
async function logGroupTarget(ctx: LabContext, names: PipeNames, at: (operation: string) => void): Promise<TargetView | undefined> {
  const logs = ctx.logs;
  if (!logs) throw new Error('This run has no CloudWatch Logs client.');
  at('DescribeLogGroups');
  const group = await logs.describeLogGroup(names.logGroup);
  if (!group) return undefined;
  return {
    name: group.name,
    arn: group.arn,
    kind: 'logs',
    // Pipes stamps each log event when it delivers, so events of records sent since `since` are not older.
    read: async (since) => (await logs.readEvents(group.name, { since })).map((e) => Buffer.from(e.message, 'utf8')),
  };
}

interface ProbeInput {
  live: PipeDescription;
  source: StreamSummary;
  target: TargetView;
  settings: PipeSettings;
  evidence: Localized[];
  signal?: AbortSignal;
  graceMs?: number;
}

/**
 * Sends marked probe records through the pipe and reads the target: the ones the filter lets
 * through must arrive, in order, and the one it drops must not; with LATEST, records sent while
 * the pipe was being created must have arrived too.
 */
async function probeDelivery(ctx: LabContext, step: string, input: ProbeInput): Promise<CheckResult> {
  const { live, source, target, settings, evidence } = input;
  const context: PipeSourceContext = { roleArn: live.roleArn, region: ctx.region, streamArn: source.arn };
  const choice = await chooseProbes(ctx, settings, context);
  if (choice.passing.length === 0) return filterMatchesNothing(step, ctx, settings, choice.samples, context, evidence);
  const probes = await sendProbes(ctx, choice);
  const graceMs = input.graceMs ?? (ctx.sandbox ? 15_000 : 90_000);
  const deadline = ctx.clock() + settings.batchingWindowSeconds * 1000 + graceMs;
  const arrivals = await awaitProbes(ctx, target, choice.nonce, probes, deadline, input.signal);
  const probeLine = probeLineOf(choice.probeKey, probes, arrivals, target);
  const report: ProbeReport = { step, ctx, target, settings, evidence, probeLine, probes, arrivals };
  if (arrivals.arrivedWanted.length < probes.expected.length) return probesLate(report);
  if (arrivals.leaked.length > 0) return filterLeaked(report);
  if (arrivals.arrivedWanted.join() !== probes.expected.join()) return outOfOrder(report);
  if (settings.startingPosition === 'LATEST' && live.createdAt) {
    const missed = await recordsMissedWhileCreating(ctx, live, source, target, settings, context, probes.probesFrom);
    if (missed.length > 0) return latestMissed(step, ctx, evidence, probeLine, missed.length);
  }
  return pipeDelivered(report, live);
}

/**
 * Records that arrived after the pipe was created (and before the probes), that the filter lets
 * through, and that never reached the target: what LATEST loses while a pipe is CREATING.
 */
async function recordsMissedWhileCreating(
  ctx: LabContext, live: PipeDescription, source: StreamSummary, target: TargetView, settings: PipeSettings, context: PipeSourceContext, probesFrom: Date,
): Promise<string[]> {
  const createdAt = live.createdAt!;
  const sourceRecords = (await readSince(ctx, ctx.stream, createdAt)).filter(
    (r) => r.approximateArrivalTimestamp !== undefined && r.approximateArrivalTimestamp < probesFrom && r.approximateArrivalTimestamp >= createdAt,
  );
  const wanted = filterVerdicts(settings.filter, sourceRecords.map(asSourceRecord), context).filter((v) => v.passes).map((v) => v.record.sequenceNumber);
  if (wanted.length === 0) return [];
  const delivered = new Set((await target.read(createdAt)).flatMap((data) => deliveredSequence(data, source.arn)));
  return wanted.filter((seq) => !delivered.has(seq));
}

/**
 * Records that arrived at or after `since`: an AT_TIMESTAMP read, on AWS and on the sandbox alike (its
 * engine answers AT_TIMESTAMP as Kinesis does). Reading the whole target instead, four times a second,
 * would spend the shard's 2 MiB/s of reads and be throttled, there as on AWS.
 */
function readSince(ctx: LabContext, stream: string, since: Date): Promise<StreamRecord[]> {
  return ctx.kinesis.readStream(stream, { since });
}

function asSourceRecord(r: StreamRecord): KinesisSourceRecord {
  return { shardId: r.shardId, sequenceNumber: r.sequenceNumber, partitionKey: r.partitionKey, data: r.data, approximateArrivalTimestamp: r.approximateArrivalTimestamp ?? new Date(0) };
}





function deliveredSequence(data: Uint8Array, sourceArn: string): string[] {
  try {
    const event = JSON.parse(Buffer.from(data).toString('utf8')) as { sequenceNumber?: unknown; eventSourceARN?: unknown };
    return typeof event.sequenceNumber === 'string' && (event.eventSourceARN === undefined || event.eventSourceARN === sourceArn) ? [event.sequenceNumber] : [];
  } catch {
    return [];
  }
}

function pipeEvidence(live: PipeDescription, names: PipeNames): Localized[] {
  const s = live.source;
  const filters = live.filters.length > 0 ? live.filters.map(normalizePattern).join(' | ') : undefined;
  return [
    { en: `Pipe: ${live.arn || live.name} · ${live.currentState}${live.stateReason ? ` (${live.stateReason})` : ''}`, ko: `파이프: ${live.arn || live.name} · ${live.currentState}${live.stateReason ? ` (${live.stateReason})` : ''}` },
    { en: `Source: ${live.sourceArn} → target: ${live.targetArn || names.targetStream}`, ko: `소스: ${live.sourceArn} → 대상: ${live.targetArn || names.targetStream}` },
    {
      en: `Starting position ${s.startingPosition ?? '?'} · batch ${s.batchSize ?? '?'} records or ${s.batchingWindowSeconds ?? '?'} s · parallelization ${s.parallelizationFactor ?? '?'}`,
      ko: `시작 위치 ${s.startingPosition ?? '?'} · 배치 ${s.batchSize ?? '?'}개 또는 ${s.batchingWindowSeconds ?? '?'}초 · 병렬화 ${s.parallelizationFactor ?? '?'}`,
    },
    { en: `Filter: ${filters ?? '(none: every record passes)'}`, ko: `필터: ${filters ?? '(없음: 모든 레코드 통과)'}` },
  ];
}

function logGroupMissing(step: string, ctx: LabContext, names: PipeNames, evidence: Localized[]): CheckResult {
  return {
    step,
    outcome: 'failed',
    summary: { en: `The pipe's target log group ${names.logGroup} does not exist in ${ctx.region}.`, ko: `파이프의 대상 로그 그룹 ${names.logGroup}이 ${ctx.region}에 없습니다.` },
    evidence,
    fix: onSurface(ctx.surface, {
      tui: { en: "Press d to create the log group (tagged as the lab's) and update the pipe.", ko: 'd를 눌러 로그 그룹을 만들고(실습 태그 포함) 파이프를 수정하세요.' },
      cli: { en: `Create the log group (tagged as the lab's) and update the pipe: ${commandsFor(ctx, step).solve}`, ko: `로그 그룹을 만들고(실습 태그 포함) 파이프를 수정하세요: ${commandsFor(ctx, step).solve}` },
    }),
    errorKind: 'pipe-target-missing',
  };
}

/** No pipe of the lab's name here: one in another region (f switches there), or one with a similar name here. */
async function notFoundHere(step: string, ctx: LabContext, names: PipeNames): Promise<CheckResult> {
  const base = notFound(step, ctx, names);
  const probes = ctx.elsewhere;
  if (!probes) return base;
  const [regions, here] = await Promise.all([probes.findPipeInOtherRegions(names.pipe).catch((): string[] => []), probes.listPipesHere().catch((): string[] => [])]);
  const [region] = regions;
  if (region !== undefined) {
    return {
      ...base,
      summary: inBoth((t) => t.pipeInOtherRegion(names.pipe, ctx.region, regions.join(', '))),
      fix: inBoth((t) => t.pipeInOtherRegionFix(ctx.region, region, ctx.surface === 'cli' ? { runThere: labCommand(ctx, '', { region }), solve: commandsFor(ctx, step).solve } : undefined)),
      errorKind: 'pipe-wrong-region',
      autoFix: { type: 'switch-region', region },
    };
  }
  // Only the same name spelled differently (case, - _ .): pipes of other streams differ by a letter or two.
  const similar = here.find((name) => name !== names.pipe && normalizeName(name) === normalizeName(names.pipe));
  if (similar === undefined) return base;
  return { ...base, summary: inBoth((t) => t.pipeSimilarHere(names.pipe, ctx.region, similar)), fix: inBoth((t) => t.pipeSimilarHereFix(names.pipe, similar, commandOutsideTui(ctx, `solve ${step}`))), errorKind: 'pipe-similar-name' };
}

function notFound(step: string, ctx: LabContext, names: PipeNames): CheckResult {
  return {
    step,
    outcome: 'failed',
    summary: { en: `There is no pipe named ${names.pipe} in ${ctx.region}.`, ko: `${ctx.region}에 ${names.pipe} 파이프가 없습니다.` },
    evidence: [{ en: `Looked for: ${names.pipe} (source ${ctx.stream}, target ${names.targetStream})`, ko: `찾은 이름: ${names.pipe} (소스 ${ctx.stream}, 대상 ${names.targetStream})` }],
    fix: onSurface(ctx.surface, {
      tui: {
        en: 'Press d to create the target stream, the role and the pipe, or create them yourself with the commands (s) using these names.',
        ko: 'd를 누르면 대상 스트림, 역할, 파이프를 만듭니다. 직접 만들려면 명령(s)을 이 이름 그대로 쓰세요.',
      },
      cli: {
        en: `Create the target stream, the role and the pipe with ${commandsFor(ctx, step).solve}, or yourself with the AWS CLI using these names.`,
        ko: `${commandsFor(ctx, step).solve} 명령으로 대상 스트림, 역할, 파이프를 만들거나, AWS CLI로 이 이름 그대로 직접 만드세요.`,
      },
    }),
    errorKind: 'pipe-not-found',
  };
}

function stillSettling(step: string, ctx: LabContext, live: PipeDescription, evidence: Localized[]): CheckResult {
  const ageMs = live.createdAt ? ctx.clock() - live.createdAt.getTime() : 0;
  const minutes = Math.max(0, Math.floor(ageMs / 60_000));
  const age: Localized = { en: `Created ${minutes} min ago.`, ko: `${minutes}분 전에 만들었습니다.` };
  if (live.currentState === 'CREATING' && ageMs >= PIPE_STUCK_AFTER_MS) {
    return {
      step,
      outcome: 'failed',
      summary: { en: `Pipe ${live.name} has been CREATING for ${minutes} minutes, much longer than usual.`, ko: `${live.name} 파이프가 ${minutes}분째 CREATING 상태입니다. 평소보다 훨씬 깁니다.` },
      evidence: [...evidence, age],
      fix: onSurface(ctx.surface, {
        tui: {
          en: `A Kinesis-source pipe usually takes a minute or two. Look at the pipe in the EventBridge console (Pipes) for a StateReason; if there is none, delete it (aws pipes delete-pipe --name ${live.name}) and press d to create it again.`,
          ko: `Kinesis 소스 파이프는 보통 1~2분이면 만들어집니다. EventBridge 콘솔(Pipes)에서 StateReason을 확인하고, 없으면 파이프를 지운 뒤(aws pipes delete-pipe --name ${live.name}) d를 눌러 다시 만드세요.`,
        },
        cli: {
          en: `A Kinesis-source pipe usually takes a minute or two. Look at the pipe in the EventBridge console (Pipes) for a StateReason; if there is none, delete it (aws pipes delete-pipe --name ${live.name}) and create it again: ${commandsFor(ctx, step).solve}`,
          ko: `Kinesis 소스 파이프는 보통 1~2분이면 만들어집니다. EventBridge 콘솔(Pipes)에서 StateReason을 확인하고, 없으면 파이프를 지운 뒤(aws pipes delete-pipe --name ${live.name}) 다시 만드세요: ${commandsFor(ctx, step).solve}`,
        },
      }),
      errorKind: 'pipe-stuck-creating',
    };
  }
  return {
    step,
    outcome: 'failed',
    summary: { en: `Pipe ${live.name} is still ${live.currentState}.`, ko: `${live.name} 파이프가 아직 ${live.currentState} 상태입니다.` },
    evidence: [...evidence, age],
    fix: onSurface(ctx.surface, {
      tui: {
        en: 'This is normal: on AWS a pipe with a Kinesis source takes a minute or two to create or update. Check again (c) in a minute.',
        ko: '정상입니다. AWS에서 Kinesis 소스 파이프를 만들거나 수정하는 데 1~2분이 걸립니다. 1분 뒤 다시 확인하세요(c).',
      },
      cli: {
        en: `This is normal: on AWS a pipe with a Kinesis source takes a minute or two to create or update. Check again in a minute: ${commandsFor(ctx, step).check}`,
        ko: `정상입니다. AWS에서 Kinesis 소스 파이프를 만들거나 수정하는 데 1~2분이 걸립니다. 1분 뒤 다시 확인하세요: ${commandsFor(ctx, step).check}`,
      },
    }),
    errorKind: 'pipe-creating',
  };
}

function notRunning(step: string, ctx: LabContext, live: PipeDescription, evidence: Localized[]): CheckResult {
  return {
    step,
    outcome: 'failed',
    summary: { en: `Pipe ${live.name} is ${live.currentState}, not RUNNING.`, ko: `${live.name} 파이프가 RUNNING이 아니라 ${live.currentState} 상태입니다.` },
    evidence,
    fix: onSurface(ctx.surface, {
      tui: { en: `Start it: press d, or run aws pipes start-pipe --name ${live.name}.`, ko: `시작하세요. d를 누르거나 aws pipes start-pipe --name ${live.name}을 실행하세요.` },
      cli: { en: `Start it: ${commandsFor(ctx, step).solve}, or aws pipes start-pipe --name ${live.name}.`, ko: `시작하세요: ${commandsFor(ctx, step).solve} 또는 aws pipes start-pipe --name ${live.name}.` },
    }),
    errorKind: 'pipe-stopped',
  };
}

function settingsDiffer(step: string, ctx: LabContext, live: PipeDescription, evidence: Localized[], differences: Localized[], recreate: boolean): CheckResult {
  return {
    step,
    outcome: 'failed',
    summary: { en: `Pipe ${live.name} runs, but not with the settings chosen for this step.`, ko: `${live.name} 파이프가 동작하지만 이 단계에서 고른 설정과 다릅니다.` },
    evidence: [...evidence, ...differences],
    fix: recreate
      ? onSurface(ctx.surface, {
          tui: { en: 'The source and the starting position cannot be changed on an existing pipe: press d and the lab deletes and re-creates it.', ko: '기존 파이프의 소스와 시작 위치는 바꿀 수 없습니다. d를 누르면 실습이 파이프를 지우고 다시 만듭니다.' },
          cli: {
            en: `The source and the starting position cannot be changed on an existing pipe: ${commandsFor(ctx, step).solve} deletes and re-creates it.`,
            ko: `기존 파이프의 소스와 시작 위치는 바꿀 수 없습니다. ${commandsFor(ctx, step).solve} 명령이 파이프를 지우고 다시 만듭니다.`,
          },
        })
      : onSurface(ctx.surface, {
          tui: { en: 'Press d to update the pipe (UpdatePipe), or change the settings in the form to match it.', ko: 'd를 눌러 파이프를 수정(UpdatePipe)하거나, 폼의 설정을 파이프에 맞게 바꾸세요.' },
          cli: {
            en: `Update the pipe (UpdatePipe) with ${commandsFor(ctx, step).solve}, or change the step's settings in the lab (${commandsFor(ctx, step).open}) to match it.`,
            ko: `${commandsFor(ctx, step).solve} 명령으로 파이프를 수정(UpdatePipe)하거나, 실습 화면(${commandsFor(ctx, step).open})에서 단계 설정을 파이프에 맞게 바꾸세요.`,
          },
        }),
    errorKind: 'pipe-settings-differ',
  };
}

function filterMatchesNothing(step: string, ctx: LabContext, settings: PipeSettings, samples: StreamRecord[], context: PipeSourceContext, evidence: Localized[]): CheckResult {
  const first = samples[0];
  const sample = first ? filterVerdicts(undefined, [asSourceRecord(first)], context)[0]?.view : generatedTrips(1).map((data) => ({ partitionKey: '…', data }))[0];
  const sampleText = JSON.stringify(sample ?? {}, null, 1).replace(/\n\s*/g, ' ');
  return {
    step,
    outcome: 'failed',
    summary: { en: `The filter matches none of ${samples.length} records from ${context.streamArn.split('/').pop() ?? 'the stream'} nor any generated taxi trip.`, ko: `필터가 스트림 레코드 ${samples.length}개와 생성한 택시 운행 레코드 어느 것과도 맞지 않습니다.` },
    evidence: [
      ...evidence,
      { en: `Pattern: ${normalizePattern(settings.filter ?? '')}`, ko: `패턴: ${normalizePattern(settings.filter ?? '')}` },
      { en: `A record as the filter sees it: ${sampleText}`, ko: `필터가 보는 레코드 예: ${sampleText}` },
    ],
    fix: joinLocalized(
      {
        en: 'Compare the field names and value types in the pattern with the record above: patterns on the record go under "data", numbers need {"numeric": [...]}, and values are case-sensitive.',
        ko: '패턴의 필드 이름과 값의 형식을 위 레코드와 비교하세요. 레코드 내용은 "data" 아래에 쓰고, 숫자 비교는 {"numeric": [...]}로 쓰며, 값은 대소문자를 구분합니다.',
      },
      onSurface(ctx.surface, {
        tui: { en: 'Test the filter in the form, then press d to update the pipe.', ko: '폼에서 필터를 시험한 뒤 d를 눌러 파이프를 수정하세요.' },
        cli: {
          en: `Test the filter on the lab's step screen (${commandsFor(ctx, step).open}), then update the pipe: ${commandsFor(ctx, step).solve}`,
          ko: `실습의 단계 화면(${commandsFor(ctx, step).open})에서 필터를 시험한 뒤 파이프를 수정하세요: ${commandsFor(ctx, step).solve}`,
        },
      }),
    ),
    errorKind: 'pipe-filter-matches-nothing',
  };
}


