/**
 * Bad requests to the sandbox's HTTP API: each gets an AWS-shaped error, never a crash or a stack,
 * and the sandbox keeps serving afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';

const LONG_NAME = `s${'a'.repeat(128)}`;

const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIAKINESISLAB000000/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000';

describe('bad requests to the sandbox API: an AWS-shaped error, never a crash', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startLabSandbox({ metricsDelayMs: 0, faults: { throttle: { recordsPerSecond: 5, bytesPerSecond: 1_048_576 } } });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  const kinesis = (operation: string, body: string | Uint8Array<ArrayBuffer>, contentType = 'application/x-amz-json-1.1') =>
    fetch(sandbox.url, { method: 'POST', headers: { 'content-type': contentType, 'x-amz-target': `Kinesis_20131202.${operation}`, authorization: AUTH, 'x-amz-date': '20260101T000000Z' }, body });

  const records = (n: number) => JSON.stringify({ StreamName: 'x', Records: Array.from({ length: n }, () => ({ PartitionKey: 'k', Data: 'eA==' })) });

  it.each<[string, () => Promise<Response>, number, string]>([
    ['malformed JSON', () => kinesis('PutRecord', '{"StreamName": '), 400, 'SerializationException'],
    ['an empty body', () => kinesis('PutRecord', ''), 400, 'SerializationException'],
    ['StreamName as a number', () => kinesis('DescribeStreamSummary', '{"StreamName":5}'), 400, 'SerializationException'],
    ['an unknown Kinesis target', () => kinesis('Frobnicate', '{}'), 400, 'UnknownOperationException'],
    ['a stream name with a space', () => kinesis('CreateStream', '{"StreamName":"bad name!","ShardCount":1}'), 400, 'ValidationException'],
    ['a 129-character stream name', () => kinesis('DescribeStreamSummary', JSON.stringify({ StreamName: LONG_NAME })), 400, 'ValidationException'],
    ['ShardCount as a string', () => kinesis('CreateStream', '{"StreamName":"ok","ShardCount":"two"}'), 400, 'SerializationException'],
    ['PutRecords with 501 records', () => kinesis('PutRecords', records(501)), 400, 'ValidationException'],
    ['PutRecords whose Records is not a list', () => kinesis('PutRecords', '{"StreamName":"x","Records":"nope"}'), 400, 'SerializationException'],
    ['PutRecord to a missing stream', () => kinesis('PutRecord', '{"StreamName":"missing","PartitionKey":"k","Data":"eA=="}'), 400, 'ResourceNotFoundException'],
    ['a GET to a random path', () => fetch(`${sandbox.url}/whatever`), 400, 'UnknownOperationException'],
    ['a signature scoped to a region that does not exist', () => fetch(sandbox.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Kinesis_20131202.ListStreams', authorization: AUTH.replace('us-east-1', 'mars-1') }, body: '{}' }), 400, 'InvalidSignatureException'],
  ])('%s', async (_name, call, status, type) => {
    const response = await call();
    expect(response.status).toBe(status);
    const body = (await response.json()) as { __type?: string; message?: string };
    expect(body.__type?.split('#').at(-1)).toBe(type);
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at |\.ts:\d+/);
  });

  it.each(['/v1/pipes/%E0%A4%A', '/v1/pipes/bad%zzname/start', '/tags/arn%3Aaws%3Apipes%3Aus-east-1%3A000000000000%3Apipe%2F%'])('a malformed %% escape in the Pipes path %s gets a 400 ValidationException, not a 500', async (path) => {
    const response = await fetch(`${sandbox.url}${path}`, { headers: { authorization: AUTH.replace('/kinesis/', '/pipes/'), 'x-amz-date': '20260101T000000Z' } });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(((await response.json()) as { message: string }).message).toContain('valid percent-encoded string');
  });

  it('garbage CBOR gets a CBOR SerializationException; an unknown STS action an XML error; the sandbox still serves', async () => {
    const cbor = await kinesis('PutRecord', new Uint8Array([0xff, 0xfe]), 'application/x-amz-cbor-1.1');
    expect(cbor.status).toBe(400);
    expect(Buffer.from(await cbor.arrayBuffer()).toString('latin1')).toContain('SerializationException');
    const sts = await fetch(sandbox.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=Frobnicate&Version=2011-06-15' });
    expect(sts.status).toBe(400);
    expect(await sts.text()).toContain('<Code>InvalidAction</Code>');
    const alive = await kinesis('ListStreams', '{}');
    expect(alive.status).toBe(200);
  });
});
