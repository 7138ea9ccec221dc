import { describe, expect, it } from 'vitest';
import { decodeClassEvent, encodeClassEvent, validateDisplayName, type ClassEvent } from './class-event.js';

const event: ClassEvent = { learnerId: 'abcd1234', name: '김민아', seq: 3, at: 1_795_000_000_000, step: 'put-record', status: 'failed', errorKind: 'stream-not-found' };

describe('class events', () => {
  it('encode to one small JSON record with nothing but id, name, sequence, time, step, status and error kind', () => {
    const text = encodeClassEvent(event);
    expect(JSON.parse(text)).toEqual({ v: 1, id: 'abcd1234', n: '김민아', q: 3, t: 1_795_000_000_000, s: 'put-record', st: 'failed', k: 'stream-not-found' });
    expect(decodeClassEvent(text)).toEqual(event);
    const { errorKind: _k, ...plain } = event;
    expect(decodeClassEvent(encodeClassEvent({ ...plain, status: 'passed' }))).toEqual({ ...plain, status: 'passed' });
  });

  it.each([
    ['not JSON', 'hello'],
    ['another version', JSON.stringify({ v: 2, id: 'abcd1234', n: 'A', q: 1, t: 1, s: 'x', st: 'joined' })],
    ['a bad status', JSON.stringify({ v: 1, id: 'abcd1234', n: 'A', q: 1, t: 1, s: 'x', st: 'hacked' })],
    ['a negative sequence', JSON.stringify({ v: 1, id: 'abcd1234', n: 'A', q: -1, t: 1, s: 'x', st: 'joined' })],
    ['a long name', JSON.stringify({ v: 1, id: 'abcd1234', n: 'A'.repeat(41), q: 1, t: 1, s: 'x', st: 'joined' })],
    ['an odd error kind', JSON.stringify({ v: 1, id: 'abcd1234', n: 'A', q: 1, t: 1, s: 'x', st: 'failed', k: 'Rate exceeded for shard' })],
  ])('ignores a record with %s (the stream is writable by the whole room)', (_why, text) => {
    expect(decodeClassEvent(text)).toBeUndefined();
  });

  it('strips terminal control characters from names so nobody repaints the board', () => {
    const text = JSON.stringify({ v: 1, id: 'abcd1234', n: 'Eve\u001b[2J', q: 1, t: 1, s: 'x', st: 'joined' });
    expect(decodeClassEvent(text)?.name).toBe('Eve[2J');
  });

  it('checks display names from --name', () => {
    expect(validateDisplayName('  Mina Kim ')).toEqual({ ok: true, value: 'Mina Kim' });
    expect(validateDisplayName('  ')).toMatchObject({ ok: false, message: { en: '--name needs a display name, e.g. --name "Mina Kim"' } });
    expect(validateDisplayName('x'.repeat(41))).toMatchObject({ ok: false, message: { en: '--name is 41 characters long; use at most 40' } });
  });
});
