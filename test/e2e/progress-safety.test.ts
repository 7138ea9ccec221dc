/**
 * Issue 11's lost work and silent failures, as a tester found them: two producers on one home, a
 * progress file that cannot be written (a file-size limit fails writes as a full disk does), and a
 * truncated progress file, in every output mode.
 */
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProgress } from '../../src/engine/progress-codec.js';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';
import { jsonLines, runCli, tempHome } from './cli-helpers.js';
import { runCliWithFileLimit } from './limited-cli.js';

describe('built CLI: progress is never lost without a word', () => {
  let box: TestSandbox;

  beforeAll(async () => {
    box = await startTestSandbox();
  });
  afterAll(() => box.stop());

  async function learner(): Promise<{ home: string; env: Record<string, string>; file: string }> {
    const home = await tempHome();
    const env = { KINESIS_LAB_HOME: home, AWS_ENDPOINT_URL: box.sandbox.url, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: `AKIA${home.slice(-8).toUpperCase().replace(/[^A-Z0-9]/g, 'X')}`, AWS_SECRET_ACCESS_KEY: 'x' };
    const file = join(home, 'progress', `kinesis-data-streams-sandbox-127.0.0.1-${new URL(box.sandbox.url).port}.json`);
    return { home, env, file };
  }

  async function runsIn(file: string): Promise<number[]> {
    const decoded = decodeProgress(await readFile(file, 'utf8'));
    if (!decoded.ok) throw new Error(decoded.reason);
    return decoded.file.ledger.runs.map((r) => r.sent).sort((a, b) => a - b);
  }

  it('two produce runs at once on one home both land in progress', async () => {
    const { env, file } = await learner();
    expect((await runCli(['solve', 'create-stream'], env)).code).toBe(0);
    const [a, b] = await Promise.all([runCli(['produce', '--api', 'put-records', '--count', '3000'], env), runCli(['produce', '--api', 'put-record', '--count', '300'], env)]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(await runsIn(file)).toEqual([300, 3000]);
  });

  it('solve does not claim success when its progress cannot be saved (writes fail as on a full disk)', async () => {
    const { env, file } = await learner();
    expect((await runCli(['solve', 'create-stream'], env)).code).toBe(0);
    const before = await readFile(file, 'utf8');
    const run = await runCliWithFileLimit(['solve', 'put-record'], env, 1);
    expect(run.code).toBe(1);
    // The step itself passed and says so; then why it is not remembered, with the file and what to do.
    expect(run.stdout).toContain('PASS put-record:');
    expect(run.stderr).toContain(`Progress could not be saved to ${file} (EFBIG), so this is not remembered. Free some disk space, then run the command again.`);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await readdir(join(file, '..'))).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);

    const json = await runCliWithFileLimit(['solve', 'put-record', '--json'], env, 1);
    expect(json.code).toBe(1);
    expect(jsonLines(json.stdout).at(-1)).toMatchObject({ step: 'put-record', ok: true });
    expect(jsonLines(json.stderr).at(-1)).toMatchObject({ error: 'progress-not-saved', path: file, code: 'EFBIG' });
  });

  it('the producer says what it sent first, then that it could not save, and exits 1', async () => {
    const { env, file } = await learner();
    expect((await runCli(['solve', 'create-stream'], env)).code).toBe(0);
    const run = await runCliWithFileLimit(['produce', '--api', 'put-records', '--count', '500'], env, 1);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Sent 500 records in [\d.]+ s/);
    expect(run.stderr.split('\n')[0]).toBe(`Progress could not be saved to ${file} (EFBIG), so this is not remembered. Free some disk space, then run the command again.`);
    expect(run.stderr).toContain('The records above were sent to the stream');
    expect((await readdir(join(file, '..'))).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([]);
  });

  it.each([
    ['check', ['check', 'create-stream'], false],
    ['check --json', ['check', 'create-stream', '--json'], true],
    ['solve', ['solve', 'create-stream'], false],
    ['solve --json', ['solve', 'create-stream', '--json'], true],
    ['produce', ['produce', '--api', 'put-record', '--count', '3'], false],
    ['produce --json', ['produce', '--api', 'put-record', '--count', '3', '--json'], true],
    ['the plain lab', ['--plain'], false],
  ])('a truncated progress file is moved aside and %s says where it went', async (_name, args, json) => {
    const { env, file } = await learner();
    if (args[0] === 'produce') expect((await runCli(['solve', 'create-stream'], env)).code).toBe(0);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, '{"formatVersion": 1, "savedAt": "2026-');
    const run = await runCli(args, env);
    const backups = (await readdir(join(file, '..'))).filter((f) => f.includes('.corrupt-'));
    expect(backups).toHaveLength(1);
    const backup = join(file, '..', backups[0] ?? '');
    const first = json ? String(jsonLines(run.stderr)[0]?.notice) : (run.stderr.split('\n')[0] ?? '');
    expect(first.startsWith(`Your progress file ${file} could not be read (not JSON`), run.stderr).toBe(true);
    expect(first.endsWith(`It was kept as ${backup} and the lab starts fresh. To look at it or put it back: mv "${backup}" "${file}"`)).toBe(true);
  });
});
