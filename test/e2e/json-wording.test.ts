/**
 * Plain and --json output say what to do in commands, never in keys: a script or a learner outside the
 * full-screen lab can press nothing. Drives the built CLI into the states whose fixes the TUI words with
 * keys (nothing done yet, the stream in another region or under a similar name) and scans every text.
 */
import { describe, expect, it } from 'vitest';
import { keyWordingIn, stringsIn } from '../fixtures/key-wording.js';
import { CLI_COMMAND, jsonLines, runCli, tempHome, type CliRun } from './cli-helpers.js';

function texts(run: CliRun, json: boolean): string[] {
  const lines = [...run.stdout.split('\n'), ...run.stderr.split('\n')].filter(Boolean);
  return json ? lines.flatMap((line) => (line.startsWith('{') ? stringsIn(JSON.parse(line)) : [line])) : lines;
}

function expectNoKeyWording(run: CliRun, json: boolean): void {
  for (const text of texts(run, json)) expect(keyWordingIn(text), text).toEqual([]);
}

describe.each(['en', 'ko'])('built CLI outside the TUI (%s)', (lang) => {
  it('words the fixes of a fresh sandbox as commands, in --json and plain output', async () => {
    const env = { KINESIS_LAB_HOME: await tempHome() };
    const json = await runCli(['check', '--sandbox', '--json', '--lang', lang], env);
    expect(json.code).toBe(1);
    expectNoKeyWording(json, true);
    const [createStream] = jsonLines(json.stdout);
    expect(createStream?.fix).toContain(`(${CLI_COMMAND} solve create-stream --sandbox --region us-east-1)`);
    expectNoKeyWording(await runCli(['check', '--sandbox', '--lang', lang], env), false);
    expectNoKeyWording(await runCli(['--sandbox', '--plain', '--lang', lang], env), false);
    expectNoKeyWording(await runCli(['produce', '--sandbox', '--json', '--count', '5', '--lang', lang], env), true);
    expectNoKeyWording(await runCli(['report', '--sandbox', '--json', '--lang', lang], env), true);
    expectNoKeyWording(await runCli(['doctor', '--sandbox', '--json', '--lang', lang], env), true);
  });

  it('words switching to the region where the stream is as the command that runs there', async () => {
    const env = { KINESIS_LAB_HOME: await tempHome() };
    expect((await runCli(['solve', 'create-stream', '--sandbox', '--region', 'us-west-2', '--json'], env)).code).toBe(0);
    // The saved progress names us-west-2 now; the learner's command names the region they meant.
    const run = await runCli(['check', 'create-stream', 'put-record', '--sandbox', '--region', 'us-east-1', '--json', '--lang', lang], env);
    expectNoKeyWording(run, true);
    const [line] = jsonLines(run.stdout);
    expect(line).toMatchObject({ autoFix: { type: 'switch-region', region: 'us-west-2' } });
    expect(line?.fix).toContain(`${CLI_COMMAND} --sandbox --region us-west-2`);
  });

  it('words using the stream with a similar name as the command that uses it', async () => {
    const env = { KINESIS_LAB_HOME: await tempHome() };
    expect((await runCli(['solve', 'create-stream', '--sandbox', '--stream', 'input_stream', '--json'], env)).code).toBe(0);
    const run = await runCli(['check', '--sandbox', '--stream', 'input-stream', '--json', '--lang', lang], env);
    expectNoKeyWording(run, true);
    const [line] = jsonLines(run.stdout);
    expect(line).toMatchObject({ autoFix: { type: 'switch-stream', stream: 'input_stream' } });
    expect(line?.fix).toContain(`${CLI_COMMAND} --sandbox --region us-east-1 --stream input_stream`);
  });
  it('words records found in another region as the command that runs there', async () => {
    const env = { KINESIS_LAB_HOME: await tempHome() };
    for (const region of ['us-east-1', 'us-west-2']) expect((await runCli(['solve', 'create-stream', '--sandbox', '--region', region, '--json'], env)).code).toBe(0);
    // Records go to us-west-2 only; the lab runs in us-east-1, where input-stream is empty.
    expect((await runCli(['produce', '--api', 'put-record', '--count', '5', '--sandbox', '--region', 'us-west-2', '--json'], env)).code).toBe(0);
    const run = await runCli(['check', 'put-record', '--sandbox', '--region', 'us-east-1', '--json', '--lang', lang], env);
    expectNoKeyWording(run, true);
    const [line] = jsonLines(run.stdout);
    expect(line).toMatchObject({ ok: false, autoFix: { type: 'switch-region', region: 'us-west-2' } });
    expect(line?.summary).toContain('us-west-2');
    expect(line?.fix).toContain(`${CLI_COMMAND} --sandbox --region us-west-2`);
  });
});
