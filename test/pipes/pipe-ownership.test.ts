/**
 * Step 5's action on the sandbox through the real SDK clients, when its names are already used: it
 * adopts only what is this learner's (its tag, or the older tag on what its progress built) and
 * stops, untouched, at anything else, offering free suffixed names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionContext } from '../../src/actions/action-context.js';
import { createPipeAction } from '../../src/actions/create-pipe.js';
import { createOwnership } from '../../src/resources/ownership.js';
import { pipeTrustPolicy } from '../../src/resources/pipe-plan.js';
import { buildLabContext, type ReadySettings } from '../../src/cli/build-lab-context.js';
import type { LabContext } from '../../src/checks/check-context.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';

const REGION = 'us-east-1';
const LAB = 'kinesis-data-streams';

describe("step 5's action and resources that are not this learner's", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startLabSandbox({ createStreamMs: 0, pipeCreatingMs: 0 });
  });
  afterAll(() => sandbox.stop());

  function context(stream: string, owner: string, builtHere: { kind: string; name: string; region: string }[] = []): ActionContext {
    const settings: ReadySettings = {
      lang: 'en', stream, target: 'sandbox', embeddedSandbox: false, region: REGION, regionSource: 'flag', endpoint: sandbox.url, pipesEndpoint: sandbox.url, iamEndpoint: sandbox.url,
      ownership: createOwnership({ labId: LAB, tag: `${LAB}/${owner}`, builtHere }),
    };
    const ctx: LabContext = buildLabContext(settings, LAB);
    return { ...ctx, onProgress: () => undefined, recordRun: () => undefined };
  }

  async function sourceStream(ctx: LabContext): Promise<void> {
    await ctx.kinesis.createStream(ctx.stream, { mode: 'PROVISIONED', shardCount: 1 });
    while ((await ctx.kinesis.describeStreamSummary(ctx.stream)).status !== 'ACTIVE') await ctx.sleep(20);
  }

  it("another learner's pipe, role and target: nothing is changed, and free names are offered", async () => {
    const alice = context('shared', 'alice');
    await sourceStream(alice);
    expect((await createPipeAction(alice, 'pipe', {})).ok).toBe(true);
    const pipeBefore = await alice.pipes!.describePipe('shared-pipe');
    const roleBefore = await alice.iam!.getRole('shared-pipe-role');

    const bob = context('shared', 'bob');
    const outcome = await createPipeAction(bob, 'pipe', {});
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.result).toMatchObject({
      outcome: 'failed',
      errorKind: 'name-taken',
      autoFix: { type: 'use-names', names: { targetStream: 'shared-pipe-target-2', roleName: 'shared-pipe-role-2', pipeName: 'shared-pipe-2' } },
    });
    expect(outcome.result.evidence.map((e) => e.en)).toContain(`pipe shared-pipe: it is tagged kinesis-lab=${LAB}/alice: another learner's lab (or another lab) made it.`);
    expect(await bob.pipes!.describePipe('shared-pipe')).toEqual(pipeBefore);
    expect(await bob.iam!.getRole('shared-pipe-role')).toEqual(roleBefore);

    // With the offered names, Bob gets his own, tagged as his, and Alice's stay as they were.
    const again = await createPipeAction(bob, 'pipe', { targetStream: 'shared-pipe-target-2', roleName: 'shared-pipe-role-2', pipeName: 'shared-pipe-2' });
    expect(again.ok).toBe(true);
    expect((await bob.pipes!.describePipe('shared-pipe-2'))?.tags).toEqual({ 'kinesis-lab': `${LAB}/bob` });
    expect(await bob.pipes!.describePipe('shared-pipe')).toEqual(pipeBefore);
  });

  it('the older tag without an owner id: adopted and brought up to date when progress built it, refused otherwise', async () => {
    const old = context('legacy', 'old-install');
    await sourceStream(old);
    await old.iam!.createRole({ name: 'legacy-pipe-role', trustPolicy: pipeTrustPolicy(undefined), description: 'made by an older kinesis-lab', tags: { 'kinesis-lab': LAB } });

    const stranger = await createPipeAction(context('legacy', 'stranger'), 'pipe', {});
    expect(!stranger.ok && stranger.result.evidence.map((e) => e.en)).toEqual([
      `IAM role legacy-pipe-role: it carries the older tag kinesis-lab=${LAB} without an owner id, and this install's progress does not say it built it (it may be another learner's).`,
    ]);
    expect((await old.iam!.getRole('legacy-pipe-role'))?.tags).toEqual({ 'kinesis-lab': LAB });

    const builder = context('legacy', 'builder', [{ kind: 'iam-role', name: 'legacy-pipe-role', region: 'global' }]);
    const adopted = await createPipeAction(builder, 'pipe', {});
    expect(adopted.ok).toBe(true);
    expect(adopted.ok && adopted.notes.map((n) => n.en)).toContain('Role legacy-pipe-role already exists; reusing it.');
    expect((await builder.iam!.getRole('legacy-pipe-role'))?.tags).toEqual({ 'kinesis-lab': `${LAB}/builder` });
  });
});
