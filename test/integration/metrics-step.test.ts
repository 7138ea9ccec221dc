/**
 * Step 4 through LabRunner, the real adapters and SDK clients, on an in-process lab sandbox whose
 * clock the test moves: "do it for me" sends a sample and waits (the runner's sleeps move the clock)
 * until the sandbox's CloudWatch has counted it, then the check passes; a check before the minute ends
 * says the records are on their way; records sent to another region or another stream name are found there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_KINDS } from '../../src/actions/action-registry.js';
import { createKinesisAdapter } from '../../src/aws/kinesis-adapter.js';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { CHECKS, CHECK_KINDS } from '../../src/checks/check-registry.js';
import type { LabContext } from '../../src/checks/check-context.js';
import { buildLabContext, type ReadySettings } from '../../src/cli/build-lab-context.js';
import type { Lab } from '../../src/content/lab-model.js';
import { loadLab } from '../../src/content/load-lab.js';
import { labDir } from '../../src/content/locate-labs.js';
import { emptyLedger } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import { LabRunner } from '../../src/runner/lab-runner.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../src/sandbox/sandbox-types.js';
import { PANEL_KINDS } from '../../src/ui/panels/panel-registry.js';

const T0 = Date.UTC(2026, 10, 22, 4, 0, 10); // 10 s into a minute

describe('step 4 on the sandbox through the real SDK', () => {
  let sandbox: Sandbox;
  let lab: Lab;
  let now = T0;
  const clock = () => now;

  beforeAll(async () => {
    sandbox = await startLabSandbox({ port: 0, createStreamMs: 0, metricsDelayMs: 0, clock, kinesisClock: clock });
    lab = await loadLab(labDir('kinesis-data-streams'), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS, panelKinds: PANEL_KINDS });
  });
  afterAll(() => sandbox.stop());

  function settings(stream: string, region: string): ReadySettings {
    return { lang: 'en', stream, target: 'sandbox', embeddedSandbox: false, region, regionSource: 'flag', endpoint: sandbox.url, cloudwatchEndpoint: sandbox.url };
  }

  function port(region: string) {
    return createKinesisAdapter(createKinesisClient({ region, endpoint: sandbox.url, credentials: { ...SANDBOX_CREDENTIALS } }, { maxAttempts: 1 }), { pageIntervalMs: 0 });
  }

  function runnerFor(stream: string, region = 'us-east-1', overrides: Partial<LabContext> = {}) {
    let ledger = emptyLedger();
    // Waiting moves the test's clock instead of the wall clock's.
    const sleep = (ms: number) => {
      now += ms;
      return Promise.resolve();
    };
    const context = { ...buildLabContext(settings(stream, region), lab.id, () => ledger, 0), clock, sleep, ...overrides };
    const order = lab.steps.map((s) => s.id);
    const runner = new LabRunner({
      lab,
      context,
      checks: CHECKS,
      actions: ACTIONS,
      initial: { state: initialState(lab.id, order, lab.steps.filter((s) => s.comingNext).map((s) => s.id)), ledger },
      save: async (file) => {
        ledger = file.ledger;
        return undefined;
      },
      clock,
    });
    return runner;
  }

  async function check(runner: LabRunner) {
    if (runner.current.state.current !== 'metrics') {
      runner.dispatch({ type: 'open-step', step: 'metrics', at: now });
      runner.dispatch({ type: 'choose-mode', mode: 'manual', at: now });
    }
    runner.dispatch({ type: 'check-requested', at: now });
    await runner.idle();
    return runner.current.state.steps.metrics?.lastResult;
  }

  it('sends a sample for the learner, waits until CloudWatch counts it, and the check passes', async () => {
    await port('us-east-1').createStream('taxi-metrics', { mode: 'PROVISIONED', shardCount: 1 });
    const runner = runnerFor('taxi-metrics');
    const waits: number[] = [];
    runner.subscribe((view) => {
      if (view.metricsWait && view.metricsWait.counted !== waits.at(-1)) waits.push(view.metricsWait.counted);
    });
    runner.dispatch({ type: 'open-step', step: 'metrics', at: now });
    runner.dispatch({ type: 'choose-mode', mode: 'auto', at: now });
    await runner.idle();
    expect(runner.current.ledger.runs.map((r) => [r.api, r.sent, r.failed, r.purpose])).toEqual([
      ['put-record', 100, 0, 'metrics-sample'],
      ['put-records', 500, 0, 'metrics-sample'],
    ]);
    // Nothing while the minute 04:00 ran; everything once it ended (the sandbox's delay is 0).
    expect(waits).toEqual([0, 600]);
    expect(now).toBe(T0 + 50_000);
    expect(runner.current.notes.at(-1)?.en).toBe('CloudWatch counted all 600 record(s).');
    const result = runner.current.state.steps.metrics?.lastResult;
    expect(result).toMatchObject({ outcome: 'passed', summary: { en: 'CloudWatch counted all 600 record(s) this session sent to taxi-metrics.' } });
    expect(result?.evidence[1]?.en).toBe(
      'GetMetricData, AWS/Kinesis, StreamName=taxi-metrics, 60 s, Sum, 04:00:10 UTC–04:01:00 UTC: PutRecord.Success 100, PutRecords.SuccessfulRecords 500, IncomingRecords 600.',
    );

    // Pressing d again sends nothing more: the records are already there to be counted.
    runner.dispatch({ type: 'reset-step', step: 'metrics', at: now });
    runner.dispatch({ type: 'open-step', step: 'metrics', at: now });
    runner.dispatch({ type: 'choose-mode', mode: 'auto', at: now });
    await runner.idle();
    expect(runner.current.ledger.runs).toHaveLength(2);
    expect(runner.current.notes[0]?.en).toBe('This session already sent 600 record(s) to taxi-metrics, the last 1 min ago; nothing more to send. The chart fills as CloudWatch publishes them.');
    expect(runner.current.state.steps.metrics?.status).toBe('passed');
  });

  it('says the records are on their way while their minute has not ended', async () => {
    now = T0 + 5 * 60_000 + 10_000;
    await port('us-east-1').createStream('early-metrics', { mode: 'PROVISIONED', shardCount: 1 });
    await port('us-east-1').putRecord('early-metrics', { partitionKey: 'k', data: new TextEncoder().encode('{"a":1}') });
    const runner = runnerFor('early-metrics');
    runner.dispatch({ type: 'open-step', step: 'put-record', at: now });
    runner.dispatch({ type: 'choose-mode', mode: 'auto', at: now });
    await runner.idle();
    const early = await check(runner);
    expect(early).toMatchObject({ outcome: 'failed', errorKind: 'metrics-delay' });
    expect(early?.summary.en).toBe('CloudWatch has not counted the 200 record(s) yet: they are still on their way.');
    expect(early?.fix?.en).toMatch(/Expect the data by about 04:06:00 UTC \(in about \d+ s\), then check again \(c\)\.$/);
  });

  it('finds records a script sent to the same stream name in another region', async () => {
    now = T0 + 10 * 60_000;
    await port('eu-west-1').createStream('lost-region', { mode: 'PROVISIONED', shardCount: 1 });
    await port('eu-west-1').putRecord('lost-region', { partitionKey: 'k', data: new TextEncoder().encode('{"a":1}') });
    now += 60_000;
    const result = await check(runnerFor('lost-region', 'us-east-1'));
    expect(result).toMatchObject({ outcome: 'failed', errorKind: 'metrics-wrong-region' });
    expect(result?.summary.en).toBe('No put metrics for lost-region in us-east-1, but CloudWatch has them for a stream of that name in eu-west-1.');
  });

  it('finds records a script sent under a similar stream name', async () => {
    now = T0 + 20 * 60_000;
    await port('ap-northeast-2').createStream('input_stream', { mode: 'PROVISIONED', shardCount: 1 });
    await port('ap-northeast-2').putRecords('input_stream', [{ partitionKey: 'k', data: new TextEncoder().encode('{"a":1}') }]);
    now += 60_000;
    const result = await check(runnerFor('input-stream', 'ap-northeast-2'));
    expect(result).toMatchObject({ outcome: 'failed', errorKind: 'metrics-wrong-stream' });
    expect(result?.fix?.en).toBe('Your script probably wrote to "input_stream". Press f to switch the lab to that stream, or use StreamName "input-stream" in your script.');
    expect(result?.autoFix).toEqual({ type: 'switch-stream', stream: 'input_stream' });
  });

  it('passes for any put a learner\'s own script made, once visible', async () => {
    now = T0 + 30 * 60_000;
    await port('us-west-2').createStream('own-metrics', { mode: 'PROVISIONED', shardCount: 1 });
    await port('us-west-2').putRecord('own-metrics', { partitionKey: 'k', data: new TextEncoder().encode('{"a":1}') });
    const runner = runnerFor('own-metrics', 'us-west-2');
    expect(await check(runner)).toMatchObject({ outcome: 'failed', errorKind: 'metrics-nothing-sent' });
    now += 60_000;
    expect(await check(runner)).toMatchObject({ outcome: 'passed', summary: { en: 'CloudWatch counted 1 record(s) put into own-metrics in the last 180 minutes.' } });
  });

  it('waits for CloudWatch only as long as it can be late: when the data never comes, d ends and the check says why', async () => {
    now = T0 + 60 * 60_000;
    await port('sa-east-1').createStream('never-counted', { mode: 'PROVISIONED', shardCount: 1 });
    const real = buildLabContext(settings('never-counted', 'sa-east-1'), lab.id, emptyLedger, 0).cloudwatch;
    // A CloudWatch that answers but never shows a data point (metrics read from the wrong place).
    const empty: LabContext['cloudwatch'] = { ...real, read: (stream, start, end) => real.read(`${stream}-elsewhere`, start, end) };
    const runner = runnerFor('never-counted', 'sa-east-1', { cloudwatch: empty });
    runner.dispatch({ type: 'open-step', step: 'metrics', at: now });
    runner.dispatch({ type: 'choose-mode', mode: 'auto', at: now });
    await runner.idle();
    // One sample, one wait until CloudWatch could be no later (the minute's end and 15 s), then the check.
    expect(runner.current.ledger.runs.map((r) => r.api)).toEqual(['put-record', 'put-records']);
    expect(runner.current.notes.map((n) => n.en).filter((n) => !n.startsWith('Sent '))).toEqual(['The wait ended with 0 of 600 record(s) counted by CloudWatch.']);
    expect(now).toBe(T0 + 61 * 60_000 + 5_000); // 05:01:15, T0 being 10 s into its minute
    expect(runner.current.state.steps.metrics?.lastResult).toMatchObject({ outcome: 'failed', errorKind: 'metrics-empty' });
  });
});
