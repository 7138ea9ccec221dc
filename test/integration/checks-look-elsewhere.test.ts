/**
 * Issue 10: every check looks where the learner's data really is. For each step, a check that finds
 * nothing where the lab looks finds the learner's stream, records, metrics or pipe in another region
 * or under a similar name, and offers the f that switches there (the pipe under another name is named,
 * not adopted); after f the check passes. Looking elsewhere allocates nothing in the sandbox.
 *
 * Each case uses its own names (and, where a region-wide listing matters, its own region) so cases
 * never see each other's streams. The lab's clock moves with its waits, as in world-changes.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_KINDS } from '../../src/actions/action-registry.js';
import type { ActionContext } from '../../src/actions/action-context.js';
import { createPipeAction } from '../../src/actions/create-pipe.js';
import { CHECKS, CHECK_KINDS } from '../../src/checks/check-registry.js';
import type { CheckResult } from '../../src/engine/check-result.js';
import type { LabContext } from '../../src/checks/check-context.js';
import { buildLabContext, type ReadySettings } from '../../src/cli/build-lab-context.js';
import type { Lab } from '../../src/content/lab-model.js';
import { loadLab } from '../../src/content/load-lab.js';
import { labDir } from '../../src/content/locate-labs.js';
import { emptyLedger } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import { LabRunner } from '../../src/runner/lab-runner.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';
import { PANEL_KINDS } from '../../src/ui/panels/panel-registry.js';

let now = Date.now();
const clock = () => now;
const sleep = async (ms: number) => {
  now += ms;
  await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 100)));
};
const json = (i: number) => new TextEncoder().encode(JSON.stringify({ tripId: `t-${i}`, vendorId: 1, fareAmount: 10 + i }));

describe('checks look where the learner\'s data really is', () => {
  let sandbox: Sandbox;
  let lab: Lab;

  beforeAll(async () => {
    // The lab's clock only moves with its waits: AWS's per-second write limits would count every step's
    // writes as one second's (world-changes.test.ts says the same; throttling has its own tests).
    sandbox = await startLabSandbox({ port: 0, createStreamMs: 0, metricsDelayMs: 0, pipeCreatingMs: 50, clock, limits: 'off' });
    lab = await loadLab(labDir('kinesis-data-streams'), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS, panelKinds: PANEL_KINDS });
  });
  afterAll(() => sandbox.stop());

  function context(stream: string, region: string): LabContext {
    const settings: ReadySettings = { lang: 'en', stream, target: 'sandbox', embeddedSandbox: true, region, regionSource: 'flag', endpoint: sandbox.url };
    return { ...buildLabContext(settings, lab.id), clock, sleep };
  }

  /** What the learner's own script did: a stream, and records in it with PutRecords (or none). */
  async function script(stream: string, region: string, records: number): Promise<void> {
    const kinesis = context(stream, region).kinesis;
    await kinesis.createStream(stream, { mode: 'PROVISIONED', shardCount: 1 });
    while ((await kinesis.describeStreamSummary(stream)).status !== 'ACTIVE') await sleep(10);
    // PutRecords takes at most 500 entries a call.
    for (let from = 0; from < records; from += 500) {
      await kinesis.putRecords(stream, Array.from({ length: Math.min(500, records - from) }, (_, i) => ({ partitionKey: `k${from + i}`, data: json(from + i) })));
    }
  }

  function runner(stream: string, region: string): LabRunner {
    let ledger = emptyLedger();
    return new LabRunner({
      lab,
      context: { ...context(stream, region), ledger: () => ledger },
      checks: CHECKS,
      actions: ACTIONS,
      initial: { state: initialState(lab.id, lab.steps.map((s) => s.id)), ledger },
      save: (file) => {
        ledger = file.ledger;
        return Promise.resolve(undefined);
      },
      clock,
      retarget: (target) => ({ ...context(target.stream, target.region), ledger: () => ledger }),
    });
  }

  async function check(r: LabRunner, step: string): Promise<CheckResult | undefined> {
    r.dispatch({ type: 'open-step', step, at: now });
    r.dispatch({ type: 'check-requested', at: now });
    await r.idle();
    return r.current.state.steps[step]?.lastResult;
  }

  async function fix(r: LabRunner, step: string): Promise<CheckResult | undefined> {
    r.dispatch({ type: 'fix-requested', at: now });
    await r.idle();
    return r.current.state.steps[step]?.lastResult;
  }

  /** Step 5's pipe, made as "do it for me" makes it, in that stream's region. */
  async function pipe(stream: string, region: string, params: Record<string, unknown> = {}): Promise<void> {
    const ctx: ActionContext = { ...context(stream, region), onProgress: () => undefined, recordRun: () => undefined };
    expect((await createPipeAction(ctx, 'pipe', params)).ok).toBe(true);
  }

  it.each([
    // step, what the learner did, the region the lab runs in, what the check should offer
    ['create-stream', 'wrong region', async () => script('s1-region', 'us-west-2', 0), 's1-region', 'us-east-1', { type: 'switch-region', region: 'us-west-2' }],
    ['create-stream', 'typo', async () => script('s1_typo', 'eu-north-1', 0), 's1-typo', 'eu-north-1', { type: 'switch-stream', stream: 's1_typo' }],
    // The Why of issue 10: input-stream in both regions, the learner's lab1.py sent 509 records to us-west-2.
    ['put-record', 'wrong region', async () => { await script('s2-region', 'us-east-1', 0); await script('s2-region', 'us-west-2', 509); }, 's2-region', 'us-east-1', { type: 'switch-region', region: 'us-west-2' }],
    ['put-record', 'typo', async () => { await script('s2-typo', 'eu-west-3', 0); await script('s2_typo', 'eu-west-3', 12); }, 's2-typo', 'eu-west-3', { type: 'switch-stream', stream: 's2_typo' }],
    ['put-records', 'wrong region', async () => { await script('s3-region', 'us-east-1', 0); await script('s3-region', 'ca-central-1', 500); }, 's3-region', 'us-east-1', { type: 'switch-region', region: 'ca-central-1' }],
    ['put-records', 'typo', async () => { await script('s3-typo', 'eu-south-1', 0); await script('s3_typo', 'eu-south-1', 500); }, 's3-typo', 'eu-south-1', { type: 'switch-stream', stream: 's3_typo' }],
    ['metrics', 'wrong region', async () => { await script('s4-region', 'us-east-1', 0); await script('s4-region', 'ap-south-1', 300); }, 's4-region', 'us-east-1', { type: 'switch-region', region: 'ap-south-1' }],
    ['metrics', 'typo', async () => { await script('s4-typo', 'sa-east-1', 0); await script('s4_typo', 'sa-east-1', 300); }, 's4-typo', 'sa-east-1', { type: 'switch-stream', stream: 's4_typo' }],
    ['pipe', 'wrong region', async () => { await script('s5-region', 'us-east-1', 3); await script('s5-region', 'eu-central-1', 3); await pipe('s5-region', 'eu-central-1'); }, 's5-region', 'us-east-1', { type: 'switch-region', region: 'eu-central-1' }],
  ] as const)('step %s, %s: the check finds it elsewhere and f switches there', async (step, _case, arrange, stream, region, offered) => {
    await arrange();
    // CloudWatch shows a minute once it has ended (the sandbox's delay is 0 here).
    await sleep(61_000);
    const r = runner(stream, region);
    const first = await check(r, step);
    expect(first?.outcome, JSON.stringify(first?.summary)).not.toBe('passed');
    expect(first?.autoFix).toEqual(offered);
    expect(r.offeredFix()).toEqual(offered);
    const after = await fix(r, step);
    expect(after?.outcome, JSON.stringify(after?.summary)).toBe('passed');
  }, 60_000);

  it('step pipe, typo: a pipe under another name here is named, and d makes the lab\'s own', async () => {
    await script('s5-typo', 'ap-northeast-3', 3);
    await pipe('s5-typo', 'ap-northeast-3', { pipeName: 's5_typo-pipe' });
    const r = runner('s5-typo', 'ap-northeast-3');
    const first = await check(r, 'pipe');
    expect(first).toMatchObject({ outcome: 'failed', errorKind: 'pipe-similar-name', summary: { en: 'There is no pipe named s5-typo-pipe in ap-northeast-3, but there is one named "s5_typo-pipe".' } });
    r.dispatch({ type: 'choose-mode', mode: 'auto', at: now });
    await r.idle();
    expect(r.current.state.steps.pipe?.lastResult?.outcome).toBe('passed');
  }, 60_000);

  it('looking in every other region makes only read-only calls (the engine allocates nothing for them)', async () => {
    await script('s-cheap', 'us-east-1', 0);
    const calls: { operation: string; region: string }[] = [];
    // Only the lab's own calls: pipes made by other cases keep delivering meanwhile.
    const stop = sandbox.onKinesisCall((call) => {
      if (call.streamName === undefined || call.streamName === 's-cheap') calls.push({ operation: call.operation, region: call.region });
    });
    const r = runner('s-cheap', 'us-east-1');
    for (const step of ['put-record', 'put-records', 'metrics', 'pipe']) expect((await check(r, step))?.outcome).not.toBe('passed');
    stop();
    expect(new Set(calls.filter((c) => c.region !== 'us-east-1').map((c) => c.region)).size).toBeGreaterThan(20);
    expect([...new Set(calls.map((c) => c.operation))].sort()).toEqual(['DescribeStreamSummary', 'GetRecords', 'GetShardIterator', 'ListShards', 'ListStreams']);
  }, 60_000);
});
