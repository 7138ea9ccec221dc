/**
 * The whole sandbox world survives a restart on the same data folder, for two accounts: streams and
 * their tags and records, CloudWatch datapoints (visible at the same minutes), IAM roles with their
 * policies and tags, log groups with tags, streams and events, pipes with their state, tags and
 * per-shard checkpoints. Once after a clean stop (snapshots), once from a copy of the folder taken
 * while the sandbox ran (journals only, as a kill -9 leaves them).
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetMetricStatisticsCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import {
  CreateLogGroupCommand, CreateLogStreamCommand, DescribeLogGroupsCommand, DescribeLogStreamsCommand, GetLogEventsCommand, ListTagsForResourceCommand as ListLogTagsCommand, PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand, GetRoleCommand, GetRolePolicyCommand, ListRolePoliciesCommand, ListRoleTagsCommand, PutRolePolicyCommand, TagRoleCommand } from '@aws-sdk/client-iam';
import {
  AddTagsToStreamCommand, CreateStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, ListStreamsCommand, ListTagsForStreamCommand, PutRecordCommand, PutRecordsCommand,
} from '@aws-sdk/client-kinesis';
import { CreatePipeCommand, DescribePipeCommand, ListPipesCommand, ListTagsForResourceCommand as ListPipeTagsCommand, StopPipeCommand } from '@aws-sdk/client-pipes';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLabSandbox, type LabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { accountClients, type AccountClients } from '../fixtures/account-clients.js';
import { streamToStreamPipe, TRUST_POLICY, waitFor } from '../pipes/pipes-helpers.js';

const REGION = 'ap-northeast-2';
const OTHER_KEY = 'AKIAOTHERLEARNER0001';
const MINUTE = 60_000;

/** Drops the SDK's per-response metadata (request ids differ on every call). */
function plain<T extends object>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _, ...rest } = output as T & { $metadata?: unknown };
  return rest;
}

