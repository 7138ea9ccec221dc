/**
 * The first Ctrl+C (SIGINT) or SIGTERM stops any command cleanly, the producer with its summary line,
 * even while a call waits on an endpoint that never answers (calls in flight get a short grace, then
 * are cut); a second one ends the process at once. These runs keep the default 30 s call deadline:
 * what stops them is the signal.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';
import { startStallingEndpoint, type StallingEndpoint } from '../fixtures/stalling-endpoint.js';
import { startCli, startInTerminal, tempHome, waitFor } from './cli-helpers.js';

describe('built CLI: stopped by a signal while an endpoint never answers', () => {
  let hole: StallingEndpoint;
  let env: Record<string, string>;

  beforeAll(async () => {
    hole = await startStallingEndpoint('black-hole');
    env = { KINESIS_LAB_HOME: await tempHome(), AWS_ENDPOINT_URL: hole.url, AWS_REGION: 'us-east-1' };
  });
  afterAll(() => hole.close());

  /** Starts the command, waits until it is waiting on the endpoint, then sends `signals` one after the other. */
  async function stopWhileWaiting(args: string[], ...signals: NodeJS.Signals[]) {
    const before = hole.connections();
    const cli = startCli(args, env);
    await waitFor(() => hole.connections() > before);
    for (const [i, signal] of signals.entries()) {
      // Two signals of one kind sent back to back merge into one before the process sees the first.
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, 300));
      cli.child.kill(signal);
    }
    return cli.done;
  }

  it('produce --count 1: the first SIGTERM stops it with its summary line', async () => {
    const run = await stopWhileWaiting(['produce', '--count', '1'], 'SIGTERM');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Sent 0 records in \d+\.\d s \(0 records\/s\) — 0 failed, 0 retried\n$/);
  });

  it('produce --json: the summary is the one JSON object, stopped by the signal', async () => {
    const run = await stopWhileWaiting(['produce', '--api', 'put-records', '--json'], 'SIGINT');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ api: 'put-records', sent: 0, stoppedBy: 'signal' });
  });

  it('check: the first SIGINT ends the check in flight and says it was cancelled', async () => {
    const run = await stopWhileWaiting(['check'], 'SIGINT');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('FAIL create-stream: The request (DescribeStreamSummary) was cancelled.');
    // The steps after it are not checked, and not reported as failures.
    expect(run.stdout).not.toContain('put-record');
  });

  it.each([[['solve', 'create-stream']], [['doctor']], [['cleanup', '--yes']], [['--plain']]])('%j ends on the first SIGTERM', async (args) => {
    const run = await stopWhileWaiting(args, 'SIGTERM');
    expect(run.code).not.toBeNull();
    expect(run.stdout + run.stderr).toMatch(/cancelled|Request aborted|stopped/);
  });

  it('a second signal ends the process at once (exit 143 for SIGTERM, 130 for SIGINT)', async () => {
    expect((await stopWhileWaiting(['produce', '--count', '1'], 'SIGTERM', 'SIGTERM')).code).toBe(143);
    const run = await stopWhileWaiting(['check'], 'SIGINT', 'SIGINT');
    expect(run.code).toBe(130);
    expect(run.stdout).toBe('');
  });

  it('the full-screen lab quits on SIGTERM while a check waits', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-tty-'));
    const tui = startInTerminal(['--lang', 'en'], env, join(dir, 'pid'));
    await waitFor(() => tui.output().stdout.includes('do it for me'));
    const before = hole.connections();
    tui.type('c');
    await waitFor(() => hole.connections() > before);
    process.kill(await tui.pid(), 'SIGTERM');
    const run = await tui.done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Your progress is saved; run the same command to resume.');
  });
});

describe('built CLI: a producer stopped by SIGTERM while records flow', () => {
  let box: TestSandbox;
  beforeAll(async () => {
    box = await startTestSandbox();
  });
  afterAll(() => box.stop());

  it('finishes the request in flight and reports every record it sent', async () => {
    const env = { KINESIS_LAB_HOME: await tempHome(), AWS_ENDPOINT_URL: box.sandbox.url, AWS_REGION: 'us-east-1' };
    await box.kinesis('us-east-1').createStream('input-stream', { mode: 'PROVISIONED', shardCount: 1 });
    await box.waitForActive('input-stream');
    let puts = 0;
    const stop = box.sandbox.onKinesisCall((call) => {
      if (call.operation === 'PutRecord') puts += 1;
    });
    const cli = startCli(['produce', '--duration', '60s', '--rate', '50'], env);
    await waitFor(() => puts >= 10);
    cli.child.kill('SIGTERM');
    const run = await cli.done;
    stop();
    expect(run.code, run.stderr).toBe(0);
    const sent = Number(/^Sent (\d+) records/.exec(run.stdout)?.[1]);
    expect(sent).toBeGreaterThanOrEqual(10);
    // Every record the stream acknowledged is counted, none more.
    expect(sent).toBe(puts);
    expect(run.stdout).toContain('— 0 failed');
  });
});
