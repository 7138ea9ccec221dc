/**
 * Every service of the sandbox keeps an account per access key, as Kinesis does: the same names in
 * two accounts are two resources, ARNs carry the account, another account's ARN gets AWS's
 * AccessDeniedException, and a pipe runs as its own account (another account's stream or role fails it).
 */
import { GetMetricStatisticsCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { CreateLogGroupCommand, DescribeLogGroupsCommand, ListTagsForResourceCommand as ListLogTagsCommand, TagResourceCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand, DeleteRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { CreatePipeCommand, DescribePipeCommand, ListPipesCommand, ListTagsForResourceCommand as ListPipeTagsCommand } from '@aws-sdk/client-pipes';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabSandbox, type LabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { accountClients, type AccountClients } from '../fixtures/account-clients.js';
import { streamToStreamPipe, TRUST_POLICY, waitFor } from '../pipes/pipes-helpers.js';

const REGION = 'eu-central-1';
const MINUTE = 60_000;

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; message: string };
  }
  throw new Error('expected the call to fail');
}

describe('one account per access key, in every service', () => {
  let box: LabSandbox;
  let a: AccountClients;
  let b: AccountClients;
  let accountA: string;
  let accountB: string;
  let now = Date.now();

  beforeAll(async () => {
    box = await startLabSandbox({ createStreamMs: 0, metricsDelayMs: 0, pipeCreatingMs: 50, clock: () => now });
    a = accountClients(box.url, REGION);
    b = accountClients(box.url, REGION, 'AKIASECONDLEARNER001');
    accountA = (await a.sts.send(new GetCallerIdentityCommand({}))).Account!;
    accountB = (await b.sts.send(new GetCallerIdentityCommand({}))).Account!;
  });
  afterAll(async () => {
    a.stop();
    b.stop();
    await box.stop();
  });

  it('counts each account\'s puts in its own CloudWatch metrics', async () => {
    for (const [c, count] of [[a, 3], [b, 5]] as const) {
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'input-stream', ShardCount: 1 }));
      await c.kinesis.send(new PutRecordsCommand({ StreamName: 'input-stream', Records: Array.from({ length: count }, (_, i) => ({ PartitionKey: `k${i}`, Data: Buffer.from('{}') })) }));
    }
    now += 2 * MINUTE;
    const incoming = async (c: AccountClients) => (await c.cloudwatch.send(new GetMetricStatisticsCommand({
      Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords', Dimensions: [{ Name: 'StreamName', Value: 'input-stream' }], StartTime: new Date(now - 10 * MINUTE), EndTime: new Date(now), Period: 600, Statistics: ['Sum'],
    }))).Datapoints?.map((d) => d.Sum);
    expect(await incoming(a)).toEqual([3]);
    expect(await incoming(b)).toEqual([5]);
    const listed = await a.cloudwatch.send(new ListMetricsCommand({ Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords' }));
    expect(listed.Metrics?.map((m) => m.Dimensions?.[0]?.Value)).toEqual(['input-stream']);
  });

  it('keeps a role of the same name in each account, with its account in the ARN', async () => {
    for (const c of [a, b]) await c.iam.send(new CreateRoleCommand({ RoleName: 'lab-role', AssumeRolePolicyDocument: TRUST_POLICY }));
    expect((await a.iam.send(new GetRoleCommand({ RoleName: 'lab-role' }))).Role?.Arn).toBe(`arn:aws:iam::${accountA}:role/lab-role`);
    expect((await b.iam.send(new GetRoleCommand({ RoleName: 'lab-role' }))).Role?.Arn).toBe(`arn:aws:iam::${accountB}:role/lab-role`);
    await a.iam.send(new DeleteRoleCommand({ RoleName: 'lab-role' }));
    expect((await failure(a.iam.send(new GetRoleCommand({ RoleName: 'lab-role' })))).name).toBe('NoSuchEntityException');
    expect((await b.iam.send(new GetRoleCommand({ RoleName: 'lab-role' }))).Role?.RoleName).toBe('lab-role');
  });

  it('keeps log groups apart and refuses another account\'s log group ARN', async () => {
    for (const c of [a, b]) await c.logs.send(new CreateLogGroupCommand({ logGroupName: '/lab/pipe', tags: { lab: 'kinesis' } }));
    const [arnA, arnB] = await Promise.all([a, b].map(async (c) => String((await c.logs.send(new DescribeLogGroupsCommand({}))).logGroups?.[0]?.logGroupArn)));
    expect([arnA, arnB]).toEqual([`arn:aws:logs:${REGION}:${accountA}:log-group:/lab/pipe`, `arn:aws:logs:${REGION}:${accountB}:log-group:/lab/pipe`]);
    await b.logs.send(new TagResourceCommand({ resourceArn: arnB, tags: { owner: 'b' } }));
    expect((await a.logs.send(new ListLogTagsCommand({ resourceArn: arnA }))).tags).toEqual({ lab: 'kinesis' });
    const denied = await failure(a.logs.send(new ListLogTagsCommand({ resourceArn: arnB })));
    expect(denied).toMatchObject({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::${accountA}:user/kinesis-lab-learner is not authorized to perform: logs:ListTagsForResource on resource: ${arnB} because no resource-based policy allows the logs:ListTagsForResource action`,
    });
  });

  it('runs each pipe as its own account: same names apart, another account\'s ARN refused, its stream or role not usable', async () => {
    const stream = (account: string, name: string) => `arn:aws:kinesis:${REGION}:${account}:stream/${name}`;
    for (const c of [a, b]) {
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'pipe-target', ShardCount: 1 }));
      await c.iam.send(new CreateRoleCommand({ RoleName: 'pipe-role', AssumeRolePolicyDocument: TRUST_POLICY }));
    }
    const spec = (name: string, account: string, source = account, roleAccount = account) =>
      streamToStreamPipe(name, stream(source, 'input-stream'), stream(account, 'pipe-target'), `arn:aws:iam::${roleAccount}:role/pipe-role`);
    const pipeA = await a.pipes.send(new CreatePipeCommand({ ...spec('lab-pipe', accountA), Tags: { who: 'a' } }));
    const pipeB = await b.pipes.send(new CreatePipeCommand({ ...spec('lab-pipe', accountB), Tags: { who: 'b' } }));
    expect([pipeA.Arn, pipeB.Arn]).toEqual([`arn:aws:pipes:${REGION}:${accountA}:pipe/lab-pipe`, `arn:aws:pipes:${REGION}:${accountB}:pipe/lab-pipe`]);
    expect((await a.pipes.send(new ListPipesCommand({}))).Pipes?.map((p) => p.Arn)).toEqual([pipeA.Arn]);
    expect((await b.pipes.send(new ListPipeTagsCommand({ resourceArn: pipeB.Arn }))).tags).toEqual({ who: 'b' });
    expect(await failure(b.pipes.send(new ListPipeTagsCommand({ resourceArn: pipeA.Arn })))).toMatchObject({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::${accountB}:user/kinesis-lab-learner is not authorized to perform: pipes:ListTagsForResource on resource: ${pipeA.Arn} because no resource-based policy allows the pipes:ListTagsForResource action`,
    });
    // Each pipe delivers its own account's records only (3 in A, 5 in B).
    await waitFor('both pipes to deliver', () => (box.pipes.runStatus(pipeA.Arn!)?.delivered === 3 && box.pipes.runStatus(pipeB.Arn!)?.delivered === 5 ? true : undefined));

    // B's pipe reading A's stream, or using A's role, fails as the pipe's own account.
    await b.pipes.send(new CreatePipeCommand(spec('reads-a', accountB, accountA)));
    await b.pipes.send(new CreatePipeCommand(spec('role-of-a', accountB, accountB, accountA)));
    const settled = async (name: string) => waitFor(`${name} to fail`, async () => {
      const pipe = await b.pipes.send(new DescribePipeCommand({ Name: name }));
      return pipe.CurrentState === 'CREATE_FAILED' ? pipe.StateReason : undefined;
    });
    expect(await settled('reads-a')).toBe(`Could not describe the source stream ${stream(accountA, 'input-stream')}: AccessDeniedException: User: arn:aws:iam::${accountB}:user/kinesis-lab-learner is not authorized to perform: kinesis:DescribeStreamSummary on resource: ${stream(accountA, 'input-stream')} because no resource-based policy allows the kinesis:DescribeStreamSummary action`);
    expect(await settled('role-of-a')).toBe(`Pipes could not assume the execution role arn:aws:iam::${accountA}:role/pipe-role: account ${accountB}'s IAM has no such role. Create it (CreateRole) in the pipe's account and try again.`);
  });
});
