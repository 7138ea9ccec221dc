import { CreateStreamCommand, DeleteResourcePolicyCommand, PutResourcePolicyCommand } from '@aws-sdk/client-kinesis';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClassStreamReader } from '../../src/aws/class-stream.js';
import { BoardFeed } from '../../src/classroom/board-feed.js';
import { classStreamPolicy } from '../../src/classroom/class-policy.js';
import { formatCode, withCheck } from '../../src/shared/class-code.js';
import { classroomMessages } from '../../src/i18n/classroom-messages.js';
import { ClassBoard } from '../../src/ui/ClassBoard.js';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';
import { CLI_COMMAND, runCli, tempHome } from './cli-helpers.js';

const ORDER = ['create-stream', 'put-record', 'put-records', 'metrics', 'pipe'];
const TITLES = { 'create-stream': 'Create', 'put-record': 'PutRecord', 'put-records': 'PutRecords', metrics: 'Metrics', pipe: 'Pipe' };

describe('built CLI: a class board over several learners\' processes', () => {
  let box: TestSandbox;
  /** What the join line says after --class: the room sandbox's address and the short code. */
  let code: string;
  let env: Record<string, string>;
  const homes: Record<string, string> = {};
  // Every learner uses the default stream name: each one is an account of their own.
  const learner = async (who: string, args: string[]) => {
    homes[who] ??= await tempHome();
    return runCli([...args, '--class', code, '--name', who], { KINESIS_LAB_HOME: homes[who] });
  };
  const classArn = 'arn:aws:kinesis:us-east-1:000000000000:stream/kinesis-lab-class';

  beforeAll(async () => {
    box = await startTestSandbox();
    env = { AWS_ENDPOINT_URL: box.sandbox.url, AWS_REGION: 'us-east-1' };
    const created = await runCli(['class', 'create', '--endpoint-url', box.sandbox.url, '--region', 'us-east-1'], { ...env, KINESIS_LAB_HOME: await tempHome() });
    expect(created.code, created.stderr).toBe(0);
    code = /--class (\S+) --name/.exec(created.stdout)![1]!;
    expect(code).toMatch(new RegExp(`^127\\.0\\.0\\.1:${box.sandbox.port}/[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$`));
    expect(created.stdout).toContain(`  npx kinesis-lab --class ${code} --name "<your name>"\n`);
    // This sandbox listens on loopback only: the instructor is told the room cannot reach it.
    expect(created.stderr).toContain(`The sandbox at ${box.sandbox.url} listens on this machine only`);
  });
  afterAll(() => box.stop());

  it('shows each learner\'s step and error, a late joiner, a restarted learner on one row, and one whose events waited', async () => {
    // Two learners start; Joon's step 2 looks at a stream that does not exist (solve would create it:
    // "do it for me" makes the stream when it is gone, so the plain lab's check is what fails here).
    expect((await learner('Mina', ['solve', 'create-stream', 'put-record'])).code).toBe(0);
    expect((await learner('Joon', ['solve', 'create-stream'])).code).toBe(0);
    const joonFails = await learner('Joon', ['--plain', '--step', 'put-record', '--stream', 'no-such-stream']);
    expect(joonFails.code).toBe(1);

    const feed = new BoardFeed(createClassStreamReader(box.client('us-east-1'), 'kinesis-lab-class', { relistMs: 0 }));
    const first = await feed.catchUp();
    expect(Object.values(first.board.learners).map((r) => r.name).sort()).toEqual(['Joon', 'Mina']);

    // The class stream's resource policy is what lets learners' accounts post: without it Hoon's lab
    // works on the sandbox, and his class events wait on disk.
    const instructor = box.client('us-east-1');
    await instructor.send(new DeleteResourcePolicyCommand({ ResourceARN: classArn }));
    const refused = await learner('Hoon', ['solve', 'create-stream']);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toMatch(/^\d+ class progress events are waiting to be sent; they go out the next time you run node dist\/cli\.js with --class\.$/m);

    // The policy is back. A late joiner, and Mina again in a new process (a restart) for step 3.
    await instructor.send(new PutResourcePolicyCommand({ ResourceARN: classArn, Policy: classStreamPolicy(classArn, { kind: 'room' }) }));
    expect((await learner('사라', ['solve', 'create-stream'])).code).toBe(0);
    expect((await learner('Mina', ['solve', 'put-records'])).code).toBe(0);
    // Hoon's next run sends what waited, in order, then its own events.
    const back = await learner('Hoon', ['solve', 'put-record']);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).toBe('');

    const snapshot = await feed.catchUp();
    expect(snapshot.error).toBeUndefined();
    const rows = Object.values(snapshot.board.learners);
    expect(rows.map((r) => r.name).sort()).toEqual(['Hoon', 'Joon', 'Mina', '사라']);
    const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
    expect(byName.Mina).toMatchObject({ step: 'put-records', status: 'passed', passed: ['create-stream', 'put-record', 'put-records'] });
    expect(byName.Joon).toMatchObject({ step: 'put-record', status: 'failed', lastErrorKind: expect.stringMatching(/^[a-z-]+$/), passed: ['create-stream'] });
    expect(byName.Hoon).toMatchObject({ step: 'put-record', status: 'passed', passed: ['create-stream', 'put-record'] });
    // Hoon's events arrived in the order he made them, none lost: sequence numbers 0…n without gaps.
    expect(byName.Hoon!.history.map((h) => h.seq)).toEqual([...Array(byName.Hoon!.history.length).keys()]);
    expect(byName['사라']).toMatchObject({ step: 'create-stream', status: 'passed' });

    const now = Math.max(...rows.map((r) => r.lastAt));
    const { lastFrame } = render(<ClassBoard board={snapshot.board} layout={{ order: ORDER, titles: TITLES, now }} stream="kinesis-lab-class" t={classroomMessages('en')} />);
    const frame = lastFrame()!.split('\n');
    expect(frame[0]).toBe('Class board: kinesis-lab-class, 4 learners');
    expect(frame[2]).toMatch(/^Learner\s+Step\s+On it\s+Status\s+Last error$/);
    expect(frame.slice(3, 7).map((l) => l.replace(/\d+s|\dm \d\ds/, 'T').replace(/ +/g, ' '))).toEqual([
      'Hoon 2. PutRecord T passed —',
      `Joon 2. PutRecord T failing ${byName.Joon!.lastErrorKind}`,
      'Mina 3. PutRecords T passed —',
      '사라 1. Create T passed —',
    ]);
    expect(frame.slice(8, 12)).toEqual([
      'Per step (working / stuck / done)',
      '1. Create: 0 working, 0 stuck, 4 done',
      '2. PutRecord: 0 working, 1 stuck, 2 done',
      '3. PutRecords: 0 working, 0 stuck, 1 done',
    ]);
  });

  it('prints the same board as plain text with class board --once', async () => {
    const run = await runCli(['class', 'board', code, '--once'], { ...env, KINESIS_LAB_HOME: await tempHome() });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Class board: kinesis-lab-class, 4 learners');
    expect(lines.filter((l) => /^(Hoon|Joon|Mina|사라) /.test(l))).toHaveLength(4);
    expect(run.stdout).toContain('1. Create the data stream: 0 working, 0 stuck, 4 done');
  });

  it('refuses --class without --name, a mistyped code, and a code the sandbox does not know, before anything runs', async () => {
    const noName = await runCli(['solve', 'create-stream', '--class', code], { KINESIS_LAB_HOME: await tempHome() });
    expect(noName.code).toBe(2);
    expect(noName.stderr.trim()).toBe('kinesis-lab: --class needs --name with the name the instructor sees, e.g. --name "Mina Kim"');
    // One character off: the check character says so without asking the sandbox.
    const last = code.at(-1)!;
    const typo = `${code.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
    const badCode = await runCli(['solve', 'create-stream', '--class', typo, '--name', 'X'], { KINESIS_LAB_HOME: await tempHome() });
    expect(badCode.code).toBe(2);
    expect(badCode.stderr.trim()).toBe(`kinesis-lab: no such class "${typo}": a character is mistyped (the code's last character checks the others); compare it with the instructor's screen`);
    // A well-formed code of no class on this sandbox.
    const unknown = await runCli(['solve', 'create-stream', '--class', `127.0.0.1:${box.sandbox.port}/${formatCode(withCheck('ZZZZZZZ'))}`, '--name', 'X'], { KINESIS_LAB_HOME: await tempHome() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(`kinesis-lab: no such class ${formatCode(withCheck('ZZZZZZZ'))} on the sandbox at ${box.sandbox.url}; compare the code with the instructor's screen`);
    const legacy = await runCli(['solve', 'create-stream', '--class', 'KL1-oops', '--name', 'X'], { KINESIS_LAB_HOME: await tempHome() });
    expect(legacy.code).toBe(2);
    expect(legacy.stderr.trim()).toBe('kinesis-lab: this KL1-… code is cut off or mistyped; copy the whole code the instructor printed');
  });

  it('deletes the class stream after class with class delete, and only a stream class create made', async () => {
    const home = await tempHome();
    const refused = await runCli(['class', 'delete', code], { ...env, KINESIS_LAB_HOME: home });
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim()).toBe('kinesis-lab: class delete changes things and there is no terminal to ask: add --yes to go ahead');
    const deleted = await runCli(['class', 'delete', code, '--yes'], { ...env, KINESIS_LAB_HOME: home });
    expect(deleted).toMatchObject({ code: 0, stdout: 'Deleted the class progress stream kinesis-lab-class; this stops 1 shard-hour per hour.\n' });
    const again = await runCli(['class', 'delete', code, '--yes'], { ...env, KINESIS_LAB_HOME: home });
    expect(again.stdout.trim()).toBe('There is no class progress stream kinesis-lab-class in us-east-1; nothing to delete.');
    // The board after delete says the stream is gone, once, without promising to try again.
    const board = await runCli(['class', 'board', code, '--once'], { ...env, KINESIS_LAB_HOME: home });
    expect(board.code).toBe(1);
    expect(board.stderr.trim()).toBe(`The class stream kinesis-lab-class does not exist (${CLI_COMMAND} class delete removes it; check --region and the join code).`);
    // A stream of that name made another way is not the class's to delete.
    await box.client('us-east-1').send(new CreateStreamCommand({ StreamName: 'kinesis-lab-class', ShardCount: 1 }));
    await box.waitForActive('kinesis-lab-class');
    const notOurs = await runCli(['class', 'delete', code, '--yes'], { ...env, KINESIS_LAB_HOME: home });
    expect(notOurs.code).toBe(1);
    expect(notOurs.stderr.trim()).toBe(`A stream named kinesis-lab-class exists and was not made by ${CLI_COMMAND} class create; choose another with --class-stream NAME.`);
  });
});
