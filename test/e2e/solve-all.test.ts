/**
 * Issue 10: catching up in one command. `solve` of all five steps on the embedded sandbox, from
 * nothing, passes in one process — step 4 waits (with a progress line) until the sandbox's CloudWatch
 * has counted the records — and the same command right after passes again.
 */
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from './cli-helpers.js';

const ALL = ['solve', 'create-stream', 'put-record', 'put-records', 'metrics', 'pipe', '--sandbox'];

describe('built CLI: solve every step at once on the embedded sandbox', () => {
  it('passes all five from nothing, waiting for the metrics, and again when run twice', async () => {
    const env = { KINESIS_LAB_HOME: await tempHome() };
    for (const attempt of ['first', 'second']) {
      const run = await runCli(ALL, env, 280_000);
      expect(run.code, `${attempt}: ${run.stdout}\n${run.stderr}`).toBe(0);
      const passes = run.stdout.split('\n').filter((line) => /^(PASS|FAIL) /.test(line)).map((line) => line.split(':')[0]);
      expect(passes).toEqual(['PASS create-stream', 'PASS put-record', 'PASS put-records', 'PASS metrics', 'PASS pipe']);
      expect(run.stdout).toMatch(/^Waiting for CloudWatch to count the \d+ record\(s\): \d+ so far, expected by about \d\d:\d\d:\d\d UTC/m);
    }
    // Quit and come back: the sandbox's world persisted, so every check still passes, the pipe's too,
    // and walking the lab again (--plain checks each step it opens) leaves every step passed.
    const check = await runCli(['check', '--sandbox'], env, 120_000);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout.split('\n').filter((line) => line.startsWith('PASS ')).map((line) => line.split(':')[0])).toEqual(['PASS create-stream', 'PASS put-record', 'PASS put-records', 'PASS metrics', 'PASS pipe']);
    const plain = await runCli(['--plain', '--sandbox', '--step', 'metrics'], env, 120_000);
    expect(plain.code, plain.stdout).toBe(0);
    const report = JSON.parse((await runCli(['report', '--sandbox', '--json'], env)).stdout) as { complete: boolean; built: { kind: string; name: string }[] };
    expect(report.complete).toBe(true);
    expect(report.built.map((b) => `${b.kind} ${b.name}`)).toEqual(['stream input-stream', 'pipe input-stream-pipe', 'iam-role input-stream-pipe-role', 'stream input-stream-pipe-target']);
  }, 600_000);
});
