import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCallerIdentity } from '../../src/aws/caller-identity.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';

describe('sandbox STS', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startLabSandbox({ metricsDelayMs: 0 });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  it('GetCallerIdentity through SDK v3 (query protocol): the sandbox learner, and the server date for clock skew', async () => {
    const before = Date.now();
    const identity = await getCallerIdentity({ region: 'ap-northeast-2', endpoint: sandbox.url, credentials: { ...SANDBOX_CREDENTIALS } });
    expect(identity).toMatchObject({ account: '000000000000', arn: 'arn:aws:iam::000000000000:user/kinesis-lab-learner', userId: 'AIDAKINESISLABLEARNER' });
    expect(Math.abs((identity.serverDate?.getTime() ?? 0) - before)).toBeLessThan(5_000);
  });

  it('any other STS action: a query-protocol InvalidAction error, not a crash', async () => {
    const res = await fetch(sandbox.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=AssumeRole&Version=2011-06-15' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('<Code>InvalidAction</Code><Message>Could not find operation AssumeRole for version 2011-06-15');
  });
});
