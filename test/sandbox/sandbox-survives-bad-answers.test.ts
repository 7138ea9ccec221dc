import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxResponse } from '../../src/sandbox/sandbox-types.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const signedFor = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;

/**
 * One bad answer must never end the sandbox: a service (or a fault) that hands the router a
 * response Node refuses to write, or a client that leaves before its answer is ready, costs that
 * one request and nothing else.
 */
describe('the sandbox keeps answering after a request whose answer cannot be written', () => {
  let box: TestSandbox;
  let answerSlow: ((response: SandboxResponse) => void) | undefined;
  let slowStarted: () => void = () => undefined;

  beforeAll(async () => {
    box = await startTestSandbox();
    box.sandbox.mount({
      name: 'BadHeader',
      claims: (req) => req.service === 'badheader',
      handle: () => Promise.resolve({ status: 200, headers: { 'x-note': 'line one\nline two' }, body: 'never sent' }),
    });
    box.sandbox.mount({
      name: 'BadStatus',
      claims: (req) => req.service === 'badstatus',
      handle: () => Promise.resolve({ status: 0, headers: {}, body: 'never sent' }),
    });
    box.sandbox.mount({
      name: 'Slow',
      claims: (req) => req.service === 'slow',
      handle: () =>
        new Promise<SandboxResponse>((resolve) => {
          answerSlow = resolve;
          slowStarted();
        }),
    });
    box.sandbox.mount({
      name: 'Echo',
      claims: (req) => req.service === 'echo',
      handle: (req) => Promise.resolve({ status: 200, headers: { 'content-type': 'text/plain' }, body: `echo ${req.body.toString()}` }),
    });
  });
  afterAll(() => box.stop());

  async function echo(text: string): Promise<{ status: number; body: string }> {
    const response = await fetch(box.sandbox.url, { method: 'POST', headers: { authorization: signedFor('echo') }, body: text });
    return { status: response.status, body: await response.text() };
  }

  it('a header value Node rejects: that client gets a 500 InternalFailure, the next one its answer', async () => {
    const response = await fetch(box.sandbox.url, { method: 'POST', headers: { authorization: signedFor('badheader') }, body: '{}' });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      __type: 'InternalFailure',
      message: `The sandbox's router service failed: Invalid character in header content ["x-note"]`,
    });
    expect(await echo('after a bad header')).toEqual({ status: 200, body: 'echo after a bad header' });
  });

  it('a status code Node rejects: a 500 as well, and the sandbox goes on', async () => {
    const response = await fetch(box.sandbox.url, { method: 'POST', headers: { authorization: signedFor('badstatus') }, body: '{}' });
    expect(response.status).toBe(500);
    expect(((await response.json()) as { __type: string }).__type).toBe('InternalFailure');
    expect(await echo('after a bad status')).toEqual({ status: 200, body: 'echo after a bad status' });
  });

  it('a client that hangs up before its answer is ready: the late answer goes nowhere, the sandbox goes on', async () => {
    const started = new Promise<void>((resolve) => {
      slowStarted = resolve;
    });
    const socket = connect(box.sandbox.port, box.sandbox.host);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(`POST / HTTP/1.1\r\nHost: sandbox\r\nAuthorization: ${signedFor('slow')}\r\nContent-Length: 2\r\n\r\n{}`);
    await started;
    socket.destroy();
    await closed;
    expect(answerSlow).toBeDefined();
    answerSlow?.({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(4 * 1024 * 1024, 1) });
    expect(await echo('after a hang-up')).toEqual({ status: 200, body: 'echo after a hang-up' });
  });
});
