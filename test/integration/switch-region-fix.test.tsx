import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_KINDS } from '../../src/actions/action-registry.js';
import { CHECKS, CHECK_KINDS } from '../../src/checks/check-registry.js';
import { buildLabContext, type ReadySettings } from '../../src/cli/build-lab-context.js';
import type { Lab } from '../../src/content/lab-model.js';
import { loadLab } from '../../src/content/load-lab.js';
import { labDir } from '../../src/content/locate-labs.js';
import type { ProgressFile } from '../../src/engine/progress-codec.js';
import { emptyLedger } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import { LabRunner } from '../../src/runner/lab-runner.js';
import { LabApp } from '../../src/ui/LabApp.js';
import { RunnerServicesProvider } from '../../src/ui/RunnerServicesProvider.js';
import { frameShows } from '../fixtures/frame-shows.js';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';

/** Real SDK calls against the sandbox stand between the key and the screen. */
const SCREEN_MS = 20_000;


/**
 * The workshop's most common failure, end to end on the sandbox through the real SDK: the stream and
 * its records are in us-east-1, the lab was opened in eu-west-1. Step 2's check offers to switch
 * region; f switches (the composition root's buildLabContext for us-east-1) and the check passes there.
 */
describe('switch-region fix on the sandbox', () => {
  let box: TestSandbox;
  let lab: Lab;

  beforeAll(async () => {
    box = await startTestSandbox();
    lab = await loadLab(labDir('kinesis-data-streams'), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS, panelKinds: new Set(['metrics', 'pipe']) });
    const east = box.kinesis('us-east-1');
    await east.createStream('input-stream', { mode: 'PROVISIONED', shardCount: 1 });
    await box.waitForActive('input-stream', 'us-east-1');
    const trip = (i: number) => new TextEncoder().encode(JSON.stringify({ id: `trip-${i}`, fare: 10 + i }));
    await east.putRecords('input-stream', [1, 2, 3].map((i) => ({ partitionKey: `k${i}`, data: trip(i) })));
  });
  afterAll(() => box.stop());

  it('step 2 fails in eu-west-1 offering us-east-1; f switches, the check passes there and the header says so', async () => {
    const settings: ReadySettings = { lang: 'en', stream: 'input-stream', target: 'sandbox', embeddedSandbox: false, region: 'eu-west-1', regionSource: 'flag', endpoint: box.sandbox.url };
    const saves: Omit<ProgressFile, 'savedAt' | 'formatVersion'>[] = [];
    const runner = new LabRunner({
      lab,
      context: buildLabContext(settings, lab.id),
      checks: CHECKS,
      actions: ACTIONS,
      initial: { state: initialState(lab.id, lab.steps.map((s) => s.id), lab.steps.filter((s) => s.comingNext).map((s) => s.id)), ledger: emptyLedger() },
      save: async (file) => void saves.push(file),
      clock: Date.now,
      retarget: (target) => buildLabContext({ ...settings, stream: target.stream, region: target.region }, lab.id),
    });
    const app = render(
      <RunnerServicesProvider runner={runner}>
        <LabApp
          lab={lab}
          runner={runner}
          info={{ target: 'sandbox', endpoint: box.sandbox.url, region: 'eu-west-1', regionSource: 'flag', stream: 'input-stream', notices: [] }}
          initialLang="en"
          codeFor={() => undefined}
          onQuit={() => undefined}
        />
      </RunnerServicesProvider>,
    );
    try {
      expect(await frameShows(app, 'region eu-west-1 (--region)', SCREEN_MS)).toContain('region eu-west-1 (--region)');
      app.stdin.write('2');
      await frameShows(app, 'PutRecord writes one record per HTTP request.', SCREEN_MS);
      app.stdin.write('c');
      const failed = await frameShows(app, 'f apply the fix', SCREEN_MS);
      expect(failed).toContain('There is no stream named "input-stream" in');
      expect(failed).toContain('f switches this lab from region eu-west-1 to us-east-1 (stream input-stream)');
      expect(runner.current.state.steps['put-record']?.lastResult).toMatchObject({ errorKind: 'stream-not-found', autoFix: { type: 'switch-region', region: 'us-east-1' } });

      app.stdin.write('f');
      const passed = await frameShows(app, '✔ Check passed', SCREEN_MS);
      expect(passed).toContain('region us-east-1 (switched by a fix)');
      expect(passed).toContain('JSON records: 3');
      expect(passed).toContain('The lab now uses region us-east-1 (was eu-west-1).');
      expect(runner.context.region).toBe('us-east-1');
      expect(runner.current.state.steps['put-record']).toMatchObject({ status: 'passed', attempts: 2 });
      expect(saves.at(-1)?.settings).toEqual({ stream: 'input-stream', region: 'us-east-1', regionSwitched: true });
    } finally {
      app.unmount();
    }
  }, 60_000);
});
