/**
 * Secrets never leave the process: a full sandbox run of the built CLI with recognisable fake
 * credentials in the environment, then every byte printed and every file under the config folder
 * is searched for them and for a SigV4 signature.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountIdFor } from '../../src/sandbox/sandbox-accounts.js';
import { runCli, tempHome } from './cli-helpers.js';

const SECRETS = {
  AWS_ACCESS_KEY_ID: 'AKIAKLFAKEKEY7777777',
  AWS_SECRET_ACCESS_KEY: 'kl-fake-secret/NeverPrintMe+0123456789abcdefABCDEF',
  AWS_SESSION_TOKEN: 'kl-fake-session-token-NeverPrintMe-IQoJb3JpZ2luX2VjEJr',
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('no credential, token or signature is printed or written', () => {
  it('solve 1–3, produce, check, a failing check, doctor, bad flags: none of it shows a secret', async () => {
    const home = await tempHome();
    const env = { KINESIS_LAB_HOME: home, ...SECRETS };
    const runs = [
      await runCli(['solve', 'create-stream', 'put-record', 'put-records', '--sandbox', '--json'], env, 120_000),
      await runCli(['produce', '--api', 'put-records', '--count', '300', '--sandbox'], env),
      await runCli(['check', 'create-stream', 'put-record', 'put-records', '--sandbox', '--json'], env),
      await runCli(['check', '--sandbox', '--stream', 'no-such-stream'], env),
      await runCli(['doctor', '--sandbox', '--json'], env),
      await runCli(['doctor', '--sandbox'], env),
      await runCli(['produce', '--sandbox', '--count', 'lots'], env),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 1, 0, 0, 2]);
    // The doctor names who the credentials belong to, so the test is not vacuous about what it printed
    // (on the sandbox every access key is an account of its own).
    expect(runs[4]?.stdout).toContain(`arn:aws:iam::${accountIdFor(SECRETS.AWS_ACCESS_KEY_ID)}:user/kinesis-lab-learner`);

    const printed = runs.map((r) => r.stdout + r.stderr).join('\n');
    const files = await filesUnder(home);
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
    const written = await Promise.all(files.map(async (f) => [f, (await readFile(f)).toString('latin1')] as const));
    for (const secret of [...Object.values(SECRETS), 'Signature=']) {
      expect(printed.includes(secret), `printed: ${secret}`).toBe(false);
      for (const [file, text] of written) expect(text.includes(secret), `${file} holds ${secret}`).toBe(false);
    }
  }, 240_000);
});
