/**
 * Every AWS call has deadlines that fire: against endpoints that accept and never answer, answer
 * halfway, or never let the connection complete, a real SDK v3 client (the lab's factory) gives up,
 * retries as the SDK does, and the diagnosis names what happened. A stopped command ends a call in
 * flight at once, without retrying it.
 */
import { ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { afterEach, describe, expect, it } from 'vitest';
import { callDeadlines } from '../../src/aws/call-deadlines.js';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { diagnose } from '../../src/diagnose/catalog.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import { startStallingEndpoint, startUnconnectableEndpoint } from '../fixtures/stalling-endpoint.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function client(endpoint: string, answerMs: number, extra: { signal?: AbortSignal; maxAttempts?: number } = {}) {
  return createKinesisClient(
    { region: 'us-east-1', endpoint, credentials: { ...SANDBOX_CREDENTIALS }, deadlines: callDeadlines(answerMs), ...(extra.signal ? { signal: extra.signal } : {}) },
    { maxAttempts: extra.maxAttempts ?? 3 },
  );
}

async function failure(work: Promise<unknown>): Promise<Error & { phase?: string; $metadata?: { attempts?: number } }> {
  try {
    await work;
  } catch (error) {
    return error as Error & { phase?: string };
  }
  throw new Error('the call was expected to fail');
}

describe('call deadlines', () => {
  it('an endpoint that accepts and never answers: each attempt ends at the first-byte deadline, the SDK tries 3 times, the diagnosis says so', async () => {
    const hole = await startStallingEndpoint('black-hole');
    closers.push(() => hole.close());
    const kinesis = client(hole.url, 300);
    const error = await failure(kinesis.send(new ListStreamsCommand({})));
    kinesis.destroy();
    expect(error.name).toBe('TimeoutError');
    expect(error.phase).toBe('first-byte');
    expect(error.message).toBe(`${hole.url.slice('http://'.length)} accepted the connection but never answered in 0.3 s`);
    expect(hole.connections()).toBe(3);
    const d = await diagnose(error, { region: 'us-east-1', stream: 'input-stream', endpoint: hole.url, sandbox: true, operation: 'ListStreams' });
    expect(d.kind).toBe('network-timeout');
    expect(d.what.en).toBe(`The endpoint accepted the connection but never answered in 0.3 s: the sandbox at ${hole.url}.`);
    expect(d.what.ko).toBe(`엔드포인트가 연결은 받았지만 0.3초 동안 응답하지 않았습니다: 샌드박스(${hole.url}).`);
    expect(d.why.en).toContain('suspended with Ctrl+Z');
    expect(d.fix.en).toContain('KINESIS_LAB_CALL_TIMEOUT=1s');
  });

  it('an answer whose body stops halfway ends at the whole-attempt deadline', async () => {
    const stalled = await startStallingEndpoint('stalled-body');
    closers.push(() => stalled.close());
    const kinesis = client(stalled.url, 300, { maxAttempts: 2 });
    const error = await failure(kinesis.send(new ListStreamsCommand({})));
    kinesis.destroy();
    expect(error.name).toBe('TimeoutError');
    expect(error.phase).toBe('whole');
    expect(error.message).toContain('started answering but did not finish within 0.6 s');
    expect(stalled.connections()).toBe(2);
    const d = await diagnose(error, { region: 'us-east-1', stream: 'input-stream', endpoint: stalled.url, sandbox: true });
    expect(d.what.en).toBe(`The endpoint started answering but did not finish within 0.6 s: the sandbox at ${stalled.url}.`);
  });

  it('a connection that never completes (a stopped process with a full queue) ends at the connect deadline', async () => {
    const stopped = await startUnconnectableEndpoint();
    closers.push(() => stopped.close());
    const kinesis = client(stopped.url, 400, { maxAttempts: 1 });
    const error = await failure(kinesis.send(new ListStreamsCommand({})));
    kinesis.destroy();
    expect(error.phase).toBe('connect');
    expect(error.message).toBe(`could not connect to ${stopped.url.slice('http://'.length)} within 0.4 s`);
    const d = await diagnose(error, { region: 'us-east-1', stream: 'input-stream', endpoint: stopped.url, sandbox: true });
    expect(d.what.en).toBe(`Could not connect to the sandbox at ${stopped.url} within 0.4 s.`);
  });

  it("the command's stop signal ends a call in flight at once, and the SDK does not retry it", async () => {
    const hole = await startStallingEndpoint('black-hole');
    closers.push(() => hole.close());
    const stop = new AbortController();
    const kinesis = client(hole.url, 30_000, { signal: stop.signal });
    const pending = failure(kinesis.send(new ListStreamsCommand({})));
    while (hole.connections() === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    stop.abort(new Error('stopped by SIGTERM'));
    const error = await pending;
    kinesis.destroy();
    expect(error.name).toBe('AbortError');
    expect(hole.connections()).toBe(1);
    // After the stop, a new call fails before it connects.
    const again = createKinesisClient({ region: 'us-east-1', endpoint: hole.url, credentials: { ...SANDBOX_CREDENTIALS }, signal: stop.signal });
    expect((await failure(again.send(new ListStreamsCommand({})))).name).toBe('AbortError');
    again.destroy();
    expect(hole.connections()).toBe(1);
  });
});
