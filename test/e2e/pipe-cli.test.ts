/**
 * Step 5 through the built CLI against a sandbox endpoint with Pipes and IAM (the learner's
 * sandbox, in this process): check before the pipe exists, solve, then check in a new process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';
import { jsonLines, runCli, tempHome } from './cli-helpers.js';

describe('built CLI: step 5 (pipe) against a sandbox endpoint', () => {
  let sandbox: Sandbox;
  let env: Record<string, string>;
  const stream = 'e2e-pipe';

  beforeAll(async () => {
    sandbox = await startLabSandbox({ createStreamMs: 50, pipeCreatingMs: 300 });
    env = { KINESIS_LAB_HOME: await tempHome(), AWS_ENDPOINT_URL: sandbox.url, AWS_REGION: 'ap-northeast-2' };
    const created = await runCli(['solve', 'create-stream', '--stream', stream], env);
    expect(created.code).toBe(0);
  });
  afterAll(() => sandbox.stop());

  it('fails check pipe --json with the fix before there is a pipe', async () => {
    const run = await runCli(['check', 'pipe', '--json', '--stream', stream], env);
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout)).toEqual([
      expect.objectContaining({ step: 'pipe', ok: false, summary: 'There is no pipe named e2e-pipe-pipe in ap-northeast-2.' }),
    ]);
  });

  it('solve pipe creates target, role and pipe and passes; check pipe --json passes in a new process', async () => {
    const solved = await runCli(['solve', 'pipe', '--stream', stream], env);
    expect(solved.code, solved.stderr).toBe(0);
    expect(solved.stdout).toContain('Created pipe e2e-pipe-pipe: e2e-pipe → e2e-pipe-pipe-target, TRIM_HORIZON, batches of up to 100 or 1 s.');
    expect(solved.stdout).toContain('PASS pipe: Pipe e2e-pipe-pipe is RUNNING and delivers e2e-pipe → e2e-pipe-pipe-target, in order.');
    const checked = await runCli(['check', 'pipe', '--json', '--stream', stream], env);
    expect(checked.code).toBe(0);
    const [line] = jsonLines(checked.stdout);
    expect(line).toMatchObject({ step: 'pipe', ok: true });
    expect(line!.evidence).toEqual(expect.arrayContaining([expect.stringMatching(/^Source: arn:aws:kinesis:ap-northeast-2:000000000000:stream\/e2e-pipe → target: arn:aws:kinesis:ap-northeast-2:000000000000:stream\/e2e-pipe-pipe-target$/)]));
  });
});
