import { commandOutsideTui } from '../diagnose/diagnosis.js';
import { similarNames } from '../diagnose/similar-names.js';
import type { Localized } from '../i18n/lang.js';
import { inBoth } from '../i18n/progress-messages.js';
import type { LabContext } from './check-context.js';
import type { CheckResult } from '../engine/check-result.js';

/** Records counted this far are enough to say "there are records there" (and cheap to read). */
const COUNT_UP_TO = 1_000;
/** Places looked into at most, so a learner with many similar streams does not wait for all of them. */
const MOST_PLACES = 5;

export type RecordsElsewhere = { kind: 'region'; region: string; records: number } | { kind: 'stream'; stream: string; records: number };

/**
 * When the lab's stream has no records here: the learner's records in a stream of the same name in
 * another region, or under a similar name in this region (the two mistakes the workshop sees most).
 * Read-only and bounded; undefined when there is nothing, or nobody to ask.
 */
export async function recordsElsewhere(ctx: LabContext): Promise<RecordsElsewhere | undefined> {
  const probes = ctx.elsewhere;
  if (!probes) return undefined;
  const [regions, here] = await Promise.all([probes.findStreamInOtherRegions(ctx.stream).catch((): string[] => []), probes.listStreamsHere().catch((): string[] => [])]);
  for (const region of regions.slice(0, MOST_PLACES)) {
    const records = await probes.recordsIn(region, ctx.stream, COUNT_UP_TO);
    if (records > 0) return { kind: 'region', region, records };
  }
  for (const stream of similarNames(ctx.stream, here).slice(0, MOST_PLACES)) {
    const records = await probes.recordsIn(ctx.region, stream, COUNT_UP_TO);
    if (records > 0) return { kind: 'stream', stream, records };
  }
  return undefined;
}

/** The failed result that says where the records are, offering the f that switches the lab there. */
export function foundElsewhereResult(step: string, ctx: LabContext, found: RecordsElsewhere, evidence: Localized[]): CheckResult {
  const records = found.records >= COUNT_UP_TO ? `${COUNT_UP_TO}+` : String(found.records);
  const where =
    found.kind === 'region'
      ? {
          summary: inBoth((t) => t.recordsInOtherRegion(ctx.stream, ctx.region, found.region, records)),
          fix: inBoth((t) => t.recordsInOtherRegionFix(ctx.region, found.region, commandOutsideTui(ctx, '', { region: found.region }))),
          errorKind: 'records-wrong-region',
          autoFix: { type: 'switch-region', region: found.region } as const,
        }
      : {
          summary: inBoth((t) => t.recordsUnderSimilarName(ctx.stream, ctx.region, found.stream, records)),
          fix: inBoth((t) => t.recordsUnderSimilarNameFix(ctx.stream, found.stream, commandOutsideTui(ctx, '', { stream: found.stream }))),
          errorKind: 'records-wrong-stream',
          autoFix: { type: 'switch-stream', stream: found.stream } as const,
        };
  return { step, outcome: 'failed', evidence, ...where };
}
