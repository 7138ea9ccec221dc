import type { StreamSummary } from '../aws/kinesis-port.js';
import type { PipeDescription, PipeSpec, PipesPort } from '../aws/pipes-adapter.js';
import { diagnosisContext } from '../checks/check-context.js';
import type { CheckResult } from '../engine/check-result.js';
import { diagnosedResult } from '../checks/diagnosed-result.js';
import { PipeStateFailure } from '../diagnose/pipes-state.js';
import type { Localized } from '../i18n/lang.js';
import type { ActionContext, ActionOutcome } from './action-context.js';
import { LAB_TAG_KEY } from '../resources/lab-tag.js';
import { ownershipOf } from '../resources/ownership.js';
import { namesTakenResult, stepResources, takenNames } from './pipe-names-taken.js';
import { describeDifference, pipeOlderThanSource, pipeDifferences, pipeSpecFor } from '../resources/pipe-plan.js';
import { pipeNamesFor, pipeSettingsFrom, type PipeNames, type PipeSettings } from '../resources/pipe-settings.js';
import { prepareTargetAndRole } from './pipe-target-and-role.js';
import { labCommand } from '../diagnose/diagnosis.js';
import { onSurface } from '../i18n/surface.js';
import { sourceStreamFor } from './source-stream.js';

/**
 * Step params of `create-pipe` (lab.json defaults; the pipe panel's choices are merged over them):
 * the settings of `pipe-settings.ts` plus these.
 */
export interface CreatePipeParams extends Record<string, unknown> {
  /** Give up waiting for RUNNING after this long. @default 60000 on the sandbox, 300000 on AWS */
  waitMs?: number;
  /** Pause between two DescribePipe calls. @default 500 on the sandbox, 5000 on AWS */
  pollMs?: number;
}

const TRANSITIONAL = new Set(['CREATING', 'UPDATING', 'STARTING', 'STOPPING', 'DELETING']);

/**
 * Creates the target stream, the execution role and the pipe, then follows the pipe to RUNNING.
 * Idempotent for what is this learner's (its `kinesis-lab` tag, see ownership.ts): it is reused, a
 * pipe with other settings is updated, and one UpdatePipe cannot fix (another source, another
 * starting position, a failed creation) is deleted and created again. A same-name resource that is
 * not this learner's stops the step before anything changes (pipe-names-taken.ts).
 */
export async function createPipeAction(ctx: ActionContext, step: string, params: CreatePipeParams): Promise<ActionOutcome> {
  const pipes = ctx.pipes;
  const iam = ctx.iam;
  if (!pipes || !iam) return { ok: false, result: unsupported(step) };
  const settings = pipeSettingsFrom(params);
  const chosenTime = settings.startingPositionTimestamp !== undefined;
  if (settings.startingPosition === 'AT_TIMESTAMP' && !chosenTime) {
    // The panel saves AT_TIMESTAMP as "minutes before the pipe is created". @default 60
    const minutesAgo = typeof params.minutesAgo === 'number' && params.minutesAgo >= 0 ? params.minutesAgo : 60;
    settings.startingPositionTimestamp = Math.floor(ctx.clock() / 1000 - minutesAgo * 60);
  }
  const names = pipeNamesFor(ctx.stream, params);
  const notes: Localized[] = [];
  const note = (text: Localized) => {
    notes.push(text);
    ctx.onProgress({ type: 'note', text });
  };
  // 1. The source stream (created as step 1 does when it is gone: a wiped sandbox, a deleted stream).
  const found = await sourceStreamFor(ctx, step);
  if (!found.ok) return found;
  for (const text of found.notes) note(text);
  const source = found.summary;
  let operation = 'DescribeStreamSummary';
  const at = (op: string) => {
    operation = op;
  };
  try {
    // 2. Whose are the names? Only what is this learner's is adopted, changed or deleted below.
    const ownership = ownershipOf(ctx);
    const taken = await takenNames(stepResources(ctx, names, settings.target), ownership, at);
    if (taken.length > 0) return { ok: false, result: namesTakenResult(step, ctx, taken) };
    // 3. The target stream or log group; 4. the execution role.
    const prepared = await prepareTargetAndRole(ctx, iam, names, settings.target, source.arn, ownership.tag, note, at);
    if (!prepared) return { ok: false, result: unsupported(step) };
    // 5. The pipe.
    const spec = pipeSpecFor({ names, settings, sourceArn: source.arn, targetArn: prepared.targetArn, roleArn: prepared.roleArn, labId: ownership.tag });
    const run = pipeRun({ ctx, step, pipes, names, settings, note, at }, params);
    const blocked = await reconcilePipe(run, spec, source, chosenTime, ownership.tag);
    if (blocked) return { ok: false, result: blocked };
    // 6. CREATING → RUNNING.
    return await awaitRunning(run, notes);
  } catch (error) {
    return { ok: false, result: diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, operation))) };
  }
}

