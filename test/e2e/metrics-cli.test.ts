/**
 * Step 4 with the built CLI against an in-process lab sandbox (CloudWatch attached, delay 0): produce,
 * `check metrics --json` says the records are on their way while their minute lasts, and passes once
 * the sandbox's clock has moved past the minute's end. The sandbox clock is frozen inside one real
 * minute, so the test never waits for a real minute to end (at most for the next one to begin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';
import { CLI_COMMAND, jsonLines, runCli, tempHome } from './cli-helpers.js';

const MINUTE_MS = 60_000;

describe('built CLI: step 4 against a sandbox endpoint', () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  let frozen = 0;
  const stream = 'e2e-metrics';

  beforeAll(async () => {
    // Produce and the first check take a few seconds; start them early in a minute so all of this
    // session's records fall in the same real minute as the sandbox's frozen clock.
    const intoMinute = Date.now() % MINUTE_MS;
    if (intoMinute > 40_000) await new Promise((resolve) => setTimeout(resolve, MINUTE_MS - intoMinute + 200));
    frozen = Date.now();
    sandbox = await startLabSandbox({ port: 0, createStreamMs: 0, metricsDelayMs: 0, clock: () => frozen });
    env = { KINESIS_LAB_HOME: await tempHome(), AWS_ENDPOINT_URL: sandbox.url, AWS_REGION: 'ap-northeast-2' };
  }, 90_000);
  afterAll(() => sandbox.stop());

  it('says the records are on their way, then passes once their minute has ended', async () => {
    expect((await runCli(['solve', 'create-stream', '--stream', stream], env)).code).toBe(0);
    expect((await runCli(['produce', '--api', 'put-record', '--count', '30', '--stream', stream], env)).code).toBe(0);
    expect((await runCli(['produce', '--api', 'put-records', '--count', '200', '--json', '--stream', stream], env)).code).toBe(0);

    const early = await runCli(['check', 'metrics', '--json', '--stream', stream], env);
    expect(early.code).toBe(1);
    const [waiting] = jsonLines(early.stdout);
    expect(waiting).toMatchObject({ step: 'metrics', ok: false, summary: 'CloudWatch has not counted the 230 record(s) yet: they are still on their way.' });
    expect(String(waiting!.fix)).toContain(`(its default; ${CLI_COMMAND} sandbox --metrics-delay changes it)`);

    frozen = Math.floor(frozen / MINUTE_MS) * MINUTE_MS + MINUTE_MS; // the minute has ended; delay 0
    const late = await runCli(['check', 'metrics', '--json', '--stream', stream], env);
    const [passed] = jsonLines(late.stdout);
    expect(passed).toMatchObject({ step: 'metrics', ok: true, summary: `CloudWatch counted all 230 record(s) this session sent to ${stream}.` });
    expect((passed!.evidence as string[])[1]).toMatch(/: PutRecord\.Success 30, PutRecords\.SuccessfulRecords 200, IncomingRecords 230\.$/);
    expect(late.code).toBe(0);
  });

  it('refuses --metrics-delay without --sandbox in one line', async () => {
    const run = await runCli(['check', 'metrics', '--metrics-delay', '5s', '--stream', stream], env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`kinesis-lab: --metrics-delay sets the embedded sandbox's CloudWatch delay: use it with --sandbox, or on ${CLI_COMMAND} sandbox`);
  });
});

describe('built CLI: step 4 on the embedded sandbox, in a later process than steps 2 and 3', () => {
  it('passes: the metrics of the puts an earlier process made are still there', async () => {
    const env = { KINESIS_LAB_HOME: await tempHome() };
    const earlier = await runCli(['solve', 'create-stream', 'put-record', 'put-records', '--sandbox', '--json'], env);
    expect(jsonLines(earlier.stdout).map((line) => [line.step, line.ok])).toEqual([['create-stream', true], ['put-record', true], ['put-records', true]]);
    // The minute of the last put must have ended (the sandbox shows a minute once it is over, delay 0 here).
    await new Promise((resolve) => setTimeout(resolve, MINUTE_MS - (Date.now() % MINUTE_MS) + 1_000));
    const later = await runCli(['solve', 'metrics', '--sandbox', '--metrics-delay', '0s', '--json'], env);
    expect(jsonLines(later.stdout)).toMatchObject([{ step: 'metrics', ok: true, summary: 'CloudWatch counted all 5200 record(s) this session sent to input-stream.' }]);
    expect(later.code).toBe(0);
  });
});
