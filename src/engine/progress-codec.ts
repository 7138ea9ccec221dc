import { z } from 'zod';
import type { LabState } from './step-state.js';

const localized = z.object({ en: z.string(), ko: z.string() });
const checkResult = z.object({
  step: z.string(),
  outcome: z.enum(['passed', 'failed', 'error']),
  summary: localized,
  evidence: z.array(localized),
  fix: localized.optional(),
  errorKind: z.string().optional(),
  autoFix: z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('switch-region'), region: z.string() }),
      z.object({ type: z.literal('switch-stream'), stream: z.string() }),
      z.object({ type: z.literal('wait-and-retry'), delayMs: z.number() }),
      z.object({ type: z.literal('create-stream'), stream: z.string() }),
      z.object({ type: z.literal('use-names'), names: z.record(z.string()) }),
      z.object({ type: z.literal('add-shards'), stream: z.string(), from: z.number(), to: z.number() }),
    ])
    .optional(),
});
const stepProgress = z.object({
  status: z.enum(['pending', 'in-progress', 'acting', 'checking', 'passed', 'failed']),
  mode: z.enum(['auto', 'manual']).optional(),
  startedAt: z.number().optional(),
  passedAt: z.number().optional(),
  attempts: z.number().int().nonnegative(),
  lastResult: checkResult.optional(),
});
const progressSchema = z.object({
  formatVersion: z.literal(1),
  savedAt: z.string(),
  settings: z.object({ stream: z.string(), region: z.string(), regionSwitched: z.boolean().optional() }),
  state: z.object({
    labId: z.string(),
    order: z.array(z.string()),
    locked: z.array(z.string()),
    current: z.string(),
    steps: z.record(stepProgress),
  }),
  ledger: z.object({
    runs: z.array(
      z.object({
        api: z.enum(['put-record', 'put-records']),
        stream: z.string(),
        region: z.string(),
        startedAt: z.number(),
        endedAt: z.number(),
        sent: z.number(),
        failed: z.number(),
        retried: z.number(),
        bytes: z.number(),
        recordsPerSecond: z.number(),
        samples: z.array(z.object({ shardId: z.string(), sequenceNumber: z.string() })),
        streamArn: z.string().optional(),
        streamCreatedAt: z.number().optional(),
        world: z.string().optional(),
        purpose: z.literal('metrics-sample').optional(),
      }),
    ),
    choices: z.record(z.record(z.unknown())).optional(),
    names: z.record(z.record(z.string())).optional(),
  }),
});

/**
 * The progress file, one per lab and world (`<config>/kinesis-lab/progress/<lab>-<world>.json`, the world
 * being `sandbox`, `aws` or another endpoint's target, host and port: see cli/progress-world.ts):
 *
 * ```json
 * { "formatVersion": 1, "savedAt": "2026-11-22T04:00:00.000Z",
 *   "settings": { "stream": "input-stream", "region": "us-east-1" },
 *   "state": { "labId": "...", "order": [...], "locked": [...], "current": "put-record", "steps": { ... } },
 *   "ledger": { "runs": [ ... ], "choices": { "pipe": { "startingPosition": "TRIM_HORIZON", ... } } } }
 * ```
 * `settings.regionSwitched` (optional) is true when the learner switched the region in the lab (the
 * diagnosis's one-key fix); a resumed lab then keeps that region unless `--region` names another.
 * `ledger.choices` (optional) holds what the learner picked in a step panel's form, by step id;
 * `ledger.names` (optional) the resource names a step uses instead of its defaults (taken by someone else).
 * Each of `ledger.runs` may name the stream it went to beyond its name (`streamArn`, `streamCreatedAt`,
 * `world`), so a check counts only records sent to the stream that exists now.
 * It never holds credentials, tokens or endpoints with secrets: only ids, names, counts and times.
 */
export type ProgressFile = z.infer<typeof progressSchema>;

export function encodeProgress(file: ProgressFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type DecodeResult = { ok: true; file: ProgressFile } | { ok: false; reason: string };

export function decodeProgress(text: string): DecodeResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
  const parsed = progressSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, file: parsed.data };
}

/**
 * Fits a saved state to the lab as it is now: steps added to the lab appear as pending, removed ones
 * vanish, "coming next" flags follow the lab, and a step left busy by a killed process is re-checkable.
 */
export function reconcileState(saved: LabState, fresh: LabState): LabState {
  const steps: LabState['steps'] = {};
  for (const id of fresh.order) {
    const old = saved.steps[id];
    if (old === undefined) {
      steps[id] = { status: 'pending', attempts: 0 };
    } else if (old.status === 'acting' || old.status === 'checking') {
      steps[id] = { ...old, status: 'in-progress' };
    } else {
      steps[id] = old;
    }
  }
  const current = fresh.order.includes(saved.current) && !fresh.locked.includes(saved.current) ? saved.current : fresh.current;
  return { ...fresh, steps, current };
}
