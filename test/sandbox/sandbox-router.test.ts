import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/create-sandbox.js';
import type { SandboxRequest } from '../../src/sandbox/sandbox-types.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const signedFor = (region: string, service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKID/20261122/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;

describe('sandbox router', () => {
  let box: TestSandbox;
  const seen: SandboxRequest[] = [];
  beforeAll(async () => {
    box = await startTestSandbox();
    box.sandbox.mount({
      name: 'Broken',
      claims: (req) => req.service === 'broken',
      handle: () => Promise.reject(new Error('metric store exploded')),
    });
    box.sandbox.mount({
      name: 'Echo',
      claims: (req) => req.service === 'monitoring',
      handle: async (req) => {
        seen.push(req);
        return { status: 200, headers: { 'Content-Type': 'text/plain', Connection: 'close' }, body: `echo ${req.body.toString()}` };
      },
    });
  });
  afterAll(() => box.stop());

  it('answers an unknown target with an AWS-shaped error naming it', async () => {
    const response = await fetch(box.sandbox.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', 'content-type': 'application/x-amz-json-1.0', authorization: signedFor('us-east-1', 'dynamodb') },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'UnknownOperationException',
      message: "The kinesis-lab sandbox does not implement X-Amz-Target 'DynamoDB_20120810.ListTables' (signed for service 'dynamodb').",
    });
  });

  it('answers a plain GET with an AWS-shaped error naming the path', async () => {
    const response = await fetch(`${box.sandbox.url}/favicon.ico`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'UnknownOperationException',
      message: 'The kinesis-lab sandbox does not implement GET /favicon.ico.',
    });
  });

  it('routes to a mounted service by signing service, with region and body', async () => {
    const response = await fetch(`${box.sandbox.url}/?x=1`, {
      method: 'POST',
      headers: { authorization: signedFor('ap-northeast-2', 'monitoring'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListMetrics',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('echo Action=ListMetrics');
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/?x=1', region: 'ap-northeast-2', service: 'monitoring' });
  });

  it('turns a throwing service into a 500 InternalFailure and keeps serving', async () => {
    const broken = () => fetch(box.sandbox.url, { method: 'POST', headers: { authorization: signedFor('us-east-1', 'broken') }, body: '{}' });
    const first = await broken();
    expect(first.status).toBe(500);
    expect(await first.json()).toEqual({ __type: 'InternalFailure', message: "The sandbox's Broken service failed: metric store exploded" });
    expect((await broken()).status).toBe(500);
    expect(await box.kinesis().listStreams()).toEqual([]);
  });

  it('reads the region from a presigned X-Amz-Credential', async () => {
    const credential = encodeURIComponent('AKID/20261122/sa-east-1/monitoring/aws4_request');
    await fetch(`${box.sandbox.url}/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}`);
    expect(seen.at(-1)).toMatchObject({ region: 'sa-east-1', service: 'monitoring' });
  });

  it('refuses a credential scope that is not a region', async () => {
    const response = await fetch(box.sandbox.url, {
      method: 'POST',
      headers: { authorization: signedFor('..%2F..', 'kinesis'), 'x-amz-target': 'Kinesis_20131202.ListStreams' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'InvalidSignatureException' });
  });

  it('asks unsigned Kinesis calls for a signature, as AWS does', async () => {
    const response = await fetch(box.sandbox.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'Kinesis_20131202.ListStreams', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('stop()', () => {
  it('is idempotent, stops mounted services once and frees the port', async () => {
    const sandbox = await createSandbox({ port: 0 });
    let stops = 0;
    sandbox.mount({ name: 'Counter', claims: () => false, handle: () => Promise.reject(new Error('unused')), stop: async () => {
      stops++;
    } });
    // A keep-alive connection left open by a client must not hold stop() up.
    await fetch(sandbox.url, { headers: { connection: 'keep-alive' } });
    const first = sandbox.stop();
    const second = sandbox.stop();
    expect(second).toBe(first);
    await first;
    await sandbox.stop();
    expect(stops).toBe(1);
    await expect(fetch(sandbox.url)).rejects.toThrow();
  });

  it('reports a taken port clearly', async () => {
    const sandbox = await createSandbox();
    try {
      await expect(createSandbox({ port: sandbox.port })).rejects.toThrow(`Port ${sandbox.port} on 127.0.0.1 is already in use`);
    } finally {
      await sandbox.stop();
    }
  });
});
