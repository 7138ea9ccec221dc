/**
 * On the embedded sandbox the lab signs with the sandbox's own key, whatever the shell holds, so it
 * shares an account with scripts that use the printed exports. When a learner's script signed with
 * another key, the checks find nothing in the lab's account and say in one line where the thing is
 * and which key to export. Through main() in process, with a real config folder and data folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStreamCommand, ListStreamsCommand, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { accountIdFor } from '../../src/sandbox/sandbox-accounts.js';
import { accountClients } from '../fixtures/account-clients.js';

const SCRIPT_KEY = 'AKIALEARNERSCRIPT001';
const EXPORT = 'export AWS_ACCESS_KEY_ID=AKIAKINESISLAB000000 AWS_SECRET_ACCESS_KEY=kinesis-lab-sandbox-secret';

async function json(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; result: Record<string, unknown> }> {
  const out: string[] = [];
  const output: Output = { out: (line) => void out.push(line), err: () => undefined };
  const code = await main(argv, env, [], output);
  return { code, result: JSON.parse(out[0] ?? '{}') as Record<string, unknown> };
}

describe('the lab\'s identity on the sandbox', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'kl-identity-'));
    env = { KINESIS_LAB_HOME: home, LANG: 'C.UTF-8', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/k' };
    // A real AWS key left in the learner's shell.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAREALAWSKEY000001');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'a-real-secret');
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(home, { recursive: true, force: true });
  });

  /** The learner's own script, signing with another key, against the embedded sandbox's data. */
  async function learnersScript(work: (c: ReturnType<typeof accountClients>, lab: ReturnType<typeof accountClients>) => Promise<void>): Promise<void> {
    const sandbox = await startLabSandbox({ dataDir: join(home, 'sandbox-data'), createStreamMs: 0 });
    const c = accountClients(sandbox.url, 'us-east-1', SCRIPT_KEY);
    const lab = accountClients(sandbox.url, 'us-east-1');
    try {
      await work(c, lab);
    } finally {
      c.stop();
      lab.stop();
      await sandbox.stop();
    }
  }

  it('signs with the sandbox\'s key, and points at the account and key a script used instead', async () => {
    expect((await json(['solve', 'create-stream', '--sandbox', '--json'], env)).code).toBe(0);
    const scriptAccount = accountIdFor(SCRIPT_KEY);
    await learnersScript(async (c, lab) => {
      // The lab's stream is in the sandbox key's account, not the shell key's.
      expect((await lab.kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual(['input-stream']);
      expect((await c.kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual([]);
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'input-stream', ShardCount: 1 }));
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'scripts-only', ShardCount: 1 }));
      for (let i = 0; i < 7; i++) await c.kinesis.send(new PutRecordCommand({ StreamName: 'input-stream', PartitionKey: `k${i}`, Data: Buffer.from('{"trip":1}') }));
    });
    const where = `account ${scriptAccount}, us-east-1 (access key AKIA…T001)`;

    const records = await json(['check', 'put-record', '--sandbox', '--json'], env);
    expect(records.result).toMatchObject({
      ok: false,
      summary: 'No records in input-stream yet.',
      fix: `Stream "input-stream" is on this sandbox in ${where} with 7 record(s), not in the lab's account 000000000000: your script signs with another access key. In its terminal run ${EXPORT} and run it again.`,
    });

    const metrics = await json(['check', 'metrics', '--sandbox', '--json'], env);
    expect(metrics.result).toMatchObject({
      ok: false,
      summary: "No put metrics for input-stream in the lab's account on this sandbox.",
      fix: `Put metrics for "input-stream" are on this sandbox in ${where} with 7 record(s), not in the lab's account 000000000000: your script signs with another access key. In its terminal run ${EXPORT} and run it again.`,
    });

    const missing = await json(['check', 'create-stream', '--sandbox', '--json', '--stream', 'scripts-only', '--lang', 'ko'], env);
    expect(missing.result).toMatchObject({
      ok: false,
      fix: `"scripts-only" 스트림이 이 샌드박스의 계정 ${scriptAccount}, us-east-1(액세스 키 AKIA…T001)에 있고, 실습 계정 000000000000에는 없습니다. 스크립트가 다른 액세스 키로 서명하고 있습니다. 스크립트를 실행하는 터미널에서 ${EXPORT} 명령을 실행한 뒤 스크립트를 다시 실행하세요.`,
    });
    expect(missing.result.autoFix).toBeUndefined();
  });
});
