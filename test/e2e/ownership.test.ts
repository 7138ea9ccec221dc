/**
 * Ownership is proved by the tag, never assumed from a name. On one sandbox a whole room shares:
 * learner B's `solve pipe` and `cleanup` never tag, change or delete learner A's pipe, role or target,
 * and a hand-made, untagged `input-stream-pipe-role` is never adopted or deleted; each finds the names
 * taken and uses suffixed ones. Resources tagged the older way (no owner id) are this install's only
 * when its progress says it built them. A damaged owner-id file is kept aside, said, and cleanup still
 * finds what the old id tagged.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AddTagsToStreamCommand, CreateStreamCommand, ListStreamsCommand, ListTagsForStreamCommand } from '@aws-sdk/client-kinesis';
import { CreateRoleCommand, GetRoleCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import { DescribePipeCommand } from '@aws-sdk/client-pipes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIamClient } from '../../src/aws/iam-role-adapter.js';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { createPipesClient } from '../../src/aws/pipes-adapter.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../src/sandbox/sandbox-types.js';
import { runCli, tempHome } from './cli-helpers.js';

const REGION = 'us-east-1';

describe('built CLI: two learners on one sandbox', () => {
  let box: Sandbox;
  const settings = () => ({ region: REGION, endpoint: box.url, credentials: { ...SANDBOX_CREDENTIALS } });
  const learner = async () => ({ KINESIS_LAB_HOME: await tempHome(), AWS_ENDPOINT_URL: box.url, AWS_REGION: REGION });
  const ownerOf = async (home: string) => (await readFile(join(home, 'owner-id'), 'utf8')).trim();

  /** Everything the lab can change about a resource, to compare before and after. */
  async function snapshot(names: { pipe: string; role: string; target: string }) {
    const pipes = createPipesClient(settings());
    const iam = createIamClient(settings());
    const kinesis = createKinesisClient(settings());
    try {
      const pipe = await pipes.send(new DescribePipeCommand({ Name: names.pipe }));
      const role = await iam.send(new GetRoleCommand({ RoleName: names.role }));
      const policies = await iam.send(new ListRolePoliciesCommand({ RoleName: names.role }));
      const targetTags = await kinesis.send(new ListTagsForStreamCommand({ StreamName: names.target }));
      return {
        pipe: { arn: pipe.Arn, role: pipe.RoleArn, source: pipe.Source, target: pipe.Target, tags: pipe.Tags, modified: pipe.LastModifiedTime?.toISOString() },
        role: { arn: role.Role?.Arn, trust: role.Role?.AssumeRolePolicyDocument, tags: role.Role?.Tags, policies: policies.PolicyNames },
        targetTags: targetTags.Tags,
      };
    } finally {
      pipes.destroy();
      iam.destroy();
      kinesis.destroy();
    }
  }

  beforeAll(async () => {
    box = await startLabSandbox({ createStreamMs: 0, deleteStreamMs: 0, pipeCreatingMs: 0 });
  });
  afterAll(() => box.stop());

  it("B's solve pipe and cleanup never touch A's pipe, role and target stream", async () => {
    const a = await learner();
    const solvedA = await runCli(['solve', 'create-stream', 'pipe'], a, 120_000);
    expect(solvedA.code, solvedA.stdout + solvedA.stderr).toBe(0);
    const names = { pipe: 'input-stream-pipe', role: 'input-stream-pipe-role', target: 'input-stream-pipe-target' };
    const before = await snapshot(names);
    expect(before.pipe.tags).toEqual({ 'kinesis-lab': `kinesis-data-streams/${await ownerOf(a.KINESIS_LAB_HOME)}` });

    const b = await learner();
    const solvedB = await runCli(['solve', 'create-stream', 'pipe'], b, 120_000);
    expect(solvedB.code, solvedB.stdout + solvedB.stderr).toBe(0);
    expect(solvedB.stdout).toContain('A name this step uses is taken by something that is not yours: stream input-stream-pipe-target, IAM role input-stream-pipe-role, pipe input-stream-pipe.');
    expect(solvedB.stdout).toContain('Doing the step again with input-stream-pipe-target-2, input-stream-pipe-role-2, input-stream-pipe-2.');
    expect(solvedB.stdout).toContain('PASS pipe');
    expect(await snapshot(names)).toEqual(before);

    const cleanedB = await runCli(['cleanup', '--yes'], b, 120_000);
    expect(cleanedB.code, cleanedB.stderr).toBe(0);
    expect(cleanedB.stdout.split('\n').filter((l) => l.startsWith('Deleted '))).toEqual([
      'Deleted pipe input-stream-pipe-2 (us-east-1).',
      'Deleted stream input-stream-pipe-target-2 (us-east-1).',
      'Deleted IAM role input-stream-pipe-role-2 (global).',
    ]);
    expect(await snapshot(names)).toEqual(before);

    // A's own cleanup still finds and deletes all of A's.
    const cleanedA = await runCli(['cleanup', '--yes'], a, 120_000);
    expect(cleanedA.code, cleanedA.stderr).toBe(0);
    expect(cleanedA.stdout).toContain('Deleted pipe input-stream-pipe (us-east-1).');
    expect(cleanedA.stdout).toContain('Deleted IAM role input-stream-pipe-role (global).');
  });

  it('a hand-made, untagged input-stream-pipe-role is never adopted, changed or deleted', async () => {
    const iam = createIamClient(settings());
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    try {
      await iam.send(new CreateRoleCommand({ RoleName: 'hand-pipe-role', AssumeRolePolicyDocument: trust }));
      const c = await learner();
      const solved = await runCli(['solve', 'create-stream', 'pipe', '--stream', 'hand'], c, 120_000);
      expect(solved.code, solved.stdout + solved.stderr).toBe(0);
      expect(solved.stdout).toContain('IAM role hand-pipe-role: it has no kinesis-lab tag: it was made by hand or by another tool.');
      expect(solved.stdout).toContain('Created the execution role hand-pipe-role-2');
      const cleaned = await runCli(['cleanup', '--yes', '--stream', 'hand'], c, 120_000);
      expect(cleaned.code, cleaned.stderr).toBe(0);
      expect(cleaned.stdout).toContain('Deleted IAM role hand-pipe-role-2 (global).');
      expect(cleaned.stdout).not.toContain('Deleted IAM role hand-pipe-role ');
      const role = await iam.send(new GetRoleCommand({ RoleName: 'hand-pipe-role' }));
      expect(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '')).toBe(trust);
      expect(role.Role?.Tags ?? []).toEqual([]);
      expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'hand-pipe-role' }))).PolicyNames).toEqual([]);
    } finally {
      iam.destroy();
    }
  });

  it("the older tag without an owner id: deleted when this install's progress built it, left alone (and listed) otherwise", async () => {
    const kinesis = createKinesisClient(settings());
    try {
      const d = await learner();
      expect((await runCli(['solve', 'create-stream', '--stream', 'legacy'], d)).code).toBe(0);
      // As the lab tagged before owner ids existed.
      await kinesis.send(new AddTagsToStreamCommand({ StreamName: 'legacy', Tags: { 'kinesis-lab': 'kinesis-data-streams' } }));
      await kinesis.send(new CreateStreamCommand({ StreamName: 'stranger', ShardCount: 1, Tags: { 'kinesis-lab': 'kinesis-data-streams' } }));

      const e = await learner();
      const other = await runCli(['cleanup', '--yes', '--stream', 'legacy'], e);
      expect(other.code, other.stderr).toBe(0);
      expect(other.stdout).toContain("2 resources carry the older tag kinesis-lab=kinesis-data-streams without an owner id, and nothing in this install's progress says it made them; they may be another learner's:");
      expect(other.stdout).toContain('Those are left alone.');
      expect(other.stdout).not.toContain('Deleted');

      const own = await runCli(['cleanup', '--yes', '--stream', 'legacy'], d);
      expect(own.code, own.stderr).toBe(0);
      expect(own.stdout).toContain('Deleted stream legacy (us-east-1).');
      expect(own.stdout).not.toContain('Deleted stream stranger');
      expect((await kinesis.send(new ListStreamsCommand({}))).StreamNames).toContain('stranger');
    } finally {
      kinesis.destroy();
    }
  });

  it('a damaged owner-id file is kept aside and said, and cleanup still finds what the old id tagged', async () => {
    const f = await learner();
    expect((await runCli(['solve', 'create-stream', '--stream', 'damaged-id'], f)).code).toBe(0);
    await writeFile(join(f.KINESIS_LAB_HOME, 'owner-id'), 'garbage!!\n');
    const run = await runCli(['cleanup', '--dry-run', '--stream', 'damaged-id'], f);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^The file that names this install \(owner-id\) was damaged\. It was kept as .*owner-id\.damaged-[\d-TZ]+ and a new id was made/);
    expect(run.stdout).toContain('  - stream damaged-id (us-east-1), 1 open shard');
    expect((await readdir(f.KINESIS_LAB_HOME)).filter((n) => n.startsWith('owner-id.damaged-'))).toHaveLength(1);

    // Without the remembered tags, an id still readable in the damaged file is enough.
    const g = await learner();
    expect((await runCli(['solve', 'create-stream', '--stream', 'salvaged-id'], g)).code).toBe(0);
    const old = await ownerOf(g.KINESIS_LAB_HOME);
    await rm(join(g.KINESIS_LAB_HOME, 'regions'), { recursive: true });
    await writeFile(join(g.KINESIS_LAB_HOME, 'owner-id'), `\u0000${old}\u0000`);
    const salvaged = await runCli(['cleanup', '--dry-run', '--stream', 'salvaged-id'], g);
    expect(salvaged.stderr).toContain('The old id could still be read from it, so cleanup looks for what it tagged too.');
    expect(salvaged.stdout).toContain('  - stream salvaged-id (us-east-1), 1 open shard');
  });
});
