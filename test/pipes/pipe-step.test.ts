/**
 * Step 5 end to end on the learner's sandbox (Kinesis + Pipes + IAM on one endpoint) through the
 * real SDK clients: the create-pipe action, then the pipe-delivering check, and the check's fail paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionContext, ActionProgress } from '../../src/actions/action-context.js';
import { createPipeAction } from '../../src/actions/create-pipe.js';
import { pipeAccessPolicy, pipeTrustPolicy } from '../../src/resources/pipe-plan.js';
import { buildLabContext, type ReadySettings } from '../../src/cli/build-lab-context.js';
import { checkPipeDelivering, PIPE_STUCK_AFTER_MS } from '../../src/checks/pipe-delivering.js';
import type { LabContext } from '../../src/checks/check-context.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';

const REGION = 'us-east-1';
const LAB = 'kinesis-data-streams';
const trip = (fare: number, vendorId = 1) => new TextEncoder().encode(JSON.stringify({ tripId: `t-${fare}`, vendorId, fareAmount: fare, pickupLatitude: 40.7, pickupLongitude: -73.9, dropoffLatitude: 40.8, dropoffLongitude: -73.95 }));

describe('step 5 (pipe) on the sandbox', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startLabSandbox({ createStreamMs: 50, pipeCreatingMs: 400 });
  });
  afterAll(() => sandbox.stop());

  function contextFor(stream: string, overrides: Partial<LabContext> = {}): LabContext {
    const settings: ReadySettings = {
      lang: 'en', stream, target: 'sandbox', embeddedSandbox: false, region: REGION, regionSource: 'flag',
      endpoint: sandbox.url, pipesEndpoint: sandbox.url, iamEndpoint: sandbox.url,
    };
    return { ...buildLabContext(settings, LAB), ...overrides };
  }

  function actionContext(ctx: LabContext, progress: ActionProgress[] = []): ActionContext {
    return { ...ctx, onProgress: (p) => progress.push(p), recordRun: () => undefined };
  }

  async function streamWithTrips(ctx: LabContext, fares: number[]): Promise<void> {
    await ctx.kinesis.createStream(ctx.stream, { mode: 'PROVISIONED', shardCount: 2 });
    while ((await ctx.kinesis.describeStreamSummary(ctx.stream)).status !== 'ACTIVE') await ctx.sleep(20);
    for (const fare of fares) await ctx.kinesis.putRecord(ctx.stream, { partitionKey: `trip-${fare}`, data: trip(fare) });
  }

  it('creates target, role and pipe, follows CREATING → RUNNING, and the check passes; a second run reuses everything', async () => {
    const ctx = contextFor('taxi-a');
    await streamWithTrips(ctx, [5, 12, 30]);
    const progress: ActionProgress[] = [];
    const first = await createPipeAction(actionContext(ctx, progress), 'pipe', {});
    expect(first.ok).toBe(true);
    const states = progress.flatMap((p) => (p.type === 'pipe-status' ? [p.state] : [])).filter((s, i, all) => all[i - 1] !== s);
    expect(states).toEqual(['CREATING', 'RUNNING']);
    expect(first.ok && first.notes.map((n) => n.en)).toEqual([
      'Creating the target stream taxi-a-pipe-target (1 shard).',
      'Created the execution role taxi-a-pipe-role, trusted by pipes.amazonaws.com.',
      'Created pipe taxi-a-pipe: taxi-a → taxi-a-pipe-target, TRIM_HORIZON, batches of up to 100 or 1 s.',
    ]);

    // Least privilege and tags, as IAM and Pipes report them.
    const role = await ctx.iam!.getRole('taxi-a-pipe-role');
    const sourceArn = `arn:aws:kinesis:${REGION}:000000000000:stream/taxi-a`;
    const targetArn = `arn:aws:kinesis:${REGION}:000000000000:stream/taxi-a-pipe-target`;
    expect(JSON.parse(role!.trustPolicy)).toEqual(JSON.parse(pipeTrustPolicy('000000000000')));
    const live = await ctx.pipes!.describePipe('taxi-a-pipe');
    expect(live).toMatchObject({
      currentState: 'RUNNING', sourceArn, targetArn, roleArn: role!.arn, tags: { 'kinesis-lab': LAB }, targetPartitionKey: '$.partitionKey',
      source: { startingPosition: 'TRIM_HORIZON', batchSize: 100, batchingWindowSeconds: 1, parallelizationFactor: 1, maximumRetryAttempts: 10, onPartialBatchItemFailure: 'AUTOMATIC_BISECT' },
      filters: [],
    });
    expect((JSON.parse(pipeAccessPolicy(sourceArn, targetArn)) as { Statement: { Resource: string }[] }).Statement.map((s) => s.Resource)).toEqual([sourceArn, targetArn]);

    const result = await checkPipeDelivering(ctx, 'pipe', {});
    expect(result.outcome, JSON.stringify(result)).toBe('passed');
    expect(result.summary.en).toBe('Pipe taxi-a-pipe is RUNNING and delivers taxi-a → taxi-a-pipe-target, in order.');
    expect(result.evidence.map((e) => e.en).find((e) => e.startsWith('Order kept'))).toMatch(/^Order kept: \w+:\d+ → \w+:\d+ → \w+:\d+ \(one partition key, one shard\)\.$/);
    // TRIM_HORIZON: the three trips sent before the pipe existed reached the target too.
    const delivered = (await ctx.kinesis.readStream('taxi-a-pipe-target')).map((r) => JSON.parse(new TextDecoder().decode(r.data)) as { partitionKey: string });
    expect(delivered.filter((e) => e.partitionKey.startsWith('trip-')).map((e) => e.partitionKey).sort()).toEqual(['trip-12', 'trip-30', 'trip-5']);

    const again = await createPipeAction(actionContext(ctx), 'pipe', {});
    expect(again.ok && again.notes.map((n) => n.en)).toEqual([
      'Target stream taxi-a-pipe-target already exists; using it.',
      'Role taxi-a-pipe-role already exists; reusing it.',
      'Pipe taxi-a-pipe already exists with these settings; using it as it is.',
    ]);
  });

  it('updates a pipe whose settings changed and delivers only records the filter lets through', async () => {
    const ctx = contextFor('taxi-b');
    await streamWithTrips(ctx, [8, 40]);
    expect((await createPipeAction(actionContext(ctx), 'pipe', {})).ok).toBe(true);
    const filter = '{"data": {"fareAmount": [{"numeric": [">", 20]}]}}';
    const updated = await createPipeAction(actionContext(ctx), 'pipe', { filter, batchSize: 10 });
    expect(updated.ok && updated.notes.at(-1)?.en).toBe(
      'Updated pipe taxi-b-pipe: BatchSize: the pipe has 100, the lab wants 10; FilterCriteria: the pipe has (none), the lab wants {"data":{"fareAmount":[{"numeric":[">",20]}]}}.',
    );
    const result = await checkPipeDelivering(ctx, 'pipe', { filter, batchSize: 10 });
    expect(result.outcome, JSON.stringify(result)).toBe('passed');
    expect(result.evidence.map((e) => e.en)).toContain('The record the filter drops did not arrive, as it should.');
    // Checked against the default settings, the filtered pipe differs.
    const strict = await checkPipeDelivering(ctx, 'pipe', {});
    expect(strict).toMatchObject({ outcome: 'failed', errorKind: 'pipe-settings-differ' });
  });

  it('fails with the missing target named when the pipe is CREATE_FAILED, and the action repairs it', async () => {
    const ctx = contextFor('taxi-c');
    await streamWithTrips(ctx, [10]);
    const role = await ctx.iam!.createRole({ name: 'taxi-c-pipe-role', trustPolicy: pipeTrustPolicy(undefined), description: 'test', tags: { 'kinesis-lab': LAB } });
    await ctx.pipes!.createPipe({
      name: 'taxi-c-pipe', roleArn: role.arn, sourceArn: `arn:aws:kinesis:${REGION}:000000000000:stream/taxi-c`, targetArn: `arn:aws:kinesis:${REGION}:000000000000:stream/taxi-c-pipe-target`,
      source: { startingPosition: 'TRIM_HORIZON', batchSize: 100, batchingWindowSeconds: 1, parallelizationFactor: 1, maximumRetryAttempts: 10 }, filters: [], targetPartitionKey: '$.partitionKey', tags: { 'kinesis-lab': LAB },
    });
    const failed = await checkPipeDelivering(ctx, 'pipe', {});
    expect(failed).toMatchObject({ outcome: 'failed', errorKind: 'pipe-missing-resource', summary: { en: 'Pipe "taxi-c-pipe" is CREATE_FAILED.' } });
    expect(failed.evidence.map((e) => e.en).join('\n')).toContain('The target stream arn:aws:kinesis:us-east-1:000000000000:stream/taxi-c-pipe-target does not exist.');

    const repaired = await createPipeAction(actionContext(ctx), 'pipe', {});
    expect(repaired.ok && repaired.notes.map((n) => n.en)).toContain('Deleting pipe taxi-c-pipe to create it again: it is CREATE_FAILED.');
    expect((await checkPipeDelivering(ctx, 'pipe', {})).outcome).toBe('passed');
  });

  it('with LATEST, fails when records sent while the pipe was CREATING never arrived', async () => {
    const ctx = contextFor('taxi-d');
    await streamWithTrips(ctx, [3]);
    const params = { startingPosition: 'LATEST', pollMs: 100 };
    // Records land while the action waits for RUNNING, as a producer running meanwhile would.
    let sentDuringCreating = 0;
    const sends: Promise<unknown>[] = [];
    const action = createPipeAction(
      {
        ...actionContext(ctx),
        onProgress: (p) => {
          if (p.type === 'pipe-status' && p.state === 'CREATING' && sentDuringCreating < 2) {
            sentDuringCreating++;
            sends.push(ctx.kinesis.putRecord(ctx.stream, { partitionKey: `during-${sentDuringCreating}`, data: trip(50 + sentDuringCreating) }));
          }
        },
      },
      'pipe',
      params,
    );
    expect((await action).ok).toBe(true);
    await Promise.all(sends);
    expect(sentDuringCreating).toBe(2);
    const result = await checkPipeDelivering(ctx, 'pipe', params);
    expect(result).toMatchObject({ outcome: 'failed', errorKind: 'pipe-latest-missed' });
    expect(result.summary.en).toBe('The pipe delivers new records, but 2 record(s) sent while it was being created never reached the target: it starts at LATEST.');
  });

  it('fails when the filter matches nothing, showing a record as the filter sees it', async () => {
    const ctx = contextFor('taxi-e');
    await streamWithTrips(ctx, [15]);
    const params = { filter: '{"data": {"fare": [{"numeric": [">", 20]}]}}' };
    expect((await createPipeAction(actionContext(ctx), 'pipe', params)).ok).toBe(true);
    const result = await checkPipeDelivering(ctx, 'pipe', params);
    expect(result).toMatchObject({ outcome: 'failed', errorKind: 'pipe-filter-matches-nothing' });
    const evidence = result.evidence.map((e) => e.en);
    expect(evidence).toContain('Pattern: {"data":{"fare":[{"numeric":[">",20]}]}}');
    expect(evidence.find((e) => e.startsWith('A record as the filter sees it:'))).toContain('"fareAmount": 15');
  });

  it('says CREATING is normal at first and stuck after ten minutes (injected clock)', async () => {
    const slow = await startLabSandbox({ createStreamMs: 0, pipeCreatingMs: 3_600_000 });
    try {
      const settings: ReadySettings = { lang: 'en', stream: 'taxi-f', target: 'sandbox', embeddedSandbox: false, region: REGION, regionSource: 'flag', endpoint: slow.url, pipesEndpoint: slow.url, iamEndpoint: slow.url };
      const base = buildLabContext(settings, LAB);
      await streamWithTrips(base, []);
      const action = await createPipeAction(actionContext({ ...base }), 'pipe', { waitMs: 0 });
      expect(action.ok && action.notes.at(-1)?.en).toBe('Pipe taxi-f-pipe is still CREATING; on AWS this takes a minute or two. The check waits for it.');
      const createdAt = (await base.pipes!.describePipe('taxi-f-pipe'))!.createdAt!.getTime();
      const early = await checkPipeDelivering({ ...base, clock: () => createdAt + 90_000 }, 'pipe', { waitMs: 0 });
      expect(early).toMatchObject({ outcome: 'failed', errorKind: 'pipe-creating', summary: { en: 'Pipe taxi-f-pipe is still CREATING.' } });
      expect(early.fix?.en).toMatch(/^This is normal: on AWS a pipe with a Kinesis source takes a minute or two/);
      const late = await checkPipeDelivering({ ...base, clock: () => createdAt + PIPE_STUCK_AFTER_MS + 60_000 }, 'pipe', { waitMs: 0 });
      expect(late).toMatchObject({ outcome: 'failed', errorKind: 'pipe-stuck-creating', summary: { en: 'Pipe taxi-f-pipe has been CREATING for 11 minutes, much longer than usual.' } });
    } finally {
      await slow.stop();
    }
  });

  it('fails with a fix when there is no pipe yet', async () => {
    const ctx = contextFor('taxi-g');
    await streamWithTrips(ctx, []);
    expect(await checkPipeDelivering(ctx, 'pipe', {})).toMatchObject({ outcome: 'failed', errorKind: 'pipe-not-found', summary: { en: 'There is no pipe named taxi-g-pipe in us-east-1.' } });
  });
});
