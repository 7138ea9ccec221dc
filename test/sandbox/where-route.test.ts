/**
 * The sandbox's loopback-only admin route: where else on the sandbox a stream, metrics, a pipe, a role
 * or a log group of a name exists, with the access keys seen for that account, across a restart;
 * refused to callers from another machine.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';
import { accountClients } from '../fixtures/account-clients.js';
import { TRUST_POLICY } from '../pipes/pipes-helpers.js';

const KEY = 'AKIALEARNERSOWNKEY01';
/** What the sandbox keeps and serves of a key id: never the whole of it. */
const SHORT_KEY = 'AKIA…EY01';

async function where(sandbox: Sandbox, query: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${sandbox.url}/kinesis-lab/where?${query}`);
  return { status: response.status, body: await response.json() };
}

describe('the admin route: where a resource is, across accounts', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kl-where-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('names the other accounts holding the name, with their keys, and still does after a restart', async () => {
    const first = await startLabSandbox({ dataDir: dir, createStreamMs: 0 });
    const learner = accountClients(first.url, 'us-west-2', KEY);
    let account: string;
    try {
      await learner.kinesis.send(new CreateStreamCommand({ StreamName: 'input-stream', ShardCount: 1 }));
      await learner.kinesis.send(new PutRecordsCommand({ StreamName: 'input-stream', Records: [1, 2, 3].map((n) => ({ PartitionKey: `k${n}`, Data: Buffer.from('{}') })) }));
      await learner.iam.send(new CreateRoleCommand({ RoleName: 'pipe-role', AssumeRolePolicyDocument: TRUST_POLICY }));
      await learner.logs.send(new CreateLogGroupCommand({ logGroupName: '/lab/pipe' }));
      const found = await where(first, 'kind=stream&name=input-stream&exclude=000000000000');
      expect(found.status).toBe(200);
      const [only] = (found.body as { found: { account: string }[] }).found;
      account = only?.account ?? '';
      expect(found.body).toEqual({ found: [{ account, region: 'us-west-2', records: 3, accessKeys: [SHORT_KEY] }] });
      expect((await where(first, `kind=stream&name=input-stream&exclude=${account}`)).body).toEqual({ found: [] });
      expect((await where(first, 'kind=metrics&name=input-stream')).body).toEqual({ found: [{ account, region: 'us-west-2', records: 3, accessKeys: [SHORT_KEY] }] });
      expect((await where(first, 'kind=role&name=pipe-role')).body).toEqual({ found: [{ account, accessKeys: [SHORT_KEY] }] });
      expect((await where(first, 'kind=log-group&name=/lab/pipe')).body).toEqual({ found: [{ account, region: 'us-west-2', accessKeys: [SHORT_KEY] }] });
      expect(await where(first, 'kind=queue&name=x')).toEqual({ status: 400, body: { message: 'Give kind (stream, metrics, pipe, role, log-group) and name.' } });
    } finally {
      learner.stop();
      await first.stop();
    }
    const again = await startLabSandbox({ dataDir: dir });
    try {
      expect((await where(again, 'kind=stream&name=input-stream')).body).toEqual({ found: [{ account, region: 'us-west-2', records: 3, accessKeys: [SHORT_KEY] }] });
    } finally {
      await again.stop();
    }
    // The whole key id was never written.
    for (const file of await readdir(dir)) expect((await readFile(join(dir, file), 'utf8')).includes(KEY), file).toBe(false);
  });

  it('answers nobody from another machine', async () => {
    const sandbox = await startLabSandbox();
    try {
      const reply = await sandbox.dispatch({ method: 'GET', url: '/kinesis-lab/where?kind=stream&name=input-stream', headers: {}, body: Buffer.alloc(0), remoteAddress: '192.168.1.23' });
      expect(reply.status).toBe(403);
      expect(JSON.parse(String(reply.body))).toEqual({ message: "The kinesis-lab sandbox's admin route answers only on the sandbox's own machine." });
    } finally {
      await sandbox.stop();
    }
  });
});
