/**
 * Secrets never leave the process. Recognisable fake secrets are planted in every channel a secret
 * can come in by: the environment, the shared credentials file (a profile), a password in the endpoint
 * URL, and error bodies of a careless endpoint that repeats back what each request carried (signature,
 * access key id, session token, even a secret key it somehow knows). Then every command of the built
 * CLI runs, and every byte it printed (stdout, stderr, --json) and every file it wrote under the config
 * folder is searched for them and for a SigV4 signature.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCode, withCheck } from '../../src/shared/class-code.js';
import { accountIdFor } from '../../src/sandbox/sandbox-accounts.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import { startStallingEndpoint, type StallingEndpoint } from '../fixtures/stalling-endpoint.js';
import { runCli, tempHome, type CliRun } from './cli-helpers.js';

const ENV_SECRETS = {
  AWS_ACCESS_KEY_ID: 'AKIAKLFAKEKEY7777777',
  AWS_SECRET_ACCESS_KEY: 'kl-fake-secret/NeverPrintMe+0123456789abcdefABCDEF',
  AWS_SESSION_TOKEN: 'kl-fake-session-token-NeverPrintMe-IQoJb3JpZ2luX2VjEJr',
};
const PROFILE_SECRETS = {
  aws_access_key_id: 'ASIAKLPROFILE0000042',
  aws_secret_access_key: 'kl-profile-secret/AlsoNeverPrint+9876543210',
  aws_session_token: 'kl-profile-token-AlsoNeverPrint-FwoGZXIvYXdzEB',
};
const URL_PASSWORD = 'hunter2pw-NeverPrint';
const ALL = [...Object.values(ENV_SECRETS), ...Object.values(PROFILE_SECRETS), URL_PASSWORD];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every planted secret and any SigV4 signature, searched in what was printed and in every file written under `home`. */
async function expectNoSecret(runs: CliRun[], home: string): Promise<void> {
  const printed = runs.map((r) => r.stdout + r.stderr).join('\n');
  const files = await filesUnder(home);
  const written = await Promise.all(files.map(async (f) => [f, (await readFile(f)).toString('latin1')] as const));
  for (const secret of [...ALL, encodeURIComponent(ENV_SECRETS.AWS_SECRET_ACCESS_KEY)]) {
    expect(printed.includes(secret), `printed: ${secret}`).toBe(false);
    for (const [file, text] of written) expect(text.includes(secret), `${file} holds ${secret}`).toBe(false);
  }
  // A signature may be named, never shown (SigV4 signatures are 64 hex digits).
  expect(printed).not.toMatch(/Signature=(?!\[redacted\])|\b[0-9a-f]{64}\b/);
  for (const [file, text] of written) expect(text, file).not.toMatch(/Signature=(?!\[redacted\])/);
}