/** What the pipe's own steps (5 and 6) work with. */
interface PipeRun {
  ctx: ActionContext;
  step: string;
  pipes: PipesPort;
  names: PipeNames;
  settings: PipeSettings;
  note: (text: Localized) => void;
  at: (operation: string) => void;
  /** Describes the pipe until it settles (or is gone, with `untilGone`) within the action's time, following its state on screen. */
  describeSettled: (untilGone?: boolean) => Promise<PipeDescription | undefined>;
}

function pipeRun(parts: Omit<PipeRun, 'describeSettled'>, params: CreatePipeParams): PipeRun {
  const { ctx, pipes, names } = parts;
  const waitMs = params.waitMs ?? (ctx.sandbox ? 60_000 : 300_000);
  const pollMs = params.pollMs ?? (ctx.sandbox ? 500 : 5_000);
  const started = ctx.clock();
  const follow = (live: PipeDescription) => ctx.onProgress({ type: 'pipe-status', state: live.currentState, ...(live.stateReason ? { reason: live.stateReason } : {}), elapsedMs: ctx.clock() - started });
  return { ...parts, describeSettled: (untilGone = false) => settle(pipes, names.pipe, follow, ctx, started + waitMs, pollMs, untilGone) };
}

/**
 * Step 5: creates the pipe, or brings the learner's existing one to `spec` (update, start, or delete
 * and create again what UpdatePipe cannot change). A result when the step cannot go on.
 */
async function reconcilePipe(run: PipeRun, spec: PipeSpec, source: StreamSummary, chosenTime: boolean, labTag: string): Promise<CheckResult | undefined> {
  const { ctx, pipes, names, note } = run;
  run.at('CreatePipe');
  let live = await run.describeSettled();
  // "Minutes before creation" is relative: an existing AT_TIMESTAMP pipe keeps its own time.
  if (live && !chosenTime && live.source.startingPosition === 'AT_TIMESTAMP' && live.source.startingPositionTimestamp !== undefined) {
    spec.source.startingPositionTimestamp = live.source.startingPositionTimestamp;
  }
  // A pipe made before its source stream was (deleted and) created again reads shards that are gone.
  const predatesSource = live !== undefined && pipeOlderThanSource(live, source);
  if (live && (needsRecreate(live, spec) || predatesSource)) {
    const why = recreateReason(ctx, live, predatesSource);
    note({ en: `Deleting pipe ${names.pipe} to create it again: ${why.en}.`, ko: `${names.pipe} 파이프를 지우고 다시 만듭니다. 이유: ${why.ko}.` });
    run.at('DeletePipe');
    await pipes.deletePipe(names.pipe);
    live = await run.describeSettled(true);
    if (live) return stillThere(run.step, ctx, live);
  }
  if (!live) {
    run.at('CreatePipe');
    await pipes.createPipe(spec);
    note(createdNote(ctx, names, run.settings));
    return undefined;
  }
  await bringUpToDate(run, live, spec, labTag);
  return undefined;
}

function recreateReason(ctx: ActionContext, live: PipeDescription, predatesSource: boolean): Localized {
  return predatesSource
    ? { en: `${ctx.stream} was created again after it, so it reads the old stream's shards`, ko: `그 뒤에 ${ctx.stream} 스트림이 다시 만들어져 예전 스트림의 샤드를 읽고 있음` }
    : live.currentState.endsWith('_FAILED')
      ? { en: `it is ${live.currentState}`, ko: `상태가 ${live.currentState}` }
      : { en: 'its source or starting position differs, which UpdatePipe cannot change', ko: '소스나 시작 위치가 달라서(UpdatePipe로 바꿀 수 없음)' };
}

function createdNote(ctx: ActionContext, names: PipeNames, settings: PipeSettings): Localized {
  const targetName = settings.target === 'logs' ? names.logGroup : names.targetStream;
  return {
    en: `Created pipe ${names.pipe}: ${ctx.stream} → ${targetName}, ${settings.startingPosition}, batches of up to ${settings.batchSize} or ${settings.batchingWindowSeconds} s${settings.filter ? ', with a filter' : ''}.`,
    ko: `${names.pipe} 파이프를 만들었습니다: ${ctx.stream} → ${targetName}, ${settings.startingPosition}, 배치 최대 ${settings.batchSize}개 또는 ${settings.batchingWindowSeconds}초${settings.filter ? ', 필터 포함' : ''}.`,
  };
}

