/**
 * CloudWatch Logs in the sandbox through the real SDK client (JSON 1.1, Logs_20140328.*), and a pipe
 * whose target is a log group: the runner writes one log event per pipe event, in order, into the
 * target's LogStreamName, which it creates; a missing log group makes the pipe CREATE_FAILED.
 */
import {
  CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DeleteLogGroupCommand, DescribeLogGroupsCommand, GetLogEventsCommand,
  ListTagsForResourceCommand, ListTagsLogGroupCommand, PutLogEventsCommand, TagResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreatePipeCommand, DescribePipeCommand, PipesClient } from '@aws-sdk/client-pipes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLabContext } from '../../src/cli/build-lab-context.js';
import type { LabContext } from '../../src/checks/check-context.js';
import { createLogGroupAdapter, createLogsClient, type LogGroupPort } from '../../src/aws/log-group-adapter.js';
import { createLogGroupInventory } from '../../src/aws/log-group-inventory.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../src/sandbox/sandbox-types.js';
import { waitFor } from './pipes-helpers.js';

const REGION = 'us-east-1';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pipes.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('CloudWatch Logs in the sandbox, and a pipe with a log group target', () => {
  let sandbox: Sandbox;
  let logs: CloudWatchLogsClient;
  let port: LogGroupPort;
  let pipes: PipesClient;
  let ctx: LabContext;

  beforeAll(async () => {
    sandbox = await startLabSandbox({ createStreamMs: 0, pipeCreatingMs: 100 });
    const settings = { region: REGION, endpoint: sandbox.url, credentials: { ...SANDBOX_CREDENTIALS } };
    logs = createLogsClient(settings);
    port = createLogGroupAdapter(logs);
    pipes = new PipesClient({ ...settings, maxAttempts: 1 });
    ctx = buildLabContext({ lang: 'en', stream: 'logs-src', target: 'sandbox', embeddedSandbox: true, region: REGION, regionSource: 'flag', endpoint: sandbox.url }, 'lab');
  });
  afterAll(async () => {
    logs.destroy();
    pipes.destroy();
    await sandbox.stop();
  });

  it('creates, tags, describes, writes, reads and deletes a log group, with the errors AWS gives', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/lab/a', tags: { 'kinesis-lab': 'lab' } }));
    await expect(logs.send(new CreateLogGroupCommand({ logGroupName: '/lab/a' }))).rejects.toMatchObject({ name: 'ResourceAlreadyExistsException', message: 'The specified log group already exists' });
    await expect(logs.send(new CreateLogGroupCommand({ logGroupName: 'bad:name' }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
    const described = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/lab/' }));
    expect(described.logGroups?.map((g) => [g.logGroupName, g.arn, g.logGroupArn])).toEqual([['/lab/a', `arn:aws:logs:${REGION}:000000000000:log-group:/lab/a:*`, `arn:aws:logs:${REGION}:000000000000:log-group:/lab/a`]]);
    const arn = `arn:aws:logs:${REGION}:000000000000:log-group:/lab/a`;
    await logs.send(new TagResourceCommand({ resourceArn: arn, tags: { team: 'x' } }));
    expect((await logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ 'kinesis-lab': 'lab', team: 'x' });
    // The older, deprecated call is asserted on purpose: learners' scripts and the AWS CLI still send it.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    expect((await logs.send(new ListTagsLogGroupCommand({ logGroupName: '/lab/a' }))).tags).toEqual({ 'kinesis-lab': 'lab', team: 'x' });
    await expect(logs.send(new PutLogEventsCommand({ logGroupName: '/lab/a', logStreamName: 's', logEvents: [{ timestamp: 1, message: 'm' }] }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException', message: 'The specified log stream does not exist.',
    });
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/lab/a', logStreamName: 's' }));
    await logs.send(new PutLogEventsCommand({ logGroupName: '/lab/a', logStreamName: 's', logEvents: [{ timestamp: 1000, message: 'one' }, { timestamp: 2000, message: 'two' }] }));
    const got = await logs.send(new GetLogEventsCommand({ logGroupName: '/lab/a', logStreamName: 's', startFromHead: true }));
    expect(got.events?.map((e) => [e.timestamp, e.message])).toEqual([[1000, 'one'], [2000, 'two']]);
    expect((await port.readEvents('/lab/a')).map((e) => [e.logStreamName, e.message])).toEqual([['s', 'one'], ['s', 'two']]);
    expect(await port.describeLogGroup('/lab/a')).toEqual({ name: '/lab/a', arn, tags: { 'kinesis-lab': 'lab', team: 'x' } });
    expect(await port.describeLogGroup('/lab')).toBeUndefined();
    expect(await port.createLogGroup('/lab/a', {})).toBe(false);
    const inventory = createLogGroupInventory(logs);
    expect(await inventory.listLogGroups()).toMatchObject([{ name: '/lab/a', arn }]);
    await logs.send(new DeleteLogGroupCommand({ logGroupName: '/lab/a' }));
    expect(await inventory.exists('/lab/a')).toBe(false);
    expect(await inventory.tagsOf(arn)).toBeUndefined();
    await expect(logs.send(new DeleteLogGroupCommand({ logGroupName: '/lab/a' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
  });

  it('delivers each pipe event, in order, to the log stream it names, and fails a pipe whose log group is missing', async () => {
    await ctx.kinesis.createStream('logs-src', { mode: 'PROVISIONED', shardCount: 1 });
    await waitFor('stream', async () => ((await ctx.kinesis.describeStreamSummary('logs-src')).status === 'ACTIVE' ? true : undefined));
    for (let i = 0; i < 5; i++) await ctx.kinesis.putRecord('logs-src', { partitionKey: 'k', data: new TextEncoder().encode(JSON.stringify({ n: i, fareAmount: i * 10 })) });
    const role = await ctx.iam!.createRole({ name: 'logs-role', trustPolicy: TRUST, description: 'test', tags: {} });
    const source = (await ctx.kinesis.describeStreamSummary('logs-src')).arn;
    const create = (name: string, group: string) =>
      pipes.send(
        new CreatePipeCommand({
          Name: name, RoleArn: role.arn, Source: source, Target: `arn:aws:logs:${REGION}:000000000000:log-group:${group}`,
          SourceParameters: { KinesisStreamParameters: { StartingPosition: 'TRIM_HORIZON', BatchSize: 2 }, FilterCriteria: { Filters: [{ Pattern: '{"data": {"fareAmount": [{"numeric": [">", 15]}]}}' }] } },
          TargetParameters: { CloudWatchLogsParameters: { LogStreamName: 'from-pipe' } },
        }),
      );
    await create('no-group', '/lab/missing');
    const failed = await waitFor('CREATE_FAILED', async () => {
      const p = await pipes.send(new DescribePipeCommand({ Name: 'no-group' }));
      return p.CurrentState === 'CREATE_FAILED' ? p : undefined;
    });
    expect(failed.StateReason).toBe(`The target log group arn:aws:logs:${REGION}:000000000000:log-group:/lab/missing does not exist.`);
    expect(await port.createLogGroup('/lab/target', { 'kinesis-lab': 'lab' })).toBe(true);
    await create('to-logs', '/lab/target');
    const events = await waitFor('3 log events', async () => {
      const e = await port.readEvents('/lab/target');
      return e.length >= 3 ? e : undefined;
    });
    expect(events.map((e) => e.logStreamName)).toEqual(['from-pipe', 'from-pipe', 'from-pipe']);
    const parsed = events.map((e) => JSON.parse(e.message) as { partitionKey: string; data: string; eventSource: string });
    expect(parsed.map((p): unknown => JSON.parse(Buffer.from(p.data, 'base64').toString('utf8')))).toEqual([{ n: 2, fareAmount: 20 }, { n: 3, fareAmount: 30 }, { n: 4, fareAmount: 40 }]);
    expect(parsed.every((p) => p.partitionKey === 'k' && p.eventSource === 'aws:kinesis')).toBe(true);
  });
});
