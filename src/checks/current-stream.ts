import type { StreamSummary } from '../aws/kinesis-port.js';
import { staleRunsFor, type ProducerRun, type StreamIdentity } from '../engine/session-ledger.js';
import type { Localized } from '../i18n/lang.js';
import { inBoth, utcTime } from '../i18n/progress-messages.js';
import { commandOutsideTui } from '../diagnose/diagnosis.js';
import type { LabContext } from './check-context.js';
import type { CheckResult } from '../engine/check-result.js';

/** Which stream `summary` is, in this run's world. */
export function identityOf(ctx: Pick<LabContext, 'region' | 'world'>, summary: StreamSummary): StreamIdentity {
  return {
    stream: summary.name,
    region: ctx.region,
    arn: summary.arn,
    ...(summary.createdAt ? { createdAt: summary.createdAt.getTime() } : {}),
    ...(ctx.world !== undefined ? { world: ctx.world } : {}),
  };
}

/**
 * Describes the lab's stream as it is now and tells the runner which stream that is, so its screens
 * count only the records sent to this one. Throws as DescribeStreamSummary does (not found …).
 */
export async function describeCurrentStream(ctx: LabContext): Promise<{ summary: StreamSummary; identity: StreamIdentity }> {
  const summary = await ctx.kinesis.describeStreamSummary(ctx.stream);
  const identity = identityOf(ctx, summary);
  ctx.noteStream?.(identity);
  return { summary, identity };
}

/**
 * The one line that says records sent earlier no longer count, because they went to an older stream
 * of this name (or to one that is gone: `now` undefined). Undefined when there are none.
 */
export function staleRunsLine(stale: readonly ProducerRun[], stream: string, now: StreamIdentity | undefined, solve?: string): Localized | undefined {
  const sent = stale.reduce((n, r) => n + r.sent, 0);
  if (sent === 0) return undefined;
  const from = utcTime(Math.min(...stale.map((r) => r.startedAt)));
  const to = utcTime(Math.max(...stale.map((r) => r.endedAt)));
  const createdAt = now?.createdAt;
  return createdAt === undefined ? inBoth((t) => t.staleRunsGone(sent, stream, from, to, solve)) : inBoth((t) => t.staleRunsRecreated(sent, stream, from, to, utcTime(createdAt), solve));
}

/**
 * A result that did not pass, with the stale-runs line first in its evidence when records sent
 * earlier went to an older stream of this name (`now`), or to one that is gone (`now` undefined).
 */
export function withStaleRuns(result: CheckResult, ctx: LabContext, now: StreamIdentity | undefined): CheckResult {
  if (result.outcome === 'passed') return result;
  const ledger = ctx.ledger();
  const stale = now ? staleRunsFor(ledger, now) : ledger.runs.filter((r) => r.stream === ctx.stream && r.region === ctx.region && r.sent > 0);
  const line = staleRunsLine(stale, ctx.stream, now, commandOutsideTui(ctx, `solve ${result.step}`));
  return line ? { ...result, evidence: [line, ...result.evidence] } : result;
}
