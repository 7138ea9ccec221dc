import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_KINDS } from '../../src/actions/action-registry.js';
import { CHECKS, CHECK_KINDS } from '../../src/checks/check-registry.js';
import type { Lab } from '../../src/content/lab-model.js';
import { loadLab } from '../../src/content/load-lab.js';
import { labDir } from '../../src/content/locate-labs.js';
import { buildLabContext, type ReadySettings } from '../../src/cli/build-lab-context.js';
import { emptyLedger } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import { LabRunner } from '../../src/runner/lab-runner.js';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';

/** Steps 1–3 as the TUI runs them: LabRunner over the real adapters and SDK clients, on an in-process sandbox. */
describe('steps 1–3 on the sandbox through the real SDK', () => {
  let box: TestSandbox;
  let lab: Lab;
  const saves: unknown[] = [];

  beforeAll(async () => {
    box = await startTestSandbox({ createStreamMs: 300 });
    lab = await loadLab(labDir('kinesis-data-streams'), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS, panelKinds: new Set(['metrics', 'pipe']) });
  });
  afterAll(() => box.stop());

  function runnerFor(stream: string, region = 'us-east-1') {
    const settings: ReadySettings = { lang: 'en', stream, target: 'sandbox', embeddedSandbox: false, region, regionSource: 'flag', endpoint: box.sandbox.url };
    const order = lab.steps.map((s) => s.id);
    return new LabRunner({
      lab,
      context: buildLabContext(settings, lab.id),
      checks: CHECKS,
      actions: ACTIONS,
      initial: { state: initialState(lab.id, order, lab.steps.filter((s) => s.comingNext).map((s) => s.id)), ledger: emptyLedger() },
      save: async (file) => void saves.push(file),
      clock: Date.now,
    });
  }

  async function doStep(runner: LabRunner, step: string) {
    runner.dispatch({ type: 'open-step', step, at: Date.now() });
    runner.dispatch({ type: 'choose-mode', mode: 'auto', at: Date.now() });
    await runner.idle();
    return runner.current.state.steps[step];
  }

  it('does each step for the learner and each check passes on the real state', async () => {
    const runner = runnerFor('taxi-trips');
    const statuses: string[] = [];
    runner.subscribe((v) => {
      const s = v.streamStatus?.status;
      if (s && statuses.at(-1) !== s) statuses.push(s);
    });
    const created = await doStep(runner, 'create-stream');
    expect(created).toMatchObject({ status: 'passed', lastResult: { outcome: 'passed' } });
    expect(statuses).toEqual(['CREATING', 'ACTIVE']);

    const one = await doStep(runner, 'put-record');
    expect(one?.status).toBe('passed');
    expect(runner.current.producer).toMatchObject({ api: 'put-record', sent: 200, failed: 0 });
    expect(one?.lastResult?.evidence.map((e) => e.en)).toContain('JSON records: 200 · taxi trips among them: 200');

    const many = await doStep(runner, 'put-records');
    expect(many?.status).toBe('passed');
    expect(runner.current.ledger.runs.map((r) => [r.api, r.sent, r.failed])).toEqual([
      ['put-record', 200, 0],
      ['put-records', 5000, 0],
    ]);
    const records = await box.kinesis().readStream('taxi-trips');
    expect(records).toHaveLength(5200);
    // Step 4 (metrics, its own test in metrics-step.test.ts) is still ahead.
    expect(runner.current.completed).toBe(false);
  });

  it('passes step 2 for records a learner sent with their own code, and says when they are not trips', async () => {
    const port = box.kinesis();
    await port.createStream('own-script', { mode: 'PROVISIONED', shardCount: 2 });
    await box.waitForActive('own-script');
    await port.putRecords('own-script', [1, 2, 3].map((i) => ({ partitionKey: `k${i}`, data: new TextEncoder().encode(JSON.stringify({ sensor: i, temp: 20 + i })) })));
    const runner = runnerFor('own-script');
    runner.dispatch({ type: 'open-step', step: 'put-record', at: Date.now() });
    runner.dispatch({ type: 'choose-mode', mode: 'manual', at: Date.now() });
    runner.dispatch({ type: 'check-requested', at: Date.now() });
    await runner.idle();
    const result = runner.current.state.steps['put-record']?.lastResult;
    expect(result?.outcome).toBe('passed');
    expect(result?.summary.en).toBe('3 JSON record(s) are in own-script.');
    expect(result?.evidence.map((e) => e.en)).toContain('These records do not look like taxi trips (fields: sensor, temp). That is fine: any JSON record counts.');
  });

  it('creates an on-demand stream when the learner asked for one', async () => {
    const settings: ReadySettings = { lang: 'en', stream: 'on-demand-trips', target: 'sandbox', embeddedSandbox: false, region: 'us-east-1', regionSource: 'flag', endpoint: box.sandbox.url, streamShape: { mode: 'ON_DEMAND' } };
    const order = lab.steps.map((s) => s.id);
    const runner = new LabRunner({ lab, context: buildLabContext(settings, lab.id), checks: CHECKS, actions: ACTIONS, initial: { state: initialState(lab.id, order, []), ledger: emptyLedger() }, save: async () => undefined, clock: Date.now });
    const created = await doStep(runner, 'create-stream');
    expect(created?.status).toBe('passed');
    expect(created?.lastResult?.evidence.map((e) => e.en)).toContain('Capacity mode: on-demand · open shards: 4');
  });

  it('fails step 1 in the wrong region and names the region where the stream is', async () => {
    const runner = runnerFor('taxi-trips', 'eu-west-1');
    runner.dispatch({ type: 'check-requested', at: Date.now() });
    await runner.idle();
    const result = runner.current.state.steps['create-stream']?.lastResult;
    expect(result).toMatchObject({ outcome: 'error', errorKind: expect.stringMatching(/not-found|other-region/) });
    expect(result?.fix?.en).toContain('us-east-1');
  });
});
