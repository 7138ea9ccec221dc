import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ListStreamsCommand, ListTagsForStreamCommand } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeProgress } from '../../src/engine/progress-codec.js';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { createIamClient } from '../../src/aws/iam-role-adapter.js';
import { createPipesClient } from '../../src/aws/pipes-adapter.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { SANDBOX_CREDENTIALS, type KinesisCallEvent, type Sandbox } from '../../src/sandbox/sandbox-types.js';
import { ListPipesCommand } from '@aws-sdk/client-pipes';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';
import { CLI, jsonLines, runCli, tempHome } from './cli-helpers.js';

/**
 * Starts the built CLI and kills it with SIGKILL (kill -9) the moment `killWhen` says so — from the
 * sandbox's own call log, so the kill lands mid-action — or when the process ends by itself.
 */
function runAndKill(args: string[], env: Record<string, string>, sandbox: Sandbox, killWhen: (call: KinesisCallEvent) => boolean): Promise<{ signal: NodeJS.Signals | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: env.KINESIS_LAB_HOME ?? '', LANG: 'C.UTF-8', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/c', ...env },
      stdio: 'ignore',
    });
    const stop = sandbox.onKinesisCall((call) => {
      if (killWhen(call)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      stop();
      resolve({ code, signal });
    });
  });
}

describe('built CLI: kill -9 at each step, then resume', () => {
  let box: TestSandbox;
  let home: string;
  let env: Record<string, string>;
  const region = 'ap-northeast-2';

  beforeAll(async () => {
    box = await startTestSandbox();
    home = await tempHome();
    env = { KINESIS_LAB_HOME: home, AWS_ENDPOINT_URL: box.sandbox.url, AWS_REGION: region };
  });
  afterAll(() => box.stop());

  /** After every kill: the progress file is whole JSON the codec accepts, and no temp file was left to confuse a reader. */
  async function progressIsWhole(): Promise<void> {
    const dir = join(home, 'progress');
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => !f.endsWith('.tmp') && !f.endsWith('.lock'));
    expect(files.filter((f) => f.includes('.corrupt-'))).toEqual([]);
    // One file for this endpoint's world, named for its host and port.
    expect(files).toEqual(files.length === 0 ? [] : [`kinesis-data-streams-sandbox-127.0.0.1-${new URL(box.sandbox.url).port}.json`]);
    for (const file of files) expect(decodeProgress(await readFile(join(dir, file), 'utf8')).ok).toBe(true);
    const report = await runCli(['report', '--json'], env);
    expect(report.stderr).toBe('');
    expect(() => {
      JSON.parse(report.stdout);
    }).not.toThrow();
  }

  /** No duplicates: exactly one stream, the lab's, tagged once. */
  async function oneLabStream(): Promise<void> {
    const client = box.client(region);
    expect((await client.send(new ListStreamsCommand({}))).StreamNames).toEqual(['input-stream']);
    // Tagged with the lab and this learner's install (owner-id in the config folder), so cleanup finds it.
    const owner = (await readFile(join(home, 'owner-id'), 'utf8')).trim();
    expect((await client.send(new ListTagsForStreamCommand({ StreamName: 'input-stream' }))).Tags).toEqual([{ Key: 'kinesis-lab', Value: `kinesis-data-streams/${owner}` }]);
  }

  it.each([
    ['create-stream', 'right after CreateStream', (c: KinesisCallEvent) => c.operation === 'CreateStream'],
    ['put-record', 'after 50 PutRecord calls', (() => { let n = 0; return (c: KinesisCallEvent) => c.operation === 'PutRecord' && ++n === 50; })()],
    ['put-records', 'after 3 PutRecords calls', (() => { let n = 0; return (c: KinesisCallEvent) => c.operation === 'PutRecords' && ++n === 3; })()],
  ])('solve %s killed %s resumes to a pass', async (step, _when, killWhen) => {
    const killed = await runAndKill(['solve', step], env, box.sandbox, killWhen);
    expect(killed.signal).toBe('SIGKILL');
    await progressIsWhole();
    const resumed = await runCli(['solve', step, '--json'], env);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(jsonLines(resumed.stdout).at(-1)).toMatchObject({ step, ok: true });
    await progressIsWhole();
    await oneLabStream();
  });

  it('produce killed mid-run leaves the progress whole, and the run after it is recorded', async () => {
    let n = 0;
    const killed = await runAndKill(['produce', '--api', 'put-records', '--count', '5000'], env, box.sandbox, (c) => c.operation === 'PutRecords' && ++n === 2);
    expect(killed.signal).toBe('SIGKILL');
    await progressIsWhole();
    const before = JSON.parse((await runCli(['report', '--json'], env)).stdout) as { recordsSent: { total: number } };
    const again = await runCli(['produce', '--api', 'put-records', '--count', '1000', '--json'], env);
    expect(again.code, again.stderr).toBe(0);
    const after = JSON.parse((await runCli(['report', '--json'], env)).stdout) as { recordsSent: { total: number }; steps: { id: string; status: string }[] };
    expect(after.recordsSent.total).toBe(before.recordsSent.total + 1000);
    expect(after.steps.map((s) => [s.id, s.status]).slice(0, 3)).toEqual([['create-stream', 'passed'], ['put-record', 'passed'], ['put-records', 'passed']]);
    await oneLabStream();
  });

  it('the lab resumes on the embedded sandbox after kill -9, with its stream kept on disk', async () => {
    const own = { KINESIS_LAB_HOME: await tempHome() };
    // Kill the process that hosts the sandbox as soon as its progress says step 1 passed.
    const child = spawn(process.execPath, [CLI, 'solve', 'create-stream', 'put-record', '--sandbox'], {
      env: { PATH: process.env.PATH ?? '', HOME: own.KINESIS_LAB_HOME, LANG: 'C.UTF-8', AWS_EC2_METADATA_DISABLED: 'true', ...own },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, signal) => resolve(signal)));
    const progress = join(own.KINESIS_LAB_HOME, 'progress', 'kinesis-data-streams-sandbox.json');
    await vi.waitFor(
      async () => {
        const text = await readFile(progress, 'utf8').catch(() => '');
        const decoded = text ? decodeProgress(text) : undefined;
        if (!(decoded?.ok && decoded.file.state.steps['create-stream']?.status === 'passed')) throw new Error(`step 1 has not passed in ${progress} yet`);
      },
      { timeout: 60_000, interval: 25 },
    );
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const resumed = await runCli(['solve', 'put-record', '--sandbox', '--json'], own);
    expect(resumed.code, resumed.stderr).toBe(0);
    const report = JSON.parse((await runCli(['report', '--sandbox', '--json'], own)).stdout) as { steps: { id: string; status: string; attempts: number }[] };
    expect(report.steps.slice(0, 2)).toMatchObject([{ id: 'create-stream', status: 'passed', attempts: 1 }, { id: 'put-record', status: 'passed' }]);
  });
});

