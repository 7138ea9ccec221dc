import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateStreamCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';
import { CLI_COMMAND, runCli, tempHome } from './cli-helpers.js';

/**
 * Cleanup through the built CLI against a sandbox endpoint: it deletes what the lab tagged, in every
 * region the lab ran in, and nothing else — not even an untagged stream with the lab's own name.
 */
describe('built CLI: cleanup deletes only what the lab created', () => {
  let box: TestSandbox;
  let env: Record<string, string>;
  const streams = async (region: string) => ((await box.client(region).send(new ListStreamsCommand({}))).StreamNames ?? []).sort();
  /** This learner's install id, which the lab puts in its tag (`<config>/owner-id`). */
  const owner = async () => (await readFile(join(env.KINESIS_LAB_HOME!, 'owner-id'), 'utf8')).trim();

  beforeAll(async () => {
    box = await startTestSandbox();
    env = { KINESIS_LAB_HOME: await tempHome(), AWS_ENDPOINT_URL: box.sandbox.url };
    // The lab makes input-stream in two regions (the learner switched regions halfway).
    for (const region of ['ap-northeast-2', 'us-east-1']) {
      const solved = await runCli(['solve', 'create-stream', '--region', region], env);
      expect(solved.code, solved.stderr).toBe(0);
    }
    // In a third region the lab only looked; the learner made input-stream there by hand, untagged.
    await box.client('eu-central-1').send(new CreateStreamCommand({ StreamName: 'input-stream', ShardCount: 1 }));
    expect((await runCli(['check', 'create-stream', '--region', 'eu-central-1'], env)).code).toBe(0);
    // Beside the lab's stream: one of the learner's own, and one tagged by another lab.
    await box.client('ap-northeast-2').send(new CreateStreamCommand({ StreamName: 'orders', ShardCount: 2 }));
    await box.client('ap-northeast-2').send(new CreateStreamCommand({ StreamName: 'other-lab', ShardCount: 1, Tags: { 'kinesis-lab': 'another-lab' } }));
  });
  afterAll(() => box.stop());

  it('lists what it would delete with --dry-run, and deletes nothing', async () => {
    const run = await runCli(['cleanup', '--dry-run', '--region', 'ap-northeast-2'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      `Looking for resources tagged kinesis-lab=kinesis-data-streams/${await owner()} in ap-northeast-2, us-east-1, eu-central-1…`,
      'The lab created 2 resources that still exist:',
      '  - stream input-stream (ap-northeast-2), 1 open shard',
      '  - stream input-stream (us-east-1), 1 open shard',
      `Only resources tagged kinesis-lab=kinesis-data-streams/${await owner()} are deleted; a stream with the same name made another way is left alone.`,
      // The learner's own input-stream in eu-central-1: listed with the command that deletes it, never deleted.
      'Not made by the lab, left alone (cleanup deletes only what the lab tagged):',
      '  - stream input-stream (eu-central-1)',
      `    to delete it yourself: aws kinesis delete-stream --stream-name input-stream --region eu-central-1 --endpoint-url ${box.sandbox.url}`,
      'Deleting them would stop 2 shard-hours per hour from being charged.',
      `Dry run: nothing was deleted. To delete them, run: ${CLI_COMMAND} cleanup --region ap-northeast-2`,
      '',
    ]);
    expect(await streams('ap-northeast-2')).toEqual(['input-stream', 'orders', 'other-lab']);
  });

  it('will not delete without --yes when no terminal can confirm', async () => {
    const run = await runCli(['cleanup', '--region', 'ap-northeast-2'], env);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('kinesis-lab: cleanup changes things and there is no terminal to ask: add --yes to go ahead');
    expect(await streams('us-east-1')).toEqual(['input-stream']);
  });

  it('deletes the tagged streams in every region, waits until they are gone, and leaves the rest', async () => {
    const run = await runCli(['cleanup', '--yes', '--region', 'ap-northeast-2', '--lang', 'ko'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('스트림 input-stream(ap-northeast-2) 삭제 완료.');
    expect(run.stdout).toContain('스트림 input-stream(us-east-1) 삭제 완료.');
    expect(run.stdout).toContain('이제 시간당 2 샤드 시간의 요금이 더 나가지 않습니다.');
    expect(await streams('ap-northeast-2')).toEqual(['orders', 'other-lab']);
    expect(await streams('us-east-1')).toEqual([]);
    expect(await streams('eu-central-1')).toEqual(['input-stream']);

    const again = await runCli(['cleanup', '--yes', '--region', 'ap-northeast-2'], env);
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n').slice(1)).toEqual([
      'Nothing the lab created is left here.',
      'Not made by the lab, left alone (cleanup deletes only what the lab tagged):',
      '  - stream input-stream (eu-central-1)',
      `    to delete it yourself: aws kinesis delete-stream --stream-name input-stream --region eu-central-1 --endpoint-url ${box.sandbox.url}`,
      '',
    ]);
    expect(await streams('eu-central-1')).toEqual(['input-stream']);
  });
});

describe('built CLI: cleanup on a sandbox a whole room shares', () => {
  let box: TestSandbox;
  beforeAll(async () => {
    box = await startTestSandbox();
  });
  afterAll(() => box.stop());

  it("deletes this learner's lab resources and leaves another learner's alone", async () => {
    const alice = { KINESIS_LAB_HOME: await tempHome(), AWS_ENDPOINT_URL: box.sandbox.url, AWS_REGION: 'us-east-1' };
    const bob = { KINESIS_LAB_HOME: await tempHome(), AWS_ENDPOINT_URL: box.sandbox.url, AWS_REGION: 'us-east-1' };
    expect((await runCli(['solve', 'create-stream', '--stream', 'alice-trips'], alice)).code).toBe(0);
    expect((await runCli(['solve', 'create-stream', '--stream', 'bob-trips'], bob)).code).toBe(0);
    const run = await runCli(['cleanup', '--yes', '--stream', 'alice-trips'], alice);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('stream alice-trips (us-east-1)');
    expect(run.stdout).not.toContain('bob-trips');
    expect(((await box.client('us-east-1').send(new ListStreamsCommand({}))).StreamNames ?? []).sort()).toEqual(['bob-trips']);
  });
});
