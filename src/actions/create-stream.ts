import type { StreamMode } from '../aws/kinesis-port.js';
import { diagnosisContext } from '../checks/check-context.js';
import { diagnosedResult } from '../checks/diagnosed-result.js';
import type { ActionContext, ActionOutcome } from './action-context.js';
import { waitUntilActive } from './wait-until-active.js';

export interface CreateStreamParams {
  /** @default 1 */
  shardCount?: number;
  /** @default 'PROVISIONED' */
  mode?: StreamMode;
  /** Give up waiting for ACTIVE after this long. @default 120000 */
  waitMs?: number;
}

/** Tag that marks what the lab created, so cleanup never touches a stream it did not make. */
export const LAB_TAG_KEY = 'kinesis-lab';

/** The tag value: the lab's id, and this learner's install when known (`kinesis-data-streams/3f9c…`). */
export function labTagValue(labId: string, ownerId?: string): string {
  return ownerId ? `${labId}/${ownerId}` : labId;
}

/** What this run tags its resources with (and cleanup looks for). */
export function labTagOf(ctx: { labId: string; labTag?: string }): string {
  return ctx.labTag ?? ctx.labId;
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
