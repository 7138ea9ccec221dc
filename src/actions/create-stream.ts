import type { StreamMode } from '../aws/kinesis-port.js';
import { diagnosisContext } from '../checks/check-context.js';
import { diagnosedResult } from '../checks/diagnosed-result.js';
import type { ActionContext, ActionOutcome } from './action-context.js';
import { waitUntilActive } from './wait-until-active.js';
import { LAB_TAG_KEY, labTagOf } from '../resources/lab-tag.js';

export interface CreateStreamParams {
  /** @default 1 */
  shardCount?: number;
  /** @default 'PROVISIONED' */
  mode?: StreamMode;
  /** Give up waiting for ACTIVE after this long. @default 120000 */
  waitMs?: number;
}

/**
 * Creates the stream and waits for ACTIVE. A stream that already exists (or is still being created)
 * is accepted as it is: the learner may have made it in the console, and that is the step done.
 */
export async function createStreamAction(ctx: ActionContext, step: string, params: CreateStreamParams): Promise<ActionOutcome> {
  const mode = ctx.streamShape?.mode ?? params.mode ?? 'PROVISIONED';
  const shardCount = mode === 'PROVISIONED' ? (ctx.streamShape?.shardCount ?? params.shardCount ?? 1) : undefined;
  const notes = [];
  try {
    await ctx.kinesis.createStream(ctx.stream, { mode, shardCount, tags: { [LAB_TAG_KEY]: labTagOf(ctx) } });
    notes.push({ en: `Asked Kinesis to create ${ctx.stream} (${mode === 'ON_DEMAND' ? 'on-demand' : `${shardCount} shard(s)`}) in ${ctx.region}.`, ko: `${ctx.region}에 ${ctx.stream} 스트림(${mode === 'ON_DEMAND' ? '온디맨드' : `샤드 ${shardCount}개`}) 생성을 요청했습니다.` });
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceInUseException') {
      return { ok: false, result: diagnosedResult(step, await ctx.diagnose(error, diagnosisContext(ctx, 'CreateStream'))) };
    }
    notes.push({ en: `${ctx.stream} already exists in ${ctx.region}; using it as it is.`, ko: `${ctx.region}에 ${ctx.stream} 스트림이 이미 있어 그대로 사용합니다.` });
  }
  const failed = await waitUntilActive(ctx, step, params.waitMs);
  return failed ? { ok: false, result: failed } : { ok: true, notes };
}
