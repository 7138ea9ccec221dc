import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeStreamSummaryCommand, KinesisClient, PutRecordCommand, ResourceNotFoundException } from '@aws-sdk/client-kinesis';
import { CredentialsProviderError } from '@smithy/core/config';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/catalog.js';
import { classifyError } from '../../src/diagnose/classify-error.js';
import { redactSecrets } from '../../src/diagnose/redact-secrets.js';
import { ACCOUNT, AWS_CTX, awsError, nodeError } from './aws-errors.js';

describe('classifyError', () => {
  it('keeps name, message, status and request ID of an SDK service exception', () => {
    const error = new ResourceNotFoundException({
      message: `Stream input-stream under account ${ACCOUNT} not found.`,
      $metadata: { httpStatusCode: 400, requestId: 'f00d-1' },
    });
    expect(classifyError(error)).toEqual({
      name: 'ResourceNotFoundException',
      message: `Stream input-stream under account ${ACCOUNT} not found.`,
      status: 400,
      requestId: 'f00d-1',
    });
  });

  it('keeps the name of a credentials provider error', () => {
    expect(classifyError(new CredentialsProviderError('Could not load credentials from any providers', { tryNextLink: false }))).toEqual({
      name: 'CredentialsProviderError',
      message: 'Could not load credentials from any providers',
    });
  });

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN'])('finds the Node code %s on the error', (code) => {
    expect(classifyError(nodeError(code, `connect ${code} 10.0.0.1:443`, { address: '10.0.0.1', port: 443 }))).toEqual({
      name: 'Error',
      message: `connect ${code} 10.0.0.1:443`,
      code,
      host: '10.0.0.1:443',
    });
  });

  it('finds the code and host inside an AggregateError (IPv4 and IPv6 both refused) whose own message is empty', () => {
    const v6 = nodeError('ECONNREFUSED', 'connect ECONNREFUSED ::1:4567', { address: '::1', port: 4567 });
    const v4 = nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4567', { address: '127.0.0.1', port: 4567 });
    const aggregate = Object.assign(new AggregateError([v6, v4], ''), { code: 'ECONNREFUSED' });
    expect(classifyError(aggregate)).toEqual({ name: 'AggregateError', message: 'connect ECONNREFUSED ::1:4567', code: 'ECONNREFUSED', host: '[::1]:4567' });
  });

  it('finds a code on a cause', () => {
    const wrapped = new Error('fetch failed', { cause: nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND example.invalid', { hostname: 'example.invalid' }) });
    expect(classifyError(wrapped)).toEqual({ name: 'Error', message: 'fetch failed', code: 'ENOTFOUND', host: 'example.invalid' });
  });

  it('keeps the SDK TimeoutError and AbortError names', () => {
    expect(classifyError(Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' })).name).toBe('TimeoutError');
    expect(classifyError(Object.assign(new Error('Request aborted'), { name: 'AbortError' })).name).toBe('AbortError');
  });

  it('accepts plain strings and non-errors', () => {
    expect(classifyError('boom')).toEqual({ name: 'Error', message: 'boom' });
    expect(classifyError(undefined)).toEqual({ name: 'Error', message: 'no error details' });
    expect(classifyError(7)).toEqual({ name: 'Error', message: '7' });
  });

  it('cuts very long messages (an HTML page in an error) to 600 characters', () => {
    const message = classifyError(new Error('x'.repeat(5000))).message;
    expect(message).toHaveLength(600);
    expect(message.endsWith('…')).toBe(true);
  });
});

describe('redactSecrets', () => {
  it.each([
    [
      'presigned URL',
      'GET https://kinesis.us-east-1.amazonaws.com/?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101%2Fus-east-1&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr&X-Amz-Signature=fe5f80f77d5fa3beca038a248ff027',
      'GET https://kinesis.us-east-1.amazonaws.com/?X-Amz-Credential=[redacted]&X-Amz-Security-Token=[redacted]&X-Amz-Signature=[redacted]',
    ],
    [
      'Authorization header',
      'authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024',
      'authorization: AWS4-HMAC-SHA256 Credential=[redacted], SignedHeaders=host;x-amz-date, Signature=[redacted]',
    ],
    ['session token header', 'x-amz-security-token: IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH', 'x-amz-security-token: [redacted]'],
    [
      'credentials file lines',
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'aws_access_key_id = [redacted]\naws_secret_access_key = [redacted]',
    ],
    ['environment variable', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY npm start', 'AWS_SECRET_ACCESS_KEY=[redacted] npm start'],
    ['JSON credentials', '{"AccessKeyId":"ASIAIOSFODNN7EXAMPLE","SecretAccessKey":"wJalrXUtnFEMI","SessionToken":"IQoJb3"}', '{"AccessKeyId":"[redacted]","SecretAccessKey":"[redacted]","SessionToken":"[redacted]"}'],
    ['a bare access key ID', 'The key AKIAIOSFODNN7EXAMPLE is not valid', 'The key [redacted] is not valid'],
  ])('removes secrets from a %s', (_label, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('leaves ordinary AWS messages alone', () => {
    const messages = [
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
      'Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z (20240101T002000Z - 5 min.)',
      `Stream input-stream under account ${ACCOUNT} not found.`,
    ];
    for (const message of messages) expect(redactSecrets(message)).toBe(message);
  });

  it('is applied to every classified message, so no diagnosis text can carry a secret', async () => {
    const leaky = awsError('UnknownThing', 'Failed: aws_secret_access_key=wJalrXUtnFEMI/K7MDENG X-Amz-Signature=abcdef0123');
    const diagnosis = await diagnose(leaky, AWS_CTX);
    const all = JSON.stringify(diagnosis);
    expect(all).not.toContain('wJalrXUtnFEMI');
    expect(all).not.toContain('abcdef0123');
    expect(diagnosis.what.en).toBe('PutRecord failed: UnknownThing: Failed: aws_secret_access_key=[redacted] X-Amz-Signature=[redacted]');
  });
});

describe('errors from the real SDK client on loopback', () => {
  let server: Server;
  let port: number;
  let closedPort: number;

  beforeAll(async () => {
    // One fake endpoint: DescribeStreamSummary gets Kinesis' JSON error, anything else an HTML 404 page.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        if (String(req.headers['x-amz-target']).endsWith('DescribeStreamSummary')) {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
          res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: `Stream input-stream under account ${ACCOUNT} not found.` }));
        } else {
          res.writeHead(404, { 'content-type': 'text/html' });
          res.end('<html><body>Not Found</body></html>');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    const spare = createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    closedPort = (spare.address() as AddressInfo).port;
    await new Promise((resolve) => spare.close(resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function client(endpoint: string): KinesisClient {
    return new KinesisClient({
      region: 'us-east-1',
      endpoint,
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler(),
    });
  }

  async function thrownBy(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected the call to fail');
  }

  it('a refused connection becomes endpoint-refused, naming the endpoint', async () => {
    const endpoint = `http://127.0.0.1:${closedPort}`;
    const error = await thrownBy(client(endpoint).send(new DescribeStreamSummaryCommand({ StreamName: 'input-stream' })));
    expect(classifyError(error)).toMatchObject({ code: 'ECONNREFUSED', host: `127.0.0.1:${closedPort}` });
    const diagnosis = await diagnose(error, { region: 'us-east-1', stream: 'input-stream', sandbox: true, endpoint });
    expect(diagnosis.kind).toBe('endpoint-refused');
    expect(diagnosis.what.en).toBe(`Could not connect to the sandbox at ${endpoint}.`);
  });

  it("Kinesis' JSON error becomes the modeled exception and stream-not-found", async () => {
    const endpoint = `http://127.0.0.1:${port}`;
    const error = await thrownBy(client(endpoint).send(new DescribeStreamSummaryCommand({ StreamName: 'input-stream' })));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    const diagnosis = await diagnose(error, { region: 'us-east-1', stream: 'input-stream', sandbox: true, endpoint });
    expect(diagnosis.kind).toBe('stream-not-found');
  });

  it('an HTML page becomes not-an-aws-endpoint with the HTTP status', async () => {
    const endpoint = `http://127.0.0.1:${port}`;
    const error = await thrownBy(client(endpoint).send(new PutRecordCommand({ StreamName: 'input-stream', PartitionKey: 'k', Data: new Uint8Array([1]) })));
    const diagnosis = await diagnose(error, { ...AWS_CTX, endpoint });
    expect(diagnosis.kind).toBe('not-an-aws-endpoint');
    expect(diagnosis.why.en).toBe(`Something else listens at ${endpoint} (a web server, a different emulator, the wrong port). HTTP status 404.`);
  });
});
