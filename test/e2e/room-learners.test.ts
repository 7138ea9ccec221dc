/**
 * A room on one sandbox, as a workshop runs it: `kinesis-lab sandbox` in its own process, the
 * instructor's `class create`, and three learners — each a separate process with their own config
 * folder — who all keep the default stream name `input-stream`. Every learner is an account of their
 * own: their checks pass only on their own data, and their cleanup, reset and pipe touch only their
 * own account; the board shows three rows; a mistyped code is refused at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli, startCli, tempHome, waitFor, type RunningCli } from './cli-helpers.js';

type Learner = 'Ana' | 'Ben' | 'Cho';

describe('built CLI: three learners on one room sandbox', () => {
  let sandbox: RunningCli;
  let url: string;
  /** The address and code the join line gives, e.g. `127.0.0.1:4567/K7QM-R3XP`. */
  let code: string;
  const homes = {} as Record<Learner, string>;
  const learner = (who: Learner, args: string[]) => runCli([...args, '--class', code, '--name', who, '--lang', 'en'], { KINESIS_LAB_HOME: homes[who] });
  const checkJson = async (who: Learner, step: string) => jsonLines((await learner(who, ['check', step, '--json'])).stdout)[0]!;
  /** The 12-digit account in the ARNs a check's evidence shows. */
  const accountIn = (evidence: unknown) => /arn:aws:kinesis:us-east-1:(\d{12}):stream\/input-stream/.exec(JSON.stringify(evidence))?.[1];

  beforeAll(async () => {
    sandbox = startCli(['sandbox', '--port', '0', '--metrics-delay', '0s', '--lang', 'en'], { KINESIS_LAB_HOME: await tempHome() }, 600_000);
    await waitFor(() => /Sandbox ready at (\S+)/.test(sandbox.output().stdout));
    url = /Sandbox ready at (\S+)/.exec(sandbox.output().stdout)![1]!;
    const created = await runCli(['class', 'create', '--endpoint-url', url, '--lang', 'en'], { KINESIS_LAB_HOME: await tempHome() });
    expect(created.code, created.stderr).toBe(0);
    code = /--class (\S+) --name/.exec(created.stdout)![1]!;
    for (const who of ['Ana', 'Ben', 'Cho'] as const) homes[who] = await tempHome();
  }, 120_000);
  afterAll(async () => {
    sandbox.child.kill('SIGTERM');
    await sandbox.done;
  });

  it('fits the join line, endpoint included, in 80 columns', () => {
    expect(`  npx kinesis-lab --class ${code} --name "<your name>"`.length).toBeLessThanOrEqual(80);
  });

  it("passes each learner's checks only on their own data", async () => {
    const ana = await learner('Ana', ['solve', 'create-stream', 'put-record']);
    expect(ana.code, ana.stderr).toBe(0);
    // Ana's input-stream exists and holds records; Ben's and Cho's accounts have none.
    expect(await checkJson('Ben', 'create-stream')).toMatchObject({ ok: false, summary: 'There is no stream named "input-stream" in region us-east-1 of the sandbox.' });
    // Cho starts the lab (plain, no terminal): it stops at step 1, as her account has no stream.
    const cho = await learner('Cho', ['--plain']);
    expect(cho.code).toBe(1);
    expect(cho.stdout).toContain('FAIL create-stream: There is no stream named "input-stream" in region us-east-1 of the sandbox.');
    // What it suggests keeps her in the class and in her own account: the solve command names the
    // class, and the commands to run by hand come after her own key's lines.
    expect(cho.stdout).toContain(`node dist/cli.js solve create-stream --region us-east-1 --class ${code} --name Cho`);
    expect(cho.stdout).toContain(`    export AWS_ENDPOINT_URL=${url}\n    export AWS_ACCESS_KEY_ID=AKIA`);
    expect(cho.stdout).not.toContain('AKIAKINESISLAB000000');
    expect((await learner('Ben', ['solve', 'create-stream'])).code).toBe(0);
    expect(await checkJson('Ben', 'put-record')).toMatchObject({ ok: false });
    const sent = await learner('Ben', ['produce', '--api', 'put-record', '--count', '7']);
    expect(sent.stdout).toMatch(/^Sent 7 records in /m);
    expect(await checkJson('Ben', 'put-record')).toMatchObject({ ok: true, summary: '7 JSON record(s) are in input-stream.' });
    const anaCheck = await checkJson('Ana', 'put-record');
    expect(anaCheck.ok).toBe(true);
    expect(anaCheck.summary).not.toBe('7 JSON record(s) are in input-stream.');
    // Two accounts of their own, neither the sandbox's default one.
    const accounts = [accountIn((await checkJson('Ana', 'create-stream')).evidence), accountIn((await checkJson('Ben', 'create-stream')).evidence)];
    expect(new Set(accounts).size).toBe(2);
    expect(accounts).not.toContain('000000000000');
    expect(accounts.every((a) => a !== undefined)).toBe(true);
  }, 180_000);

  it("keeps each learner's pipe and cleanup in their own account", async () => {
    const ana = await learner('Ana', ['solve', 'pipe']);
    expect(ana.code, ana.stdout + ana.stderr).toBe(0);
    expect(ana.stdout).toContain('PASS pipe: Pipe input-stream-pipe is RUNNING and delivers input-stream → input-stream-pipe-target, in order.');
    expect(await checkJson('Ben', 'pipe')).toMatchObject({ ok: false, summary: 'There is no pipe named input-stream-pipe in us-east-1.' });

    const cleaned = await learner('Ana', ['cleanup', '--yes']);
    expect(cleaned.code, cleaned.stderr).toBe(0);
    expect(cleaned.stdout).toContain('Deleted stream input-stream (us-east-1).');
    expect(cleaned.stdout).toContain('Deleted pipe input-stream-pipe (us-east-1).');
    expect(await checkJson('Ana', 'create-stream')).toMatchObject({ ok: false });
    // Ben's stream and records are untouched, and Ben's cleanup finds only his own stream.
    expect(await checkJson('Ben', 'put-record')).toMatchObject({ ok: true, summary: '7 JSON record(s) are in input-stream.' });
    const dryRun = await learner('Ben', ['cleanup', '--dry-run']);
    expect(dryRun.stdout).toContain('The lab created 1 resource that still exists:');
    expect(dryRun.stdout).toContain('  - stream input-stream (us-east-1), 1 open shard');
  }, 240_000);

  it("resets only the learner's own progress", async () => {
    const before = await learner('Ana', ['report', '--json']);
    const reset = await learner('Ben', ['reset', '--yes']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toContain('Progress forgotten');
    expect(JSON.parse((await learner('Ben', ['report', '--json'])).stdout)).toMatchObject({ started: false });
    expect((await learner('Ana', ['report', '--json'])).stdout).toBe(before.stdout);
    // Reset never touches resources: Ben's stream is still there.
    expect(await checkJson('Ben', 'create-stream')).toMatchObject({ ok: true });
  }, 120_000);

  it('shows the three learners on the board', async () => {
    const board = await runCli(['class', 'board', code, '--once', '--lang', 'en'], { KINESIS_LAB_HOME: await tempHome() });
    expect(board.code, board.stderr).toBe(0);
    const lines = board.stdout.split('\n');
    expect(lines[0]).toBe('Class board: kinesis-lab-class, 3 learners');
    expect(lines.filter((l) => /^(Ana|Ben|Cho) /.test(l)).map((l) => l.split(' ')[0])).toEqual(['Ana', 'Ben', 'Cho']);
  }, 60_000);

  it('tells a learner with a mistyped code that there is no such class', async () => {
    const typo = code.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const run = await runCli(['check', '--class', typo, '--name', 'Dee', '--lang', 'en'], { KINESIS_LAB_HOME: await tempHome() });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`kinesis-lab: no such class "${typo}": a character is mistyped (the code's last character checks the others); compare it with the instructor's screen`);
  });
});
