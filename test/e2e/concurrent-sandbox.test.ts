/**
 * Issue 11's lost work with two or three processes on one home and the embedded sandbox: the first
 * process serves the sandbox, the others use it; when the first ends, one of them takes the data
 * folder over on the same port and the rest keep working; every process's runs land in progress.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli, startCli, tempHome } from './cli-helpers.js';

// Three producers on one one-shard stream at once is three times what AWS lets a shard take, and with
// AWS's limits on some of their records are rightly given up after six throttled attempts (the learner
// is told, and offered more shards: test/integration/add-shards-fix.test.ts). What this file tests is
// processes sharing one home and one sandbox, so the shard's limits are off here.
const solve = ['solve', 'create-stream', 'put-record', 'put-records', '--sandbox', '--limits', 'off'];

async function lease(home: string): Promise<{ pid: number; url: string } | undefined> {
  return readFile(join(home, 'sandbox.json'), 'utf8').then((text) => JSON.parse(text) as { pid: number; url: string }, () => undefined);
}

describe('built CLI: several processes on one home and its embedded sandbox', () => {
  it('three simultaneous solve --sandbox all pass, and progress keeps the records of all three', async () => {
    const env = { KINESIS_LAB_HOME: await tempHome() };
    const runs = await Promise.all([runCli(solve, env, 120_000), runCli(solve, env, 120_000), runCli(solve, env, 120_000)]);
    for (const run of runs) expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    // Two of them said whose sandbox they used.
    expect(runs.filter((run) => /^Another kinesis-lab \(process \d+\) already serves the sandbox at http:\/\/127\.0\.0\.1:\d+; this one uses it too/m.test(run.stderr))).toHaveLength(2);
    const report = JSON.parse((await runCli(['report', '--sandbox', '--json'], env)).stdout) as { recordsSent: { total: number } };
    expect(report.recordsSent.total).toBe(3 * 5200);
  }, 180_000);

  it('a process that joined keeps working when the owner exits: it serves the same data on the same port', async () => {
    const home = await tempHome();
    const env = { KINESIS_LAB_HOME: home };
    expect((await runCli(['solve', 'create-stream', '--sandbox'], env)).code).toBe(0);
    const { child: owner, done: ownerDone } = startCli(['produce', '--api', 'put-record', '--duration', '2s', '--rate', '20', '--sandbox'], env);
    const served = await vi.waitFor(async () => {
      const now = await lease(home);
      if (now === undefined || now.pid !== owner.pid) throw new Error('the owner does not serve yet');
      return now;
    }, { timeout: 30_000, interval: 25 });
    const { child: joiner, done: joinerDone } = startCli(['produce', '--api', 'put-record', '--duration', '8s', '--rate', '20', '--sandbox'], env);
    expect((await ownerDone).code).toBe(0);
    // The owner is gone; the one that joined now serves the same endpoint.
    await vi.waitFor(async () => {
      const now = await lease(home);
      if (now === undefined || now.pid !== joiner.pid || now.url !== served.url) throw new Error(`lease is ${JSON.stringify(now)}`);
    }, { timeout: 30_000, interval: 25 });
    const joined = await joinerDone;
    expect(joined.code, joined.stderr).toBe(0);
    expect(joined.stderr).toContain(`already serves the sandbox at ${served.url}`);
    expect(joined.stdout).toMatch(/^Sent \d+ records in [\d.]+ s \(\d+ records\/s\) — 0 failed/);
    const report = JSON.parse((await runCli(['report', '--sandbox', '--json'], env)).stdout) as { recordsSent: { 'put-record': number } };
    expect(report.recordsSent['put-record']).toBeGreaterThan(100);
  }, 120_000);
});
