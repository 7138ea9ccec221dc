import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeClassEvent, type ClassEvent } from './class-event.js';
import { ClassOutbox, type ClassEventSender } from './class-outbox.js';

/** A class stream that can be "offline": sends fail until `online` is true; what arrives is kept in order. */
function stream() {
  const received: { event: ClassEvent }[] = [];
  const state = { online: true, attempts: 0 };
  const send: ClassEventSender = async (event, data) => {
    state.attempts += 1;
    if (!state.online) throw Object.assign(new Error('connect ECONNREFUSED'), { name: 'NetworkingError' });
    expect(decodeClassEvent(data)).toEqual(event);
    received.push({ event });
  };
  return { received, send, state };
}

/** The outbox names its files by the code's hash (see class-outbox.ts). */
const outboxKey = (code: string) => createHash('sha256').update(code).digest('hex').slice(0, 16);
const noWait = () => new Promise<void>((resolve) => setImmediate(resolve));
let t = 1_000;
const clock = () => t++;

describe('ClassOutbox', () => {
  it('sends events in order, one learner id, sequence numbers counting up', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-outbox-'));
    const s = stream();
    const outbox = await ClassOutbox.open({ dir, code: 'KL1-x', name: 'Mina', send: s.send, clock, sleep: noWait });
    await outbox.enqueue({ step: 'create-stream', status: 'joined' });
    await outbox.enqueue({ step: 'create-stream', status: 'passed' });
    await outbox.enqueue({ step: 'put-record', status: 'failed', errorKind: 'stream-not-found' });
    expect(await outbox.close(5_000)).toBe(0);
    expect(s.received.map((r) => [r.event.seq, r.event.step, r.event.status, r.event.errorKind])).toEqual([
      [0, 'create-stream', 'joined', undefined],
      [1, 'create-stream', 'passed', undefined],
      [2, 'put-record', 'failed', 'stream-not-found'],
    ]);
    expect(new Set(s.received.map((r) => r.event.learnerId)).size).toBe(1);
    expect(outbox.status).toEqual({ waiting: 0, sent: 3 });
  });

  it('keeps events on disk while offline and sends them, in order and before new ones, in the next run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-outbox-'));
    const s = stream();
    s.state.online = false;
    const first = await ClassOutbox.open({ dir, code: 'KL1-x', name: 'Mina', send: s.send, clock, sleep: noWait, backoffMs: 1 });
    await first.enqueue({ step: 'create-stream', status: 'joined' });
    await first.enqueue({ step: 'create-stream', status: 'passed' });
    expect(await first.close(50)).toBe(2);
    expect(first.status.lastError).toBe('NetworkingError');
    expect(s.received).toEqual([]);
    expect(s.state.attempts).toBeGreaterThan(1);

    s.state.online = true;
    const second = await ClassOutbox.open({ dir, code: 'KL1-x', name: 'Mina', send: s.send, clock, sleep: noWait });
    expect(second.learnerId).toBe(first.learnerId);
    await second.enqueue({ step: 'put-record', status: 'in-progress' });
    expect(await second.close(5_000)).toBe(0);
    expect(s.received.map((r) => [r.event.seq, r.event.status])).toEqual([[0, 'joined'], [1, 'passed'], [2, 'in-progress']]);
    const left = await readFile(join(dir, `${outboxKey('KL1-x')}.outbox.jsonl`), 'utf8');
    expect(left).toBe('');
  });

  it('drops a line half-written by a killed process and goes on with the rest', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-outbox-'));
    const s = stream();
    s.state.online = false;
    const first = await ClassOutbox.open({ dir, code: 'KL1-y', name: 'Joon', send: s.send, clock, sleep: noWait, backoffMs: 1 });
    await first.enqueue({ step: 'create-stream', status: 'joined' });
    await first.close(10);
    const path = join(dir, `${outboxKey('KL1-y')}.outbox.jsonl`);
    await writeFile(path, `${await readFile(path, 'utf8')}{"v":1,"id":"x`);
    s.state.online = true;
    const second = await ClassOutbox.open({ dir, code: 'KL1-y', name: 'Joon', send: s.send, clock, sleep: noWait });
    expect(await second.close(5_000)).toBe(0);
    expect(s.received.map((r) => r.event.status)).toEqual(['joined']);
  });

  it('gives different classes (codes) separate identities and queues', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-outbox-'));
    const s = stream();
    const a = await ClassOutbox.open({ dir, code: 'KL1-a', name: 'Mina', send: s.send, clock, sleep: noWait });
    const b = await ClassOutbox.open({ dir, code: 'KL1-b', name: 'Mina', send: s.send, clock, sleep: noWait });
    expect(a.learnerId).not.toBe(b.learnerId);
    await a.close(10);
    await b.close(10);
  });

  it('when its file cannot be written: enqueue rejects naming the file, and the event is still sent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-outbox-'));
    const s = stream();
    const outbox = await ClassOutbox.open({ dir, code: 'KL1-x', name: 'Mina', send: s.send, clock, sleep: noWait });
    // A folder where the identity file goes: its atomic write cannot rename over it.
    const identity = join(dir, `${outboxKey('KL1-x')}.json`);
    await mkdir(identity);
    await expect(outbox.enqueue({ step: 'create-stream', status: 'joined' })).rejects.toMatchObject({ name: 'AtomicWriteError', path: identity });
    expect(await outbox.close(5_000)).toBe(0);
    expect(s.received.map((r) => [r.event.step, r.event.status])).toEqual([['create-stream', 'joined']]);
  });
});
