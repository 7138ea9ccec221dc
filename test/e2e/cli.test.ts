import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';
import { CLI_COMMAND, jsonLines, runCli, tempHome } from './cli-helpers.js';

describe('built CLI: contract', () => {
  it('prints its version and help', async () => {
    const version = await runCli(['--version']);
    expect(version).toMatchObject({ code: 0, stderr: '' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await runCli(['check', '--help', '--lang', 'ko']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`${CLI_COMMAND} check [STEP…] [--json]`);
    expect(help.stdout).toContain('종료 코드');
  });

  it.each([
    [['--bogus'], `kinesis-lab: unknown option --bogus for kinesis-lab (run ${CLI_COMMAND} --help)`],
    [['check', 'nope'], 'kinesis-lab: unknown step "nope" (steps: create-stream, put-record, put-records, metrics, pipe)'],
    [['produce', '--count', 'many', '--sandbox'], 'kinesis-lab: --count: '],
    [['check', '--endpoint-url', 'localhost:4567'], 'kinesis-lab: --endpoint-url "localhost:4567" must start with http:// or https://'],
    [['check', '--region', 'seoul'], 'kinesis-lab: --region: Region "seoul" is a place name; the code of Asia Pacific (Seoul) is "ap-northeast-2".'],
  ])('rejects %j with exit 2, one line, no stack', async (args, start) => {
    const run = await runCli(args, { KINESIS_LAB_HOME: await tempHome() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(start)).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('asks for a region instead of guessing when none is set and no terminal can answer', async () => {
    const run = await runCli(['check', '--json'], { KINESIS_LAB_HOME: await tempHome() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no AWS region: pass --region, or set AWS_REGION');
  });
});

describe('built CLI: steps 1–3 against a sandbox endpoint', () => {
  let box: TestSandbox;
  let home: string;
  const stream = 'e2e-stream';
  let env: Record<string, string>;

  beforeAll(async () => {
    box = await startTestSandbox();
    home = await tempHome();
    env = { KINESIS_LAB_HOME: home, AWS_ENDPOINT_URL: box.sandbox.url, AWS_REGION: 'ap-northeast-2' };
  });
  afterAll(() => box.stop());

  it('fails create-stream with a diagnosis before the stream exists', async () => {
    const run = await runCli(['check', 'create-stream', '--json', '--stream', stream], env);
    expect(run.code).toBe(1);
    const [line] = jsonLines(run.stdout);
    expect(line).toMatchObject({ step: 'create-stream', ok: false });
    // The contract's five keys, in order; `autoFix` follows only when a diagnosis offers one.
    expect(Object.keys(line!).slice(0, 5)).toEqual(['step', 'ok', 'summary', 'evidence', 'fix']);
    expect(Object.keys(line!).slice(5)).toEqual(line!.autoFix === undefined ? [] : ['autoFix']);
    expect(String(line!.fix)).not.toBe('');
  });

  it('solves create-stream, then checks it in a new process', async () => {
    const solved = await runCli(['solve', 'create-stream', '--json', '--stream', stream], env);
    expect(solved.code).toBe(0);
    expect(jsonLines(solved.stdout)).toEqual([expect.objectContaining({ step: 'create-stream', ok: true })]);
    const checked = await runCli(['check', 'create-stream', '--stream', stream], env);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`PASS create-stream: Stream ${stream} is ACTIVE in ap-northeast-2.`);
  });

  it('produces with PutRecord and PutRecords, ending with one summary line each, and both checks pass', async () => {
    const one = await runCli(['produce', '--api', 'put-record', '--count', '25', '--stream', stream], env);
    expect(one.code).toBe(0);
    expect(one.stdout.trim()).toMatch(/^Sent 25 records in \d+\.\d s \(\d+ records\/s\) — 0 failed, 0 retried$/);
    const many = await runCli(['produce', '--api', 'put-records', '--count', '1200', '--json', '--stream', stream], env);
    expect(many.code).toBe(0);
    expect(jsonLines(many.stdout)).toEqual([expect.objectContaining({ api: 'put-records', sent: 1200, failed: 0 })]);
    // Step 4 needs CloudWatch, which this bare sandbox lacks; test/e2e/metrics-cli.test.ts covers it.
    const checks = await runCli(['check', 'create-stream', 'put-record', 'put-records', '--json', '--stream', stream], env);
    expect(jsonLines(checks.stdout).map((l) => [l.step, l.ok])).toEqual([
      ['create-stream', true],
      ['put-record', true],
      ['put-records', true],
    ]);
    expect(checks.code).toBe(0);
  });

  it('reproduces the workshop classic: the stream exists, but in another region', async () => {
    const run = await runCli(['check', 'put-record', '--json', '--stream', stream, '--region', 'us-west-2'], env);
    expect(run.code).toBe(1);
    const [line] = jsonLines(run.stdout);
    expect(String(line!.fix)).toContain('ap-northeast-2');
  });
});

describe('built CLI: plain lab without a terminal', () => {
  it('walks from step 1, stops at the first failing step and says which command does it', async () => {
    const run = await runCli(['--sandbox', '--lang', 'en'], { KINESIS_LAB_HOME: await tempHome() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Step 1/5: Create the data stream');
    expect(run.stdout).toContain('FAIL create-stream: ');
    expect(run.stdout).toContain(`To have kinesis-lab do this step for you: ${CLI_COMMAND} solve create-stream --sandbox --region us-east-1`);
    expect(run.stdout).toContain('Stopped at create-stream.');
    // No escape sequences in plain output: screen readers and logs get text only.
    expect(run.stdout.includes('\u001b[')).toBe(false);
  });
});
