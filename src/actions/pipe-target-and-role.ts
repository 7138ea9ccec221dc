/**
 * Steps 3 and 4 of create-pipe: the pipe's target (a stream or a log group) and its execution role,
 * each created with this learner's tag or reused when it is already theirs.
 */
import type { IamRolePort } from '../aws/iam-role-adapter.js';
import type { LogGroupPort } from '../aws/log-group-adapter.js';
import type { Localized } from '../i18n/lang.js';
import type { ActionContext } from './action-context.js';
import { LAB_TAG_KEY } from '../resources/lab-tag.js';
import { ownershipOf } from '../resources/ownership.js';
import { accountOf, pipeAccessPolicy, pipeTrustPolicy, trustsPipes } from '../resources/pipe-plan.js';
import type { PipeNames, PipeSettings } from '../resources/pipe-settings.js';

/** A new IAM role takes seconds before a service can assume it (eventual consistency). */
const ROLE_PROPAGATION_MS = 10_000;

/**
 * The target and the role, with `at` told which call is under way (for the diagnosis of a failure).
 * Undefined when the target is a log group and this run has no CloudWatch Logs client.
 */
export async function prepareTargetAndRole(
  ctx: ActionContext, iam: IamRolePort, names: PipeNames, target: PipeSettings['target'], sourceArn: string, labId: string,
  note: (t: Localized) => void, at: (operation: string) => void,
): Promise<{ targetArn: string; roleArn: string } | undefined> {
  let targetArn: string;
  if (target === 'logs') {
    if (!ctx.logs) return undefined;
    at('CreateLogGroup');
    targetArn = await ensureLogGroup(ctx.logs, names, labId, note);
  } else {
    at('CreateStream');
    targetArn = await ensureTargetStream(ctx, names, note);
  }
  at('CreateRole');
  const role = await ensureRole(iam, names, sourceArn, targetArn, labId, note);
  if (role.created && !ctx.sandbox) {
    note({ en: 'Waiting 10 s for the new role to reach every AWS Region (IAM is eventually consistent).', ko: '새 역할이 모든 AWS 리전에 퍼지도록 10초 기다립니다(IAM은 최종 일관성을 따릅니다).' });
    await ctx.sleep(ROLE_PROPAGATION_MS, ctx.signal);
  }
  return { targetArn, roleArn: role.arn };
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
