import { CreateStreamCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { ListPipesCommand } from '@aws-sdk/client-pipes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIamClient } from '../../src/aws/iam-role-adapter.js';
import { createPipesClient } from '../../src/aws/pipes-adapter.js';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../src/sandbox/sandbox-types.js';
import { runCli, tempHome } from './cli-helpers.js';

/** After the pipe step, cleanup removes the pipe first, then both streams, then the role. */
describe('built CLI: cleanup after the pipe step', () => {
  // The learners' sandbox (Kinesis, CloudWatch, Pipes, IAM), as kinesis-lab sandbox serves it.
  let box: Sandbox;
  let env: Record<string, string>;
  const settings = () => ({ region: 'us-east-1', endpoint: box.url, credentials: { ...SANDBOX_CREDENTIALS } });
  const kinesis = () => createKinesisClient(settings());

  beforeAll(async () => {
    box = await startLabSandbox({ createStreamMs: 0, deleteStreamMs: 0, pipeCreatingMs: 0 });
    env = { KINESIS_LAB_HOME: await tempHome(), AWS_ENDPOINT_URL: box.url, AWS_REGION: 'us-east-1' };
    const solved = await runCli(['solve', 'create-stream', 'pipe'], env, 120_000);
    expect(solved.code, solved.stdout + solved.stderr).toBe(0);
    await kinesis().send(new CreateStreamCommand({ StreamName: 'input-stream-pipe-target-copy', ShardCount: 1 }));
  }, 150_000);
  afterAll(() => box.stop());

  it('deletes pipe, streams and role in that order, and leaves an untagged stream', async () => {
    const run = await runCli(['cleanup', '--yes'], env, 120_000);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('Deleted '))).toEqual([
      'Deleted pipe input-stream-pipe (us-east-1).',
      'Deleted stream input-stream (us-east-1).',
      'Deleted stream input-stream-pipe-target (us-east-1).',
      'Deleted IAM role input-stream-pipe-role (global).',
    ]);
    expect(run.stdout).toContain('This stops 2 shard-hours per hour.');
    expect((await kinesis().send(new ListStreamsCommand({}))).StreamNames).toEqual(['input-stream-pipe-target-copy']);
    const pipes = createPipesClient(settings());
    const iam = createIamClient(settings());
    try {
      expect((await pipes.send(new ListPipesCommand({}))).Pipes ?? []).toEqual([]);
      await expect(iam.send(new GetRoleCommand({ RoleName: 'input-stream-pipe-role' }))).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    } finally {
      pipes.destroy();
      iam.destroy();
    }
  });
});
