import { CreateStreamCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTION_KINDS } from '../../src/actions/action-registry.js';
import { CHECK_KINDS } from '../../src/checks/check-registry.js';
import { afterLab } from '../../src/cli/after-lab.js';
import type { LabSession } from '../../src/cli/lab-session.js';
import { loadLab } from '../../src/content/load-lab.js';
import { labDir } from '../../src/content/locate-labs.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';
import { tempHome } from '../e2e/cli-helpers.js';

/**
 * Leaving the lab on real AWS while the lab's stream still runs: the learner is told what is billed.
 * "Real AWS" here is the sandbox reached as target "aws" (the SDK's default credential chain, here
 * the sandbox's dummy keys in the environment), so nothing leaves 127.0.0.1.
 */
describe('after the lab on AWS', () => {
  let box: TestSandbox;
  beforeAll(async () => {
    box = await startTestSandbox();
    vi.stubEnv('AWS_ACCESS_KEY_ID', SANDBOX_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', SANDBOX_CREDENTIALS.secretAccessKey);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await box.stop();
  });

  async function session(): Promise<LabSession> {
    const lab = await loadLab(labDir('kinesis-data-streams'), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS });
    const settings = { lang: 'en' as const, stream: 'input-stream', target: 'aws' as const, embeddedSandbox: false, region: 'ap-northeast-2', endpoint: box.sandbox.url };
    // No owner id in the context: the lab's tag is the lab id alone, as on the stream created below.
    return { lab, settings, context: {}, load: { kind: 'missing' }, progressFile: '/nonexistent/progress.json' } as unknown as LabSession;
  }

  it('warns about each tagged resource still running, with its shard-hours, and deletes nothing unasked', async () => {
    await box.client('ap-northeast-2').send(new CreateStreamCommand({ StreamName: 'input-stream', ShardCount: 2, Tags: { 'kinesis-lab': 'kinesis-data-streams' } }));
    await box.client('ap-northeast-2').send(new CreateStreamCommand({ StreamName: 'mine', ShardCount: 1 }));
    await box.waitForActive('input-stream', 'ap-northeast-2');
    const lines: string[] = [];
    await afterLab(await session(), { KINESIS_LAB_HOME: await tempHome() }, { out: (l) => lines.push(l), err: (l) => lines.push(l) }, { canAsk: false });
    expect(lines).toEqual([
      '',
      'The lab left 1 resource running on AWS (2 shard-hours per hour, billed until deleted).',
      '  - stream input-stream (ap-northeast-2), 2 open shards',
      'Done for today? kinesis-lab cleanup --region ap-northeast-2 deletes what the lab created.',
    ]);
    expect(((await box.client('ap-northeast-2').send(new ListStreamsCommand({}))).StreamNames ?? []).sort()).toEqual(['input-stream', 'mine']);
  });

  it('says nothing when the lab left nothing running', async () => {
    const lines: string[] = [];
    const s = await session();
    (s.settings as { region: string }).region = 'eu-west-1';
    await afterLab(s, { KINESIS_LAB_HOME: await tempHome() }, { out: (l) => lines.push(l), err: (l) => lines.push(l) }, { canAsk: false });
    expect(lines).toEqual([]);
  });
});