/** The learner's pipe exists and can stay: update its settings, start it, or use it as it is. */
async function bringUpToDate(run: PipeRun, live: PipeDescription, spec: PipeSpec, labTag: string): Promise<void> {
  const { pipes, names, note } = run;
  const differences = pipeDifferences(live, spec);
  if (differences.length > 0) {
    run.at('UpdatePipe');
    await pipes.updatePipe(spec);
    note({
      en: `Updated pipe ${names.pipe}: ${differences.map((d) => describeDifference(d).en).join('; ')}.`,
      ko: `${names.pipe} 파이프를 수정했습니다: ${differences.map((d) => describeDifference(d).ko).join('; ')}.`,
    });
  } else if (live.currentState === 'STOPPED') {
    run.at('StartPipe');
    await pipes.startPipe(names.pipe);
    note({ en: `Started pipe ${names.pipe}, which was STOPPED.`, ko: `STOPPED 상태이던 ${names.pipe} 파이프를 시작했습니다.` });
  } else {
    note({ en: `Pipe ${names.pipe} already exists with these settings; using it as it is.`, ko: `${names.pipe} 파이프가 이미 같은 설정으로 있어 그대로 사용합니다.` });
  }
  // Made by this install before owner ids: it gets this learner's tag, so cleanup finds it by tag alone.
  if (live.tags[LAB_TAG_KEY] !== labTag) await pipes.tagPipe(live.arn, spec.tags);
}

/** Step 6: follows the pipe to RUNNING; still on its way is fine (the check waits), a failed state is diagnosed. */
async function awaitRunning(run: PipeRun, notes: Localized[]): Promise<ActionOutcome> {
  const { ctx, names, note } = run;
  run.at('DescribePipe');
  const final = await run.describeSettled();
  if (!final) return { ok: false, result: stillThere(run.step, ctx, undefined) };
  if (final.currentState === 'RUNNING') return { ok: true, notes };
  if (TRANSITIONAL.has(final.currentState)) {
    note({
      en: `Pipe ${names.pipe} is still ${final.currentState}; on AWS this takes a minute or two. The check waits for it.`,
      ko: `${names.pipe} 파이프가 아직 ${final.currentState} 상태입니다. AWS에서는 1~2분 걸립니다. 확인 단계가 기다립니다.`,
    });
    return { ok: true, notes };
  }
  const diagnosis = await ctx.diagnose(new PipeStateFailure(names.pipe, final.currentState, final.stateReason ?? ''), diagnosisContext(ctx, 'CreatePipe'));
  return { ok: false, result: { ...diagnosedResult(run.step, diagnosis), outcome: 'failed' } };
}

/**
 * Describes the pipe until it is not in a transitional state (or is gone, when `untilGone`), the
 * deadline passes or the action is cancelled. Undefined means there is no such pipe.
 */
async function settle(
  pipes: PipesPort, name: string, follow: (live: PipeDescription) => void, ctx: ActionContext, deadline: number, pollMs: number, untilGone = false,
): Promise<PipeDescription | undefined> {
  for (;;) {
    const live = await pipes.describePipe(name);
    if (!live) return undefined;
    follow(live);
    const waiting = untilGone || TRANSITIONAL.has(live.currentState);
    if (!waiting || ctx.clock() >= deadline || ctx.signal?.aborted) return live;
    await ctx.sleep(pollMs, ctx.signal);
  }
}

function needsRecreate(live: PipeDescription, spec: PipeSpec): boolean {
  return live.currentState.endsWith('_FAILED') || pipeDifferences(live, spec).some((d) => d.needsRecreate);
}

function unsupported(step: string): CheckResult {
  return {
    step,
    outcome: 'error',
    summary: { en: 'This run has no EventBridge Pipes or IAM client.', ko: '이번 실행에는 EventBridge Pipes나 IAM 클라이언트가 없습니다.' },
    evidence: [],
    fix: { en: 'Run kinesis-lab itself (not a custom embedding) to create the pipe.', ko: '파이프를 만들려면 kinesis-lab을 직접 실행하세요.' },
    errorKind: 'pipes-unavailable',
  };
}

function stillThere(step: string, ctx: ActionContext, live: PipeDescription | undefined): CheckResult {
  return {
    step,
    outcome: 'failed',
    summary: live
      ? { en: `Pipe ${live.name} is still ${live.currentState}; it could not be replaced in time.`, ko: `${live.name} 파이프가 아직 ${live.currentState} 상태라 제때 바꾸지 못했습니다.` }
      : { en: 'The pipe disappeared while the lab was waiting for it.', ko: '실습이 기다리는 동안 파이프가 사라졌습니다.' },
    evidence: [],
    fix: onSurface(ctx.surface, {
      tui: { en: 'Wait a minute and press d again.', ko: '1분쯤 기다린 뒤 d를 다시 누르세요.' },
      cli: { en: `Wait a minute and run ${labCommand(ctx, `solve ${step}`)} again.`, ko: `1분쯤 기다린 뒤 ${labCommand(ctx, `solve ${step}`)} 명령을 다시 실행하세요.` },
    }),
    errorKind: 'pipe-busy',
  };
}

