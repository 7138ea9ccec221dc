import { z } from 'zod';

/*
 * The lab manifest, `labs/<lab-id>/lab.json` (format version 1).
 *
 * {
 *   "formatVersion": 1,
 *   "id": "kinesis-data-streams",                 // equals the folder name
 *   "title":   { "en": "…", "ko": "…" },
 *   "summary": { "en": "…", "ko": "…" },
 *   "steps": [
 *     {
 *       "id": "create-stream",                    // also the folder steps/<id>/
 *       "title": { "en": "…", "ko": "…" },
 *       "check":  { "kind": "stream-active", "params": { … } },   // required unless comingNext
 *       "action": { "kind": "create-stream", "params": { … } },   // optional: "do it for me"
 *       "panel":  { "kind": "metrics" },                          // optional: live view under the text
 *       "hints": [ { "en": "…", "ko": "…" } ],                   // optional, default []
 *       "comingNext": false                                      // optional, default false
 *     }
 *   ]
 * }
 *
 * Beside it, per step: steps/<id>/en.md and ko.md (the teaching text, both required and non-empty)
 * and, when the step has an action, steps/<id>/solution.sh, solution.ts, solution.py (templates for
 * render-solution.ts). Kinds are names, not code: the loader checks them against the kinds the
 * engine knows, so a new lab made of existing kinds needs no change in src/.
 */

/** Step ids double as folder names, so they stay lowercase and path-safe. */
export const STEP_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

const nonEmptyText = z.string().trim().min(1, 'must not be empty');

const localizedSchema = z.object({ en: nonEmptyText, ko: nonEmptyText }).strict();

const kindSpecSchema = z
  .object({
    kind: z.string().min(1, 'must not be empty'),
    params: z.record(z.unknown()).default({}),
  })
  .strict();

const stepSchema = z
  .object({
    id: z.string().regex(STEP_ID_PATTERN, 'must be lowercase letters, digits and dashes'),
    title: localizedSchema,
    check: kindSpecSchema.optional(),
    action: kindSpecSchema.optional(),
    panel: kindSpecSchema.optional(),
    hints: z.array(localizedSchema).default([]),
    comingNext: z.boolean().default(false),
  })
  .strict()
  .superRefine((step, ctx) => {
    // A playable step without a check could never be passed.
    if (!step.comingNext && step.check === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['check'], message: 'is required unless the step is comingNext' });
    }
  });

/** The schema of `lab.json`; parse output is the manifest with defaults filled in. */
export const labManifestSchema = z
  .object({
    formatVersion: z.literal(1),
    id: z.string().regex(STEP_ID_PATTERN, 'must be lowercase letters, digits and dashes'),
    title: localizedSchema,
    summary: localizedSchema,
    steps: z.array(stepSchema).min(1, 'must hold at least one step'),
  })
  .strict();

/** `lab.json` after validation, before the step texts and solutions are read. */
export type LabManifest = z.infer<typeof labManifestSchema>;
