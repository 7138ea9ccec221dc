/**
 * Step 5 with the other target, a CloudWatch Logs log group, end to end on the learner's sandbox
 * through the real SDK clients: the action creates a tagged log group and a role that may only create
 * log streams and put events in that group, the pipe delivers there and the check reads the group's
 * events; a deleted log group fails the check; cleanup finds the tagged group and not an untagged one.
 */
import { GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action-context.js';
import { createPipeAction } from '../../src/actions/create-pipe.js';
import { createLogGroupInventory } from '../../src/aws/log-group-inventory.js';
import { createLogsClient } from '../../src/aws/log-group-adapter.js';
import { buildLabContext, type ReadySettings } from '../../src/cli/build-lab-context.js';
import { checkPipeDelivering } from '../../src/checks/pipe-delivering.js';
import type { LabContext } from '../../src/checks/check-context.js';
import { logGroupProbe } from '../../src/cleanup/log-group-probe.js';
import { KINESIS_SOURCE_ACTIONS } from '../../src/diagnose/pipes-state.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../src/sandbox/sandbox-types.js';

const REGION = 'us-east-1';
const LAB = 'kinesis-data-streams';
const trip = (fare: number) => new TextEncoder().encode(JSON.stringify({ tripId: `t-${fare}`, vendorId: 1, fareAmount: fare }));

describe('step 5 (pipe) with a CloudWatch Logs target on the sandbox', () => {
  let sandbox: Sandbox;
  let ctx: LabContext;

  beforeAll(async () => {
    sandbox = await startLabSandbox({ createStreamMs: 50, pipeCreatingMs: 300 });
    const settings: ReadySettings = {
      lang: 'en', stream: 'taxi-logs', target: 'sandbox', embeddedSandbox: false, region: REGION, regionSource: 'flag',
      endpoint: sandbox.url, pipesEndpoint: sandbox.url, iamEndpoint: sandbox.url, logsEndpoint: sandbox.url,
    };
    ctx = buildLabContext(settings, LAB);
    await ctx.kinesis.createStream('taxi-logs', { mode: 'PROVISIONED', shardCount: 1 });
    while ((await ctx.kinesis.describeStreamSummary('taxi-logs')).status !== 'ACTIVE') await ctx.sleep(20);
    for (const fare of [5, 30]) await ctx.kinesis.putRecord('taxi-logs', { partitionKey: `trip-${fare}`, data: trip(fare) });
  });
  afterAll(() => sandbox.stop());

  const action = (): ActionContext => ({ ...ctx, onProgress: () => undefined, recordRun: () => undefined });
  const params = { target: 'logs', filter: '{"data": {"fareAmount": [{"numeric": [">", 20]}]}}' };

  it('creates a tagged log group, a role that writes only there, and a pipe to it; the check reads the events', async () => {
    const first = await createPipeAction(action(), 'pipe', params);
    expect(first.ok && first.notes.map((n) => n.en)).toEqual([
      'Created the target log group /kinesis-lab/taxi-logs-pipe-target.',
      'Created the execution role taxi-logs-pipe-role, trusted by pipes.amazonaws.com.',
      'Created pipe taxi-logs-pipe: taxi-logs → /kinesis-lab/taxi-logs-pipe-target, TRIM_HORIZON, batches of up to 100 or 1 s, with a filter.',
    ]);
    const groupArn = `arn:aws:logs:${REGION}:000000000000:log-group:/kinesis-lab/taxi-logs-pipe-target`;
    expect(await ctx.logs!.describeLogGroup('/kinesis-lab/taxi-logs-pipe-target')).toEqual({ name: '/kinesis-lab/taxi-logs-pipe-target', arn: groupArn, tags: { 'kinesis-lab': LAB } });
    const live = await ctx.pipes!.describePipe('taxi-logs-pipe');
    expect(live).toMatchObject({ currentState: 'RUNNING', targetArn: groupArn, targetLogStream: 'taxi-logs-pipe', tags: { 'kinesis-lab': LAB } });
    expect(live?.targetPartitionKey).toBeUndefined();

    const iam = new IAMClient({ region: REGION, endpoint: sandbox.url, credentials: { ...SANDBOX_CREDENTIALS } });
    const policy = await iam.send(new GetRolePolicyCommand({ RoleName: 'taxi-logs-pipe-role', PolicyName: 'kinesis-lab-pipe-access' }));
    iam.destroy();
    expect(JSON.parse(decodeURIComponent(policy.PolicyDocument ?? ''))).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ReadSourceStream', Effect: 'Allow', Action: [...KINESIS_SOURCE_ACTIONS], Resource: `arn:aws:kinesis:${REGION}:000000000000:stream/taxi-logs` },
        { Sid: 'WriteTargetLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${groupArn}:*` },
      ],
    });

    const result = await checkPipeDelivering(ctx, 'pipe', params);
    expect(result.outcome, JSON.stringify(result)).toBe('passed');
    expect(result.summary.en).toBe('Pipe taxi-logs-pipe is RUNNING and delivers taxi-logs → /kinesis-lab/taxi-logs-pipe-target, filtered, in order.');
    expect(result.evidence.map((e) => e.en)).toContain('The record the filter drops did not arrive, as it should.');
    // TRIM_HORIZON and the filter: of the two trips sent before the pipe, only the 30 fare is in the group.
    const events = await ctx.logs!.readEvents('/kinesis-lab/taxi-logs-pipe-target');
    const keys = events.map((e) => (JSON.parse(e.message) as { partitionKey: string }).partitionKey).filter((k) => k.startsWith('trip-'));
    expect(keys).toEqual(['trip-30']);
    expect(new Set(events.map((e) => e.logStreamName))).toEqual(new Set(['taxi-logs-pipe']));

    const again = await createPipeAction(action(), 'pipe', params);
    expect(again.ok && again.notes.map((n) => n.en)).toEqual([
      'Target log group /kinesis-lab/taxi-logs-pipe-target already exists; using it.',
      'Role taxi-logs-pipe-role already exists; reusing it.',
      'Pipe taxi-logs-pipe already exists with these settings; using it as it is.',
    ]);
  });

  it('cleanup finds the tagged log group only; a deleted log group fails the check with a fix', async () => {
    const logs = createLogsClient({ region: REGION, endpoint: sandbox.url, credentials: { ...SANDBOX_CREDENTIALS } });
    expect(await ctx.logs!.createLogGroup('/kinesis-lab/by-hand', {})).toBe(true);
    const inventory = createLogGroupInventory(logs);
    const probe = logGroupProbe(() => inventory, { sleep: ctx.sleep, pollMs: 10 });
    const found = await probe.find(REGION, LAB);
    expect(found.map((r) => [r.kind, r.name])).toEqual([['log-group', '/kinesis-lab/taxi-logs-pipe-target']]);
    await probe.delete(found[0]!);
    await probe.waitGone(found[0]!);
    expect(await probe.find(REGION, LAB)).toEqual([]);
    expect(await inventory.exists('/kinesis-lab/by-hand')).toBe(true);
    logs.destroy();

    const failed = await checkPipeDelivering(ctx, 'pipe', params);
    expect(failed).toMatchObject({
      outcome: 'failed', errorKind: 'pipe-target-missing',
      summary: { en: `The pipe's target log group /kinesis-lab/taxi-logs-pipe-target does not exist in ${REGION}.`, ko: `파이프의 대상 로그 그룹 /kinesis-lab/taxi-logs-pipe-target이 ${REGION}에 없습니다.` },
    });
  });
});