describe('built CLI: kill -9 during steps 4 and 5 on the learners\' sandbox, then resume', () => {
  let box: Sandbox;
  let home: string;
  let env: Record<string, string>;
  const settings = () => ({ region: 'us-east-1', endpoint: box.url, credentials: { ...SANDBOX_CREDENTIALS } });

  beforeAll(async () => {
    box = await startLabSandbox({ createStreamMs: 0, deleteStreamMs: 0, pipeCreatingMs: 0, metricsDelayMs: 0 });
    home = await tempHome();
    env = { KINESIS_LAB_HOME: home, AWS_ENDPOINT_URL: box.url, AWS_REGION: 'us-east-1' };
    expect((await runCli(['solve', 'create-stream'], env)).code).toBe(0);
  });
  afterAll(() => box.stop());

  it('metrics: killed while sending its sample, resumed: the step is re-run, never left busy', async () => {
    let n = 0;
    const killed = await runAndKill(['solve', 'metrics'], env, box, (c) => c.operation === 'PutRecord' && ++n === 20);
    expect(killed.signal).toBe('SIGKILL');
    const resumed = await runCli(['solve', 'metrics', '--json'], env);
    // The check passes only once CloudWatch's minute is over; either way the run ends with a verdict.
    expect([0, 1]).toContain(resumed.code);
    expect(jsonLines(resumed.stdout).at(-1)).toMatchObject({ step: 'metrics' });
    const report = JSON.parse((await runCli(['report', '--json'], env)).stdout) as { steps: { id: string; status: string; attempts: number }[] };
    const metrics = report.steps.find((s) => s.id === 'metrics')!;
    expect(['passed', 'failed']).toContain(metrics.status);
    expect(metrics.attempts).toBeGreaterThanOrEqual(1);
  });

  it('pipe: killed while creating its target stream, resumed: one pipe, one role, one target', async () => {
    const killed = await runAndKill(['solve', 'pipe'], env, box, (c) => c.operation === 'CreateStream' && c.streamName === 'input-stream-pipe-target');
    expect(killed.signal).toBe('SIGKILL');
    const resumed = await runCli(['solve', 'pipe', '--json'], env, 120_000);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    const kinesis = createKinesisClient(settings());
    const pipes = createPipesClient(settings());
    const iam = createIamClient(settings());
    try {
      expect(((await kinesis.send(new ListStreamsCommand({}))).StreamNames ?? []).sort()).toEqual(['input-stream', 'input-stream-pipe-target']);
      expect(((await pipes.send(new ListPipesCommand({}))).Pipes ?? []).map((p) => p.Name)).toEqual(['input-stream-pipe']);
      expect((await iam.send(new GetRoleCommand({ RoleName: 'input-stream-pipe-role' }))).Role?.RoleName).toBe('input-stream-pipe-role');
    } finally {
      kinesis.destroy();
      pipes.destroy();
      iam.destroy();
    }
  });
});
