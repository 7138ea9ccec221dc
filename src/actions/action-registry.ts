import type { ActionContext, ActionOutcome } from './action-context.js';
import { createPipeAction } from './create-pipe.js';
import { createStreamAction } from './create-stream.js';
import { metricsSampleAction } from './metrics-sample.js';
import { produceAction, type ProduceParams } from './produce.js';

export type ActionFn = (ctx: ActionContext, step: string, params: Record<string, unknown>) => Promise<ActionOutcome>;

/** "Do it for me" kinds a lab.json may name. Params were validated against the lab schema on load. */
export const ACTIONS: Readonly<Record<string, ActionFn>> = {
  'create-stream': (ctx, step, params) => createStreamAction(ctx, step, params),
  produce: (ctx, step, params) => produceAction(ctx, step, params as unknown as ProduceParams),
  'metrics-sample': (ctx, step, params) => metricsSampleAction(ctx, step, params),
  'create-pipe': (ctx, step, params) => createPipeAction(ctx, step, params),
};

export const ACTION_KINDS: ReadonlySet<string> = new Set(Object.keys(ACTIONS));
