/**
 * Nothing hangs: every command of the built CLI, pointed at an endpoint that accepts connections and
 * never answers (or at a sandbox suspended with SIGSTOP), ends by itself and says what happened.
 * `KINESIS_LAB_CALL_TIMEOUT` keeps each call short here; the default (30 s) behaves the same, slower.
 * A run that hangs is killed by the helper and shows as exit code null.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCode, withCheck } from '../../src/shared/class-code.js';
import { startStallingEndpoint, type StallingEndpoint } from '../fixtures/stalling-endpoint.js';
import { runCli, startCli, startInTerminal, tempHome, waitFor } from './cli-helpers.js';

const NEVER_ANSWERED = 'accepted the connection but never answered in 0.3 s';

describe('built CLI against an endpoint that never answers', () => {
  let hole: StallingEndpoint;
  let env: Record<string, string>;

  beforeAll(async () => {
    hole = await startStallingEndpoint('black-hole');
    env = { KINESIS_LAB_HOME: await tempHome(), AWS_ENDPOINT_URL: hole.url, AWS_REGION: 'us-east-1', KINESIS_LAB_CALL_TIMEOUT: '300ms' };
  });
  afterAll(() => hole.close());

  it.each([
    [['check']],
    [['check', 'create-stream', '--json']],
    [['solve', 'create-stream']],
    [['produce', '--count', '1']],
    [['produce', '--api', 'put-records', '--count', '20']],
    [['--plain']],
  ])('%j ends with exit 1 and says the endpoint never answered', async (args) => {
    const run = await runCli(args, env);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout + run.stderr).toContain(NEVER_ANSWERED);
  });

  it('check of every step waits on the silent endpoint once: the later steps say they were not checked, and why', async () => {
    const before = hole.connections();
    const run = await runCli(['check', '--json'], env);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { step: string; ok: boolean; summary: string });
    expect(lines.map((l) => l.step)).toEqual(['create-stream', 'put-record', 'put-records', 'metrics', 'pipe']);
    expect(lines[0]).toMatchObject({ ok: false });
    expect(lines[0]!.summary).toContain(NEVER_ANSWERED);
    for (const later of lines.slice(1)) {
      expect(later).toMatchObject({ ok: false, summary: 'Not checked: the endpoint did not answer the check of create-stream (above), so this one would wait the same way.' });
    }
    // Only the first step's check went to the endpoint (its call and the SDK's retries of it).
    expect(hole.connections() - before).toBeLessThanOrEqual(3);
  });

  it('doctor ends and points at the endpoint', async () => {
    const run = await runCli(['doctor'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`FIX Kinesis endpoint ${hole.url} does not answer: The endpoint ${NEVER_ANSWERED}`);
  });

  it('cleanup ends, says which searches failed, and never claims there is nothing to clean up', async () => {
    const run = await runCli(['cleanup', '--yes'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Could not look for stream resources in us-east-1 (TimeoutError: ${hole.url.slice(7)} ${NEVER_ANSWERED})`);
    expect(run.stdout).not.toContain('Nothing to clean up');
    expect(run.stdout).toContain('Cleanup could not search anywhere (see above), so it cannot tell what the lab left running.');
  });

  it('class create, class board and class delete end', async () => {
    const code = `${hole.url.slice('http://'.length)}/${formatCode(withCheck('K7QMR3X'))}`;
    const runs = await Promise.all([
      runCli(['class', 'create'], env),
      runCli(['class', 'board', code, '--once'], env),
      runCli(['class', 'delete', code, '--yes'], env),
    ]);
    expect(runs.map((r) => r.code)).toEqual([1, 2, 2]);
    const [create] = runs;
    expect(create.stdout + create.stderr).toContain(NEVER_ANSWERED);
    // The board and delete ask the room sandbox's class registry first: it never answers either.
    for (const run of runs.slice(1)) expect(run.stderr.trim()).toBe(`kinesis-lab: the class's sandbox at ${hole.url} did not answer in 0.3 s; check the address on the instructor's screen and that the sandbox still runs`);
  });

  it('the full-screen lab: a check waiting on the endpoint does not hold q', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-tty-'));
    const tui = startInTerminal(['--lang', 'en'], { ...env, KINESIS_LAB_CALL_TIMEOUT: '60s' }, join(dir, 'pid'));
    await waitFor(() => tui.output().stdout.includes('do it for me'));
    const before = hole.connections();
    tui.type('c');
    // Each key on its own: typed together they reach the lab as one string.
    await waitFor(() => hole.connections() > before);
    tui.type('q');
    const run = await tui.done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Your progress is saved; run the same command to resume.');
  });
});

describe('built CLI against a sandbox suspended with SIGSTOP (Ctrl+Z)', () => {
  it('check ends and says the endpoint accepted the connection but never answered', async () => {
    const sandbox = startCli(['sandbox', '--port', '0', '--ephemeral'], { KINESIS_LAB_HOME: await tempHome() });
    await waitFor(() => /Sandbox ready at (\S+)/.test(sandbox.output().stdout));
    const url = /Sandbox ready at (\S+)/.exec(sandbox.output().stdout)![1]!;
    sandbox.child.kill('SIGSTOP');
    try {
      const run = await runCli(['check', 'create-stream', '--endpoint-url', url], { KINESIS_LAB_HOME: await tempHome(), AWS_REGION: 'us-east-1', KINESIS_LAB_CALL_TIMEOUT: '300ms' });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`The endpoint ${NEVER_ANSWERED}: the sandbox at ${url}.`);
      expect(run.stdout).toContain('a sandbox suspended with Ctrl+Z (run fg in its terminal)');
    } finally {
      sandbox.child.kill('SIGCONT');
      sandbox.child.kill('SIGTERM');
      await sandbox.done;
    }
  });
});
