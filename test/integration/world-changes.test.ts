/**
 * Issue 10: no state of the progress file can leave a step with no way forward. A learner completes
 * the lab on a sandbox with a data folder; then the world changes under the saved progress — the
 * sandbox restarts, the stream is deleted and created again, the lab points at another endpoint, the
 * data folder is wiped — and each step, opened and checked against the world as it is now, passes
 * after at most one "do it for me". Records sent to a stream that no longer exists never count, and
 * the check says so in one line.
 *
 * Time: the lab's clock starts at the wall clock and moves ahead with every wait the lab makes (its
 * sleeps also pause a little for real, so the sandbox's pipes, which run on the wall clock, deliver).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_KINDS } from '../../src/actions/action-registry.js';
import { CHECKS, CHECK_KINDS } from '../../src/checks/check-registry.js';
import type { CheckResult } from '../../src/engine/check-result.js';
import { buildLabContext, type ReadySettings } from '../../src/cli/build-lab-context.js';
import type { Lab } from '../../src/content/lab-model.js';
import { loadLab } from '../../src/content/load-lab.js';
import { labDir } from '../../src/content/locate-labs.js';
import { emptyLedger, type SessionLedger } from '../../src/engine/session-ledger.js';
import { initialState, type LabState } from '../../src/engine/step-state.js';
import { LabRunner } from '../../src/runner/lab-runner.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';
import { PANEL_KINDS } from '../../src/ui/panels/panel-registry.js';

const STEPS = ['create-stream', 'put-record', 'put-records', 'metrics', 'pipe'] as const;
const SCENARIOS = ['sandbox restarted', 'stream recreated', 'different endpoint', 'data folder wiped'] as const;
type Scenario = (typeof SCENARIOS)[number];

let now = Date.now();
const clock = () => now;
const sleep = async (ms: number) => {
  now += ms;
  await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 100)));
};

describe('every step has a way forward whatever happened to the world since it passed', () => {
  let lab: Lab;
  let home: string;
  let completedData: string;
  let saved: { state: LabState; ledger: SessionLedger };
  const running: Sandbox[] = [];

  // The sandbox runs on this test's clock, which only the lab's own sleeps move: AWS's per-second
  // write limits would see step 3's whole run and step 5's probes in one second. Throttling has its
  // own tests (test/sandbox/kinesis-limits.test.ts, test/integration/add-shards-fix.test.ts).
  function start(dataDir?: string): Promise<Sandbox> {
    return startLabSandbox({ port: 0, createStreamMs: 0, deleteStreamMs: 0, metricsDelayMs: 0, pipeCreatingMs: 50, clock, limits: 'off', ...(dataDir ? { dataDir } : {}) }).then((box) => {
      running.push(box);
      return box;
    });
  }

  /** The lab on this sandbox: the embedded sandbox's world (`sandbox`) unless `ownWorld`, then the endpoint's. */
  function runnerOn(box: Sandbox, initial: { state: LabState; ledger: SessionLedger }, ownWorld = false): LabRunner {
    const settings: ReadySettings = { lang: 'en', stream: 'input-stream', target: 'sandbox', embeddedSandbox: !ownWorld, region: 'us-east-1', regionSource: 'flag', endpoint: box.url, cloudwatchEndpoint: box.url, pipesEndpoint: box.url, iamEndpoint: box.url, logsEndpoint: box.url };
    let ledger = initial.ledger;
    const context = { ...buildLabContext(settings, lab.id, () => ledger, 0), clock, sleep };
    return new LabRunner({
      lab,
      context,
      checks: CHECKS,
      actions: ACTIONS,
      initial,
      save: (file) => {
        ledger = file.ledger;
        return Promise.resolve(undefined);
      },
      clock,
    });
  }

  async function run(runner: LabRunner, step: string, how: 'check' | 'do'): Promise<CheckResult | undefined> {
    runner.dispatch({ type: 'open-step', step, at: now });
    runner.dispatch(how === 'do' ? { type: 'choose-mode', mode: 'auto', at: now } : { type: 'check-requested', at: now });
    await runner.idle();
    return runner.current.state.steps[step]?.lastResult;
  }

  beforeAll(async () => {
    lab = await loadLab(labDir('kinesis-data-streams'), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS, panelKinds: PANEL_KINDS });
    home = await mkdtemp(join(tmpdir(), 'kl-worlds-'));
    completedData = join(home, 'completed');
    const box = await start(completedData);
    const runner = runnerOn(box, { state: initialState(lab.id, [...STEPS]), ledger: emptyLedger() });
    for (const step of STEPS) expect((await run(runner, step, 'do'))?.outcome, step).toBe('passed');
    saved = { state: runner.current.state, ledger: runner.current.ledger };
    await box.stop();
  }, 120_000);

  afterAll(async () => {
    for (const box of running) await box.stop().catch(() => undefined);
    await rm(home, { recursive: true, force: true });
  });

  /** The world after the change, and the lab pointed at it with the progress saved before. */
  async function changed(scenario: Scenario, name: string): Promise<LabRunner> {
    const dir = join(home, name);
    if (scenario === 'different endpoint') return runnerOn(await start(), saved, true);
    if (scenario !== 'data folder wiped') await cp(completedData, dir, { recursive: true });
    const box = await start(dir);
    const runner = runnerOn(box, saved);
    if (scenario === 'stream recreated') {
      const kinesis = runner.context.kinesis;
      await kinesis.deleteStream('input-stream');
      await sleep(10);
      await kinesis.createStream('input-stream', { mode: 'PROVISIONED', shardCount: 1 });
      while ((await kinesis.describeStreamSummary('input-stream')).status !== 'ACTIVE') await sleep(10);
    }
    return runner;
  }

  const cases = SCENARIOS.flatMap((scenario) => STEPS.map((step) => [scenario, step] as const));
  it.each(cases)('%s, then step %s: a check, then at most one d, passes', async (scenario, step) => {
    const runner = await changed(scenario, `${scenario}-${step}`.replace(/ /g, '-'));
    const checked = await run(runner, step, 'check');
    // A pipe made before its source stream was created again reads shards that are gone: said, and d remakes it.
    if (scenario === 'stream recreated' && step === 'pipe') {
      expect(checked?.errorKind, JSON.stringify(checked?.summary)).toBe('pipe-source-recreated');
      expect(checked?.summary.en).toMatch(/^Pipe input-stream-pipe was made at .*, before input-stream was created again at .*: it reads the old stream's shards, which are gone\.$/);
    }
    if (checked?.outcome === 'passed') return;
    // The records of steps 2–4 went to a stream that is not this one: the check says so in one line.
    if (scenario !== 'sandbox restarted' && (step === 'put-record' || step === 'put-records' || step === 'metrics')) {
      expect(checked?.evidence[0]?.en, JSON.stringify(checked?.summary)).toMatch(/^The \d+ record\(s\) sent earlier \(.*\) went to (an older input-stream, deleted since|input-stream, which is not there any more)/);
    }
    const done = await run(runner, step, 'do');
    expect(done, JSON.stringify(checked?.summary)).toMatchObject({ outcome: 'passed' });
  }, 60_000);
});
