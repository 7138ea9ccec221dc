import { pipeNamesFor } from '../resources/pipe-settings.js';
import { runsFor, type SessionLedger } from '../engine/session-ledger.js';
import type { LabContext } from './check-context.js';
import { describeCurrentStream } from './current-stream.js';
import { countedPuts } from './put-metrics-facts.js';
import { PROBE_FIELD } from './pipe-probes.js';
import type { SurveyedResource, WorldSurvey } from '../engine/world-survey-types.js';

/** Reading more than this many records only to count them is not worth the wait; CloudWatch counts instead. */
const COUNT_LIMIT = 20_000;
const DAY_MS = 24 * 3_600_000;

/**
 * Looks, read-only, at what exists under the lab's names in this context's region: the stream (and
 * how many records it holds, unless `records: false`), the pipe, its role, and its target stream or log group. Each lookup
 * that fails is left out rather than failing the survey: a summary says what it could see.
 */
export async function surveyWorld(ctx: LabContext, ledger: SessionLedger, options: { records?: boolean } = {}): Promise<WorldSurvey> {
  const names = pipeNamesFor(ctx.stream, { ...ledger.choices?.pipe });
  const resources: SurveyedResource[] = [];
  const survey: WorldSurvey = { resources };
  const stream = await describeCurrentStream(ctx).catch(() => undefined);
  if (stream) {
    resources.push(streamResource(stream.summary.name, ctx.region, stream.summary));
    const sent = (api: 'put-record' | 'put-records') => runsFor(ledger, stream.identity, api).reduce((n, r) => n + r.sent, 0);
    const byLab = { 'put-record': sent('put-record'), 'put-records': sent('put-records') };
    const counted = options.records === false ? undefined : await countRecords(ctx, stream.identity.createdAt).catch(() => undefined);
    if (counted) survey.records = { ...counted, byLab };
  }
  const [pipe, role, target, logGroup] = await Promise.all([
    ctx.pipes?.describePipe(names.pipe).catch(() => undefined),
    ctx.iam?.getRole(names.role).catch(() => undefined),
    ctx.kinesis.describeStreamSummary(names.targetStream).catch(() => undefined),
    ctx.logs?.describeLogGroup(names.logGroup).catch(() => undefined),
  ]);
  if (pipe) resources.push({ kind: 'pipe', name: pipe.name, region: ctx.region });
  if (role) resources.push({ kind: 'iam-role', name: names.role, region: 'global' });
  if (target) resources.push(streamResource(target.name, ctx.region, target));
  if (logGroup) resources.push({ kind: 'log-group', name: logGroup.name, region: ctx.region });
  return survey;
}

function streamResource(name: string, region: string, summary: { mode: string; openShardCount: number }): SurveyedResource {
  return { kind: 'stream', name, region, openShards: summary.openShardCount, onDemand: summary.mode === 'ON_DEMAND' };
}

async function countRecords(ctx: LabContext, createdAt: number | undefined): Promise<{ inStream: number; counted: 'stream' | 'cloudwatch' }> {
  const records = await ctx.kinesis.readStream(ctx.stream, { limit: COUNT_LIMIT });
  // The pipe check's probe records are the lab's, not the learner's.
  const probe = new TextEncoder().encode(`"${PROBE_FIELD}"`);
  if (records.length < COUNT_LIMIT) return { inStream: records.filter((r) => Buffer.from(r.data).indexOf(probe) < 0).length, counted: 'stream' };
  // Too many to read: CloudWatch's count of what came in since the stream was created (a day at most).
  const now = ctx.clock();
  const start = Math.max(now - DAY_MS, createdAt ?? 0);
  return { inStream: countedPuts(await ctx.cloudwatch.read(ctx.stream, new Date(start), new Date(now))).incoming, counted: 'cloudwatch' };
}