async function countRecords(c: AccountClients, stream: string): Promise<number> {
  let count = 0;
  for (const shard of (await c.kinesis.send(new ListShardsCommand({ StreamName: stream }))).Shards ?? []) {
    let iterator = (await c.kinesis.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    while (iterator) {
      const page = await c.kinesis.send(new GetRecordsCommand({ ShardIterator: iterator }));
      count += page.Records?.length ?? 0;
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return count;
}

/** One learner's lab: streams, puts, a role, a log group and a pipe, all tagged. */
async function buildWorld(c: AccountClients, account: string, stopPipe: boolean, box: LabSandbox): Promise<void> {
  await c.kinesis.send(new CreateStreamCommand({ StreamName: 'source', ShardCount: 2, Tags: { lab: 'kinesis' } }));
  await c.kinesis.send(new CreateStreamCommand({ StreamName: 'target', ShardCount: 1 }));
  await c.kinesis.send(new AddTagsToStreamCommand({ StreamName: 'target', Tags: { owner: account } }));
  await c.kinesis.send(new PutRecordsCommand({ StreamName: 'source', Records: Array.from({ length: 20 }, (_, i) => ({ PartitionKey: `k${i}`, Data: Buffer.from(`{"n":${i}}`) })) }));
  for (let i = 0; i < 5; i++) await c.kinesis.send(new PutRecordCommand({ StreamName: 'source', PartitionKey: `p${i}`, Data: Buffer.from(`{"single":${i}}`) }));

  const role = await c.iam.send(new CreateRoleCommand({ RoleName: 'pipe-role', AssumeRolePolicyDocument: TRUST_POLICY, Description: 'reads source', Tags: [{ Key: 'lab', Value: 'kinesis' }] }));
  await c.iam.send(new PutRolePolicyCommand({ RoleName: 'pipe-role', PolicyName: 'read', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kinesis:*', Resource: '*' }] }) }));
  await c.iam.send(new TagRoleCommand({ RoleName: 'pipe-role', Tags: [{ Key: 'owner', Value: account }] }));

  await c.logs.send(new CreateLogGroupCommand({ logGroupName: '/lab/events', tags: { lab: 'kinesis' } }));
  await c.logs.send(new CreateLogStreamCommand({ logGroupName: '/lab/events', logStreamName: 'notes' }));
  await c.logs.send(new PutLogEventsCommand({ logGroupName: '/lab/events', logStreamName: 'notes', logEvents: [1, 2, 3].map((n) => ({ timestamp: 1_700_000_000_000 + n, message: `note ${n}` })) }));

  const arn = (name: string) => `arn:aws:kinesis:${REGION}:${account}:stream/${name}`;
  const pipe = await c.pipes.send(new CreatePipeCommand({ ...streamToStreamPipe('lab-pipe', arn('source'), arn('target'), role.Role?.Arn, 10), Tags: { lab: 'kinesis' } }));
  await waitFor('25 records delivered', () => (box.pipes.runStatus(pipe.Arn!)?.delivered === 25 ? true : undefined), 15_000);
  if (stopPipe) {
    await c.pipes.send(new StopPipeCommand({ Name: 'lab-pipe' }));
    await waitFor('the pipe to stop', async () => ((await c.pipes.send(new DescribePipeCommand({ Name: 'lab-pipe' }))).CurrentState === 'STOPPED' ? true : undefined));
  }
}

/** Everything one account can see through the APIs, plus its pipes' checkpoints. */
async function capture(c: AccountClients, box: LabSandbox, now: number) {
  const streams = (await c.kinesis.send(new ListStreamsCommand({}))).StreamNames ?? [];
  const kinesis = await Promise.all(streams.map(async (name) => {
    const { StreamDescriptionSummary: s } = await c.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }));
    return { name, status: s?.StreamStatus, arn: s?.StreamARN, shards: s?.OpenShardCount, tags: (await c.kinesis.send(new ListTagsForStreamCommand({ StreamName: name }))).Tags, records: await countRecords(c, name) };
  }));
  const listed = (await c.cloudwatch.send(new ListMetricsCommand({ Namespace: 'AWS/Kinesis' }))).Metrics ?? [];
  const metrics = await Promise.all(listed.map(async (m) => ({
    metric: `${m.MetricName} ${m.Dimensions?.[0]?.Value}`,
    points: (await c.cloudwatch.send(new GetMetricStatisticsCommand({
      Namespace: 'AWS/Kinesis', MetricName: m.MetricName, Dimensions: m.Dimensions, StartTime: new Date(now - 60 * MINUTE), EndTime: new Date(now), Period: 60, Statistics: ['Sum', 'SampleCount', 'Minimum', 'Maximum'],
    }))).Datapoints,
  })));
  const role = plain(await c.iam.send(new GetRoleCommand({ RoleName: 'pipe-role' })));
  const policies = plain(await c.iam.send(new ListRolePoliciesCommand({ RoleName: 'pipe-role' })));
  const policy = plain(await c.iam.send(new GetRolePolicyCommand({ RoleName: 'pipe-role', PolicyName: 'read' })));
  const roleTags = plain(await c.iam.send(new ListRoleTagsCommand({ RoleName: 'pipe-role' })));
  const groups = plain(await c.logs.send(new DescribeLogGroupsCommand({})));
  const groupTags = plain(await c.logs.send(new ListLogTagsCommand({ resourceArn: groups.logGroups?.[0]?.logGroupArn })));
  const logStreams = plain(await c.logs.send(new DescribeLogStreamsCommand({ logGroupName: '/lab/events' })));
  const events = (await c.logs.send(new GetLogEventsCommand({ logGroupName: '/lab/events', logStreamName: 'notes', startFromHead: true }))).events;
  const pipes = plain(await c.pipes.send(new ListPipesCommand({})));
  const pipe = plain(await c.pipes.send(new DescribePipeCommand({ Name: 'lab-pipe' })));
  const pipeTags = plain(await c.pipes.send(new ListPipeTagsCommand({ resourceArn: pipe.Arn })));
  const run = box.pipes.runStatus(pipe.Arn!);
  return { kinesis, metrics, role, policies, policy, roleTags, groups, groupTags, logStreams, events, pipes, pipe, pipeTags, checkpoints: run?.checkpoints, delivered: run?.delivered };
}

describe('the sandbox world across a restart', () => {
  let dir: string;
  let now: number;
  const clock = () => now;
  const start = (dataDir: string) => startLabSandbox({ dataDir, clock, createStreamMs: 0, metricsDelayMs: 0, pipeCreatingMs: 100 });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kl-world-'));
    now = Date.now();
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is the same after a clean stop and after a crash, in every service and account', async () => {
    const dataDir = join(dir, 'data');
    const crashImage = join(dir, 'crash');
    const first = await start(dataDir);
    const learners = (box: LabSandbox) => ({ a: accountClients(box.url, REGION), b: accountClients(box.url, REGION, OTHER_KEY) });
    let before;
    {
      const { a, b } = learners(first);
      try {
        const accountB = (await b.sts.send(new GetCallerIdentityCommand({}))).Account!;
        await buildWorld(a, '000000000000', false, first);
        await buildWorld(b, accountB, true, first);
        // From here on every call lands in a minute not yet visible, so what CloudWatch shows stays put.
        now += 10 * MINUTE;
        await new Promise((resolve) => setTimeout(resolve, 300));
        before = { a: await capture(a, first, now), b: await capture(b, first, now) };
        // What a kill -9 would leave: the files as they are while the sandbox runs.
        await cp(dataDir, crashImage, { recursive: true });
      } finally {
        a.stop();
        b.stop();
        await first.stop();
      }
    }
    expect(before.a.kinesis.map((s) => [s.name, s.records])).toEqual([['source', 25], ['target', 25]]);
    expect(before.a.metrics.find((m) => m.metric === 'IncomingRecords source')?.points?.[0]?.Sum).toBe(25);
    expect(before.a.pipe.CurrentState).toBe('RUNNING');
    expect(before.b.pipe.CurrentState).toBe('STOPPED');
    expect(before.b.pipe.Arn).not.toBe(before.a.pipe.Arn);
    expect(Object.keys(before.a.checkpoints ?? {}).length).toBeGreaterThan(0);

    for (const folder of [dataDir, crashImage]) {
      const again = await start(folder);
      const { a, b } = learners(again);
      try {
        expect({ a: await capture(a, again, now), b: await capture(b, again, now) }).toEqual(before);
        expect(again.notices).toEqual([]);
      } finally {
        a.stop();
        b.stop();
        await again.stop();
      }
    }
  }, 60_000);
});

describe('what the sandbox does with its services\' files across a restart', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kl-world-files-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('finishes a transition a stop cut short, and sets a damaged Pipes file aside without costing the streams', async () => {
    const first = await startLabSandbox({ dataDir: dir, createStreamMs: 0, pipeCreatingMs: 1_500 });
    const c = accountClients(first.url, REGION);
    try {
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'source', ShardCount: 1 }));
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'target', ShardCount: 1 }));
      const role = await c.iam.send(new CreateRoleCommand({ RoleName: 'pipe-role', AssumeRolePolicyDocument: TRUST_POLICY }));
      const arn = (name: string) => `arn:aws:kinesis:${REGION}:000000000000:stream/${name}`;
      await c.pipes.send(new CreatePipeCommand(streamToStreamPipe('slow-pipe', arn('source'), arn('target'), role.Role?.Arn)));
    } finally {
      c.stop();
      await first.stop();
    }

    // Stopped while the pipe was CREATING: the next start settles it when its time comes.
    const second = await startLabSandbox({ dataDir: dir });
    const d = accountClients(second.url, REGION);
    try {
      expect((await d.pipes.send(new DescribePipeCommand({ Name: 'slow-pipe' }))).CurrentState).toBe('CREATING');
      await waitFor('the pipe RUNNING', async () => ((await d.pipes.send(new DescribePipeCommand({ Name: 'slow-pipe' }))).CurrentState === 'RUNNING' ? true : undefined));
    } finally {
      d.stop();
      await second.stop();
    }

    await writeFile(join(dir, 'pipes.snapshot.jsonl'), '{"section":"pipes","formatVersion":1,"lsn":3}\n{"t":"pipe","pipe":{');
    const third = await startLabSandbox({ dataDir: dir });
    const e = accountClients(third.url, REGION);
    try {
      expect(third.notices.map((notice) => notice.en)).toEqual([
        expect.stringMatching(new RegExp(`^The sandbox data file ${join(dir, 'pipes.snapshot.jsonl')} is damaged \\(a line is not JSON\\) and was moved to ${join(dir, 'pipes.snapshot.jsonl')}\\.damaged-`)),
      ]);
      expect((await e.pipes.send(new ListPipesCommand({}))).Pipes).toEqual([]);
      expect((await e.kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual(['source', 'target']);
      expect((await e.iam.send(new GetRoleCommand({ RoleName: 'pipe-role' }))).Role?.RoleName).toBe('pipe-role');
    } finally {
      e.stop();
      await third.stop();
    }
  });
});
