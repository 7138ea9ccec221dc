/**
 * The room sandbox's class registry: one short code per class stream, looked up by the room (not only
 * this machine), kept across a restart, refusing streams that are not there and saying when a class
 * stream was deleted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStreamCommand, DeleteStreamCommand } from '@aws-sdk/client-kinesis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCode } from '../../src/shared/class-code.js';
import { createSandbox } from '../../src/sandbox/create-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';
import { accountClients } from '../fixtures/account-clients.js';

const ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/kinesis-lab-class';

async function call(sandbox: Sandbox, method: string, path: string, body?: unknown, remoteAddress?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const answer = await sandbox.dispatch({ method, url: path, headers: {}, body: Buffer.from(body === undefined ? '' : JSON.stringify(body)), ...(remoteAddress ? { remoteAddress } : {}) });
  return { status: answer.status, body: JSON.parse(String(answer.body)) as Record<string, unknown> };
}

async function createStream(sandbox: Sandbox, name: string): Promise<void> {
  const instructor = accountClients(sandbox.url, 'us-east-1');
  try {
    await instructor.kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
  } finally {
    instructor.stop();
  }
}

describe('the class registry route', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kl-classes-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('says it is a kinesis-lab sandbox', async () => {
    const sandbox = await createSandbox();
    try {
      expect(await call(sandbox, 'GET', '/kinesis-lab/classes', undefined, '192.168.1.44')).toEqual({ status: 200, body: { registry: 'kinesis-lab', version: 1 } });
    } finally {
      await sandbox.stop();
    }
  });

  it('gives a class stream one code, another stream another, and answers the room after a restart', async () => {
    const first = await createSandbox({ dataDir: dir, createStreamMs: 0 });
    let code: string;
    try {
      await createStream(first, 'kinesis-lab-class');
      await createStream(first, 'kinesis-lab-class-2');
      const made = await call(first, 'POST', '/kinesis-lab/classes', { streamArn: ARN });
      expect(made.status).toBe(200);
      code = String(made.body.code);
      expect(checkCode(code)).toEqual({ ok: true, code });
      expect(code).toHaveLength(8);
      // A sandbox on loopback has no address the room can use.
      expect(made.body).toEqual({ code, account: '000000000000', region: 'us-east-1', stream: 'kinesis-lab-class', arn: ARN, addresses: [] });
      expect((await call(first, 'POST', '/kinesis-lab/classes', { streamArn: ARN })).body.code).toBe(code);
      const other = await call(first, 'POST', '/kinesis-lab/classes', { streamArn: ARN.replace('kinesis-lab-class', 'kinesis-lab-class-2') });
      expect(other.body.code).not.toBe(code);
    } finally {
      await first.stop();
    }
    const again = await createSandbox({ dataDir: dir });
    try {
      // A learner's laptop in the room looks it up.
      expect(await call(again, 'GET', `/kinesis-lab/classes/${code}`, undefined, '192.168.1.44')).toEqual({
        status: 200,
        body: { code, account: '000000000000', region: 'us-east-1', stream: 'kinesis-lab-class', arn: ARN },
      });
    } finally {
      await again.stop();
    }
  });

  it('refuses a stream that does not exist and a body without an ARN; answers 404 for an unknown code and 410 for a deleted class', async () => {
    const sandbox = await createSandbox({ createStreamMs: 0, deleteStreamMs: 0 });
    const instructor = accountClients(sandbox.url, 'us-east-1');
    try {
      expect(await call(sandbox, 'POST', '/kinesis-lab/classes', { streamArn: ARN })).toEqual({ status: 404, body: { message: 'Stream kinesis-lab-class under account 000000000000 not found in us-east-1.' } });
      expect((await call(sandbox, 'POST', '/kinesis-lab/classes', { stream: 'x' })).status).toBe(400);
      expect((await call(sandbox, 'POST', '/kinesis-lab/classes', 'not json')).status).toBe(400);
      expect(await call(sandbox, 'GET', '/kinesis-lab/classes/K7QMR3XP')).toEqual({ status: 404, body: { message: 'No class K7QMR3XP on this sandbox.' } });
      await instructor.kinesis.send(new CreateStreamCommand({ StreamName: 'kinesis-lab-class', ShardCount: 1 }));
      const code = String((await call(sandbox, 'POST', '/kinesis-lab/classes', { streamArn: ARN })).body.code);
      await instructor.kinesis.send(new DeleteStreamCommand({ StreamName: 'kinesis-lab-class' }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      const gone = await call(sandbox, 'GET', `/kinesis-lab/classes/${code}`);
      expect(gone.status).toBe(410);
      expect(gone.body.message).toBe(`Class ${code} ended: its stream kinesis-lab-class was deleted.`);
    } finally {
      instructor.stop();
      await sandbox.stop();
    }
  });
});
