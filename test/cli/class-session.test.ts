/**
 * A learner's session in a class on a room sandbox, in process: the class code found through the
 * sandbox's registry, the learner's own key (the same when they rejoin, another for another install),
 * the session signing with it, the `m` view showing it in the lines to paste, and the code `w` writes
 * landing in the learner's account after those lines.
 */
import { exec, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CreateStreamCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classArgs, classFlags, findClass } from '../../src/cli/class-membership.js';
import { screenInfo, solutionFilesFor, solveCommandFor } from '../../src/cli/commands/lab-command.js';
import { openLabSession } from '../../src/cli/lab-session.js';
import type { GlobalOptions } from '../../src/cli/parse-args.js';
import { formatCode } from '../../src/shared/class-code.js';
import { writeSolutionFiles } from '../../src/content/write-solution-files.js';
import { startLabSandbox, type LabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { accountIdFor } from '../../src/sandbox/sandbox-accounts.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import { sandboxPasteLines } from '../../src/sandbox/sandbox-paste.js';
import { accountClients } from '../fixtures/account-clients.js';

const run = promisify(exec);
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;

describe('a learner in a class on a room sandbox', () => {
  let sandbox: LabSandbox;
  let code: string;
  const homes: string[] = [];
  const home = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-class-session-'));
    homes.push(dir);
    return dir;
  };
  const envFor = (dir: string): NodeJS.ProcessEnv => ({ KINESIS_LAB_HOME: dir, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/c', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/k' });
  const global = (name: string): GlobalOptions => ({ sandbox: false, plain: true, lang: 'en', classCode: `${sandbox.url.slice('http://'.length)}/${code}`, displayName: name });
  const joinAs = (name: string, env: NodeJS.ProcessEnv) => findClass(classFlags(global(name))!, global(name), env);

  beforeAll(async () => {
    sandbox = await startLabSandbox({ createStreamMs: 0 });
    const instructor = accountClients(sandbox.url, 'us-east-1');
    try {
      await instructor.kinesis.send(new CreateStreamCommand({ StreamName: 'kinesis-lab-class', ShardCount: 1 }));
    } finally {
      instructor.stop();
    }
    const registered = await fetch(`${sandbox.url}/kinesis-lab/classes`, { method: 'POST', body: JSON.stringify({ streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/kinesis-lab-class' }) });
    code = formatCode(((await registered.json()) as { code: string }).code);
  });
  afterAll(async () => {
    await sandbox.stop();
    for (const dir of homes) await rm(dir, { recursive: true, force: true });
  });

  it('gets a key of their own: the same when they rejoin, another for another learner', async () => {
    const anaHome = await home();
    const ana = await joinAs('Ana', envFor(anaHome));
    expect(ana.location).toEqual({ stream: 'kinesis-lab-class', region: 'us-east-1', arn: 'arn:aws:kinesis:us-east-1:000000000000:stream/kinesis-lab-class', endpoint: sandbox.url });
    expect(ana.room?.credentials.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    // Rejoining from the same install, under another display name, is the same learner.
    expect((await joinAs('Ana K.', envFor(anaHome))).room).toEqual(ana.room);
    // Another learner with the same display name is another account.
    const other = await joinAs('Ana', envFor(await home()));
    expect(other.room?.credentials.accessKeyId).not.toBe(ana.room?.credentials.accessKeyId);
    const sts = accountClients(sandbox.url, 'us-east-1', ana.room!.credentials.accessKeyId);
    try {
      const who = await sts.sts.send(new GetCallerIdentityCommand({}));
      expect(who.Account).toBe(accountIdFor(ana.room!.credentials.accessKeyId));
      expect(who.Account).not.toBe('000000000000');
    } finally {
      sts.stop();
    }
  });

  it('signs every call with it, shows it in the m view, and the code w writes lands in their account after the pasted lines', async () => {
    const dir = await home();
    const env = envFor(dir);
    const joined = await joinAs('Ben', env);
    const session = await openLabSession(global('Ben'), { env, room: joined.room!, classArgs: classArgs(global('Ben')) });
    try {
      expect(session.settings).toMatchObject({ target: 'sandbox', endpoint: sandbox.url, endpointSource: 'class', pipesEndpoint: sandbox.url, iamEndpoint: sandbox.url, logsEndpoint: sandbox.url });
      const info = screenInfo(session);
      expect(info.sandboxCredentials).toEqual(joined.room!.credentials);
      expect(info.sandboxCredentials?.accessKeyId).not.toBe(SANDBOX_CREDENTIALS.accessKeyId);
      expect(solveCommandFor(session, 'put-record')).toBe(`kinesis-lab solve put-record --region us-east-1 --class ${global('Ben').classCode!} --name Ben`);

      await session.context.kinesis.createStream('input-stream', { mode: 'PROVISIONED', shardCount: 1 });
      const defaultAccount = accountClients(sandbox.url, 'us-east-1');
      try {
        // The stream is in Ben's account, not in the sandbox default key's (the instructor's).
        expect((await defaultAccount.kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual(['kinesis-lab-class']);
      } finally {
        defaultAccount.stop();
      }
      if (!hasBoto3) return;
      const folder = await home();
      const files = solutionFilesFor(session, 'put-record')!;
      await writeSolutionFiles(folder, files, false);
      const python = files.find((f) => f.language === 'python')!;
      const paste = sandboxPasteLines({ endpoint: info.endpoint!, region: info.region, ...info.sandboxCredentials! }).join('\n');
      await run(`${paste}\npython3 ${python.name} 5`, { cwd: folder, env: { PATH: process.env.PATH, HOME: folder, AWS_EC2_METADATA_DISABLED: 'true' }, shell: '/bin/bash', timeout: 60_000 });
      expect(await session.context.kinesis.readStream('input-stream')).toHaveLength(5);
    } finally {
      await session.close();
    }
  }, 120_000);
});
