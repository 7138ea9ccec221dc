import type { IamRolePort } from '../aws/iam-role-adapter.js';
import type { LogGroupPort } from '../aws/log-group-adapter.js';
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
import { accountOf, describeDifference, pipeOlderThanSource, pipeAccessPolicy, pipeDifferences, pipeSpecFor, pipeTrustPolicy, trustsPipes } from '../resources/pipe-plan.js';
import { pipeNamesFor, pipeSettingsFrom, type PipeNames } from '../resources/pipe-settings.js';
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
/** A new IAM role takes seconds before a service can assume it (eventual consistency). */
const ROLE_PROPAGATION_MS = 10_000;

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
  const waitMs = params.waitMs ?? (ctx.sandbox ? 60_000 : 300_000);
  const pollMs = params.pollMs ?? (ctx.sandbox ? 500 : 5_000);
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
  try {
    // 2. Whose are the names? Only what is this learner's is adopted, changed or deleted below.
    const ownership = ownershipOf(ctx);
    const taken = await takenNames(stepResources(ctx, names, settings.target), ownership, (op) => (operation = op));
    if (taken.length > 0) return { ok: false, result: namesTakenResult(step, ctx, taken) };
    // 3. The target stream or log group.
    let targetArn: string;
    if (settings.target === 'logs') {
      if (!ctx.logs) return { ok: false, result: unsupported(step) };
      operation = 'CreateLogGroup';
      targetArn = await ensureLogGroup(ctx.logs, names, ownership.tag, note);
    } else {
      operation = 'CreateStream';
      targetArn = await ensureTargetStream(ctx, names, note);
    }
    // 4. The execution role.
    operation = 'CreateRole';
    const role = await ensureRole(iam, names, source.arn, targetArn, ownership.tag, note);
    if (role.created && !ctx.sandbox) {
      note({ en: 'Waiting 10 s for the new role to reach every AWS Region (IAM is eventually consistent).', ko: '새 역할이 모든 AWS 리전에 퍼지도록 10초 기다립니다(IAM은 최종 일관성을 따릅니다).' });
      await ctx.sleep(ROLE_PROPAGATION_MS, ctx.signal);
    }
    // 5. The pipe.
    const spec = pipeSpecFor({ names, settings, sourceArn: source.arn, targetArn, roleArn: role.arn, labId: ownership.tag });
    const targetName = settings.target === 'logs' ? names.logGroup : names.targetStream;
    operation = 'CreatePipe';
    const started = ctx.clock();
    const follow = (live: PipeDescription) => ctx.onProgress({ type: 'pipe-status', state: live.currentState, ...(live.stateReason ? { reason: live.stateReason } : {}), elapsedMs: ctx.clock() - started });
    let live = await settle(pipes, names.pipe, follow, ctx, started + waitMs, pollMs);
    // "Minutes before creation" is relative: an existing AT_TIMESTAMP pipe keeps its own time.
    if (live && !chosenTime && live.source.startingPosition === 'AT_TIMESTAMP' && live.source.startingPositionTimestamp !== undefined) {
      spec.source.startingPositionTimestamp = live.source.startingPositionTimestamp;
    }
    // A pipe made before its source stream was (deleted and) created again reads shards that are gone.
    const predatesSource = live !== undefined && pipeOlderThanSource(live, source);
    if (live && (needsRecreate(live, spec) || predatesSource)) {
      const why = predatesSource
        ? { en: `${ctx.stream} was created again after it, so it reads the old stream's shards`, ko: `그 뒤에 ${ctx.stream} 스트림이 다시 만들어져 예전 스트림의 샤드를 읽고 있음` }
        : live.currentState.endsWith('_FAILED')
          ? { en: `it is ${live.currentState}`, ko: `상태가 ${live.currentState}` }
          : { en: 'its source or starting position differs, which UpdatePipe cannot change', ko: '소스나 시작 위치가 달라서(UpdatePipe로 바꿀 수 없음)' };
      note({ en: `Deleting pipe ${names.pipe} to create it again: ${why.en}.`, ko: `${names.pipe} 파이프를 지우고 다시 만듭니다. 이유: ${why.ko}.` });
      operation = 'DeletePipe';
      await pipes.deletePipe(names.pipe);
      live = await settle(pipes, names.pipe, follow, ctx, started + waitMs, pollMs, true);
      if (live) return { ok: false, result: stillThere(step, ctx, live) };
    }
    if (!live) {
      operation = 'CreatePipe';
      await pipes.createPipe(spec);
      note({
        en: `Created pipe ${names.pipe}: ${ctx.stream} → ${targetName}, ${settings.startingPosition}, batches of up to ${settings.batchSize} or ${settings.batchingWindowSeconds} s${settings.filter ? ', with a filter' : ''}.`,
        ko: `${names.pipe} 파이프를 만들었습니다: ${ctx.stream} → ${targetName}, ${settings.startingPosition}, 배치 최대 ${settings.batchSize}개 또는 ${settings.batchingWindowSeconds}초${settings.filter ? ', 필터 포함' : ''}.`,
      });
    } else {
      const differences = pipeDifferences(live, spec);
      if (differences.length > 0) {
        operation = 'UpdatePipe';
        await pipes.updatePipe(spec);
        note({
          en: `Updated pipe ${names.pipe}: ${differences.map((d) => describeDifference(d).en).join('; ')}.`,
          ko: `${names.pipe} 파이프를 수정했습니다: ${differences.map((d) => describeDifference(d).ko).join('; ')}.`,
        });
      } else if (live.currentState === 'STOPPED') {
        operation = 'StartPipe';
        await pipes.startPipe(names.pipe);
        note({ en: `Started pipe ${names.pipe}, which was STOPPED.`, ko: `STOPPED 상태이던 ${names.pipe} 파이프를 시작했습니다.` });
      } else {
        note({ en: `Pipe ${names.pipe} already exists with these settings; using it as it is.`, ko: `${names.pipe} 파이프가 이미 같은 설정으로 있어 그대로 사용합니다.` });
      }
      // Made by this install before owner ids: it gets this learner's tag, so cleanup finds it by tag alone.
      if (live.tags[LAB_TAG_KEY] !== ownership.tag) await pipes.tagPipe(live.arn, spec.tags);
    }
    // 6. CREATING → RUNNING.
    operation = 'DescribePipe';
    const final = await settle(pipes, names.pipe, follow, ctx, started + waitMs, pollMs);
    if (!final) return { ok: false, result: stillThere(step, ctx, undefined) };
    if (final.currentState === 'RUNNING') return { ok: true, notes };
    if (TRANSITIONAL.has(final.currentState)) {
      note({
        en: `Pipe ${names.pipe} is still ${final.currentState}; on AWS this takes a minute or two. The check waits for it.`,
        ko: `${names.pipe} 파이프가 아직 ${final.currentState} 상태입니다. AWS에서는 1~2분 걸립니다. 확인 단계가 기다립니다.`,
      });
      return { ok: true, notes };
    }
    const diagnosis = await ctx.diagnose(new PipeStateFailure(names.pipe, final.currentState, final.stateReason ?? ''), diagnosisContext(ctx, 'CreatePipe'));
    return { ok: false, result: { ...diagnosedResult(step, diagnosis), outcome: 'failed' } };
  } catch (error) {
    return { ok: false, result: diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, operation))) };
  }
}

