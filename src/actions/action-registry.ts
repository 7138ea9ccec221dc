import type { ActionContext, ActionOutcome } from './action-context.js';
import { ACTION_KINDS, type ActionKind } from './action-kinds.js';
import { createPipeAction } from './create-pipe.js';
import { createStreamAction } from './create-stream.js';
import { metricsSampleAction } from './metrics-sample.js';
import { produceAction, type ProduceParams } from './produce.js';

export type ActionFn = (ctx: ActionContext, step: string, params: Record<string, unknown>) => Promise<ActionOutcome>;

/** Each "do it for me" kind's function (kinds are named in action-kinds.ts). Params were validated against the lab schema on load. */
const BY_KIND: Readonly<Record<ActionKind, ActionFn>> = {
  'create-stream': (ctx, step, params) => createStreamAction(ctx, step, params),
  produce: (ctx, step, params) => produceAction(ctx, step, params as unknown as ProduceParams),
  'metrics-sample': (ctx, step, params) => metricsSampleAction(ctx, step, params),
  'create-pipe': (ctx, step, params) => createPipeAction(ctx, step, params),
};

export const ACTIONS: Readonly<Record<string, ActionFn>> = BY_KIND;
export { ACTION_KINDS };
