import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';
import { CLI_COMMAND, runCli, tempHome } from './cli-helpers.js';

describe('built CLI: report and reset', () => {
  let box: TestSandbox;
  let env: Record<string, string>;
  let home: string;

  beforeAll(async () => {
    box = await startTestSandbox();
    home = await tempHome();
    env = { KINESIS_LAB_HOME: home, AWS_ENDPOINT_URL: box.sandbox.url, AWS_REGION: 'ap-northeast-2' };
  });
  afterAll(() => box.stop());

  it('reports nothing before the lab starts, and points at the other target\'s progress', async () => {
    const before = await runCli(['report'], env);
    expect(before).toMatchObject({ code: 1, stdout: `No saved progress yet. Start the lab with: ${CLI_COMMAND}\n`, stderr: '' });
    expect((await runCli(['solve', 'create-stream', 'put-record'], env)).code).toBe(0);
    // Without the endpoint this is "real AWS", which has no progress here.
    const elsewhere = await runCli(['report'], { KINESIS_LAB_HOME: home });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr.trim()).toBe('Your saved progress is from the sandbox: add --sandbox (or the same --endpoint-url as before).');
  });

  it('reports steps, records sent and what was built; --json for scripts', async () => {
    const text = await runCli(['report'], env);
    expect(text.code).toBe(1);
    const lines = text.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['Report: Amazon Kinesis Data Streams: from a stream to a pipe', 'Stream input-stream in ap-northeast-2 (sandbox)', '', expect.stringMatching(/^1\. Create the data stream: passed \(1 check, took \d+s\)$/)]);
    expect(lines).toContain('Records sent: 200 (200 by the lab: PutRecord 200, PutRecords 0; 0 by your own scripts, counted in input-stream)');
    expect(lines).toContain('Exists now: stream input-stream (ap-northeast-2)');
    const json = JSON.parse((await runCli(['report', '--json'], env)).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ target: 'sandbox', started: true, labId: 'kinesis-data-streams', current: 'put-record', complete: false, recordsSent: { 'put-record': 200, 'put-records': 0, total: 200 } });
  });

  it('counts the records the learner\'s own scripts sent, and lists every lab resource that exists', async () => {
    // The learner's script sends 509 records; by hand they made the pipe's target stream too.
    const kinesis = box.kinesis('ap-northeast-2');
    for (let i = 0; i < 509; i++) await kinesis.putRecord('input-stream', { partitionKey: `k${i}`, data: new TextEncoder().encode(`{"n":${i}}`) });
    await kinesis.createStream('input-stream-pipe-target', { mode: 'PROVISIONED', shardCount: 1 });
    const lines = (await runCli(['report'], env)).stdout.split('\n');
    expect(lines).toContain('Records sent: 709 (200 by the lab: PutRecord 200, PutRecords 0; 509 by your own scripts, counted in input-stream)');
    expect(lines.filter((line) => line.startsWith('Exists now:'))).toEqual(['Exists now: stream input-stream (ap-northeast-2)', 'Exists now: stream input-stream-pipe-target (ap-northeast-2)']);
    const json = JSON.parse((await runCli(['report', '--json'], env)).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ looked: true, records: { inStream: 709, byLab: 200, byScripts: 509, counted: 'stream' } });
  });

  it('resets one step, or everything keeping a copy, only with --yes when no terminal can ask', async () => {
    const refused = await runCli(['reset', 'put-record'], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe('kinesis-lab: reset changes things and there is no terminal to ask: add --yes to go ahead');

    const one = await runCli(['reset', 'put-record', '--yes'], env);
    expect(one).toMatchObject({ code: 0, stdout: `Step Send records one by one with PutRecord starts over next time you run ${CLI_COMMAND}.\n` });
    const after = JSON.parse((await runCli(['report', '--json'], env)).stdout) as { steps: { id: string; status: string; attempts: number }[] };
    expect(after.steps.slice(0, 2).map((s) => [s.id, s.status, s.attempts])).toEqual([['create-stream', 'passed', 1], ['put-record', 'in-progress', 0]]);

    const all = await runCli(['reset', '--yes', '--lang', 'ko'], env);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^진행 상황을 지웠습니다\. 사본은 .*kinesis-data-streams-sandbox-127\.0\.0\.1-\d+\.json\.reset-[0-9T-]+Z에 있습니다\./);
    expect((await readdir(join(home, 'progress'))).filter((f) => f.endsWith('.json') || f.endsWith('.lock'))).toEqual([]);
    expect((await runCli(['report'], env)).code).toBe(1);
    // Resources were not touched: the stream is still there for the next run.
    expect((await runCli(['check', 'create-stream'], env)).code).toBe(0);
  });
});