async function ensureTargetStream(ctx: ActionContext, names: PipeNames, note: (t: Localized) => void): Promise<string> {
  try {
    await ctx.kinesis.createStream(names.targetStream, { mode: 'PROVISIONED', shardCount: 1, tags: { [LAB_TAG_KEY]: ownershipOf(ctx).tag } });
    note({ en: `Creating the target stream ${names.targetStream} (1 shard).`, ko: `대상 스트림 ${names.targetStream}(샤드 1개)을 만드는 중입니다.` });
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
    note({ en: `Target stream ${names.targetStream} already exists; using it.`, ko: `대상 스트림 ${names.targetStream}이 이미 있어 그대로 씁니다.` });
  }
  for (;;) {
    // No stream-status progress: the screen would show the target's status as if it were the step's stream.
    const target = await ctx.kinesis.describeStreamSummary(names.targetStream);
    if (target.status === 'ACTIVE' || target.status === 'UPDATING' || ctx.signal?.aborted) return target.arn;
    await ctx.sleep(ctx.sandbox ? 200 : 2_000, ctx.signal);
  }
}

/** The log group target, created with the lab's tag (or tagged when it already existed). Returns its ARN. */
async function ensureLogGroup(logs: LogGroupPort, names: PipeNames, labId: string, note: (t: Localized) => void): Promise<string> {
  const tags = { [LAB_TAG_KEY]: labId };
  if (await logs.createLogGroup(names.logGroup, tags)) {
    note({ en: `Created the target log group ${names.logGroup}.`, ko: `대상 로그 그룹 ${names.logGroup}을 만들었습니다.` });
  } else {
    note({ en: `Target log group ${names.logGroup} already exists; using it.`, ko: `대상 로그 그룹 ${names.logGroup}이 이미 있어 그대로 씁니다.` });
  }
  const group = await logs.describeLogGroup(names.logGroup);
  if (!group) throw new Error(`Log group ${names.logGroup} was created but cannot be found.`);
  // Only ever this learner's (names-taken checked it): an older tag is brought up to date.
  if (group.tags[LAB_TAG_KEY] !== labId) await logs.tagLogGroup(group.arn, tags);
  return group.arn;
}

async function ensureRole(iam: IamRolePort, names: PipeNames, sourceArn: string, targetArn: string, labId: string, note: (t: Localized) => void): Promise<{ arn: string; created: boolean }> {
  const trust = pipeTrustPolicy(accountOf(sourceArn));
  let role = await iam.getRole(names.role);
  let created = false;
  if (!role) {
    role = await iam.createRole({ name: names.role, trustPolicy: trust, description: 'kinesis-lab: lets EventBridge Pipes read the source stream and write the target', tags: { [LAB_TAG_KEY]: labId } });
    created = true;
    note({ en: `Created the execution role ${names.role}, trusted by pipes.amazonaws.com.`, ko: `pipes.amazonaws.com이 맡을 수 있는 실행 역할 ${names.role}을 만들었습니다.` });
  } else {
    if (!trustsPipes(role.trustPolicy)) {
      await iam.updateTrustPolicy(names.role, trust);
      note({ en: `Role ${names.role} did not trust pipes.amazonaws.com; its trust policy was replaced.`, ko: `${names.role} 역할의 신뢰 정책에 pipes.amazonaws.com이 없어 바꿨습니다.` });
    } else {
      note({ en: `Role ${names.role} already exists; reusing it.`, ko: `${names.role} 역할이 이미 있어 다시 씁니다.` });
    }
    // Only ever this learner's (names-taken checked it): an older tag is brought up to date.
    if (role.tags[LAB_TAG_KEY] !== labId) await iam.tagRole(names.role, { [LAB_TAG_KEY]: labId });
  }
  // Always written: replacing an inline policy is idempotent and repairs a hand-edited one.
  await iam.putRolePolicy(names.role, names.policy, pipeAccessPolicy(sourceArn, targetArn));
  return { arn: role.arn, created };
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