describe('no credential, token, password or signature is printed or written', () => {
  let leaky: StallingEndpoint;
  let leakyForProfile: StallingEndpoint;
  let profileFiles: { AWS_SHARED_CREDENTIALS_FILE: string; AWS_CONFIG_FILE: string };

  beforeAll(async () => {
    // The endpoints even "know" the secret key in use and repeat it in every error.
    leaky = await startStallingEndpoint('echo-error', `secret ${ENV_SECRETS.AWS_SECRET_ACCESS_KEY}`);
    leakyForProfile = await startStallingEndpoint('echo-error', `secret ${PROFILE_SECRETS.aws_secret_access_key}`);
    const dir = await mkdtemp(join(tmpdir(), 'kl-profile-'));
    profileFiles = { AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'), AWS_CONFIG_FILE: join(dir, 'config') };
    await writeFile(profileFiles.AWS_SHARED_CREDENTIALS_FILE, `[leaky]\n${Object.entries(PROFILE_SECRETS).map(([k, v]) => `${k} = ${v}`).join('\n')}\n`);
    await writeFile(profileFiles.AWS_CONFIG_FILE, '[profile leaky]\nregion = us-east-1\n');
  });
  afterAll(async () => {
    await leaky.close();
    await leakyForProfile.close();
  });

  it('on the embedded sandbox: solve 1–3, produce, check, a failing check, doctor, report, bad flags', async () => {
    const home = await tempHome();
    const env = { KINESIS_LAB_HOME: home, ...ENV_SECRETS, ...profileFiles };
    const runs = [
      await runCli(['solve', 'create-stream', 'put-record', 'put-records', '--sandbox', '--json'], env, 120_000),
      await runCli(['produce', '--api', 'put-records', '--count', '300', '--sandbox'], env),
      await runCli(['check', 'create-stream', 'put-record', 'put-records', '--sandbox', '--json'], env),
      await runCli(['check', '--sandbox', '--stream', 'no-such-stream'], env),
      await runCli(['doctor', '--sandbox', '--json'], env),
      await runCli(['doctor', '--sandbox'], env),
      await runCli(['report', '--sandbox', '--json'], env),
      await runCli(['produce', '--sandbox', '--count', 'lots'], env),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 1, 0, 0, 1, 2]);
    // The doctor names who the lab signs as, so the test is not vacuous about what it printed: on the
    // embedded sandbox the lab signs with the sandbox's own key (account 000000000000), whatever the
    // shell holds, so the shell's key's account never appears.
    expect(runs[4]?.stdout).toContain(`arn:aws:iam::${accountIdFor(SANDBOX_CREDENTIALS.accessKeyId)}:user/kinesis-lab-learner`);
    expect(runs.map((r) => r.stdout).join('\n')).not.toContain(accountIdFor(ENV_SECRETS.AWS_ACCESS_KEY_ID));
    await expectNoSecret(runs, home);
  }, 240_000);

  it('against an endpoint that repeats every request back, reached with a password in its URL', async () => {
    const home = await tempHome();
    const endpoint = leaky.url.replace('http://', `http://admin:${URL_PASSWORD}@`);
    const env = { KINESIS_LAB_HOME: home, AWS_REGION: 'us-east-1', ...ENV_SECRETS, ...profileFiles };
    const viaFlag = ['--endpoint-url', endpoint];
    // The room sandbox's address and a class code, the password in the address.
    const code = `${endpoint}/${formatCode(withCheck('K7QMR3X'))}`;
    const runs = await Promise.all([
      runCli(['doctor', ...viaFlag], env),
      runCli(['doctor', '--json', ...viaFlag], env),
      runCli(['check', ...viaFlag], env),
      runCli(['check', '--json', ...viaFlag], env),
      runCli(['solve', 'create-stream', ...viaFlag], env),
      runCli(['produce', '--count', '1', ...viaFlag], env),
      runCli(['produce', '--count', '1', '--json', ...viaFlag], env),
      runCli(['cleanup', '--dry-run', ...viaFlag], env),
      runCli(['--plain', ...viaFlag], env),
      runCli(['class', 'create', ...viaFlag], env),
      runCli(['class', 'board', code, '--once'], env),
      runCli(['class', 'delete', code, '--yes'], env),
      // The same endpoint from the environment instead of the flag.
      runCli(['check', 'create-stream'], { ...env, AWS_ENDPOINT_URL: endpoint }),
    ]);
    runs.push(await runCli(['cleanup', '--yes', ...viaFlag], env), await runCli(['report'], env), await runCli(['reset', '--yes'], env));
    // Not vacuous: the endpoint got the signed requests, and what was printed shows where secrets were taken out.
    expect(leaky.seen().join('\n')).toContain(ENV_SECRETS.AWS_SESSION_TOKEN);
    const printed = runs.map((r) => r.stdout + r.stderr).join('\n');
    expect(printed).toContain('http://[redacted]@127.0.0.1');
    expect(printed).toContain('Credential=[redacted]');
    await expectNoSecret(runs, home);
  }, 240_000);

  it('on "real AWS" with credentials from a profile file, their errors repeated back', async () => {
    const home = await tempHome();
    // 0.0.0.0 reaches this machine but is not a loopback name: the lab treats it as AWS and signs with the profile.
    const endpoint = leakyForProfile.url.replace('127.0.0.1', '0.0.0.0');
    const env = { KINESIS_LAB_HOME: home, AWS_ENDPOINT_URL: endpoint, ...profileFiles };
    const runs = await Promise.all([
      runCli(['doctor', '--profile', 'leaky'], env),
      runCli(['check', 'create-stream', '--json', '--profile', 'leaky'], env),
      runCli(['cleanup', '--dry-run', '--profile', 'leaky'], env),
      runCli(['produce', '--count', '1', '--profile', 'leaky'], env),
    ]);
    expect(leakyForProfile.seen().join('\n')).toContain(PROFILE_SECRETS.aws_session_token);
    expect(runs[1].stdout).toContain('"step":"create-stream"');
    await expectNoSecret(runs, home);
  }, 240_000);
});
