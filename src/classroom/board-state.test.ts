import { describe, expect, it } from 'vitest';
import { applyClassEvent, boardRows, emptyBoard, stepCounts, type BoardState } from './board-state.js';
import type { ClassEvent } from './class-event.js';

const ORDER = ['create-stream', 'put-record', 'put-records'];
const MIN = 60_000;
const ev = (learnerId: string, seq: number, at: number, step: string, status: ClassEvent['status'], errorKind?: string, name = learnerId): ClassEvent => ({
  learnerId, name, seq, at, step, status, ...(errorKind ? { errorKind } : {}),
});
const fold = (events: ClassEvent[], start: BoardState = emptyBoard()) => events.reduce(applyClassEvent, start);

describe('board state', () => {
  const room = [
    ev('mina', 0, 0, 'create-stream', 'joined', undefined, 'Mina'),
    ev('mina', 1, 1 * MIN, 'create-stream', 'passed', undefined, 'Mina'),
    ev('mina', 2, 2 * MIN, 'put-record', 'in-progress', undefined, 'Mina'),
    ev('joon', 0, 0, 'create-stream', 'joined', undefined, 'Joon'),
    ev('joon', 1, 3 * MIN, 'create-stream', 'failed', 'no-credentials', 'Joon'),
  ];

  it('keeps one row per learner with the current step, when they got there, status and last error kind', () => {
    const board = fold(room);
    expect(boardRows(board).map(({ history: _h, ...r }) => r)).toEqual([
      { learnerId: 'joon', name: 'Joon', step: 'create-stream', status: 'failed', since: 0, lastAt: 3 * MIN, lastSeq: 1, lastErrorKind: 'no-credentials', lastErrorSeq: 1, passed: [] },
      { learnerId: 'mina', name: 'Mina', step: 'put-record', status: 'in-progress', since: 2 * MIN, lastAt: 2 * MIN, lastSeq: 2, passed: ['create-stream'] },
    ]);
    expect(board.events).toBe(5);
  });

  it('counts working, stuck (failing, or on a step 15 minutes) and done per step', () => {
    const board = fold(room);
    expect(stepCounts(board, ORDER, 4 * MIN)).toEqual([
      { step: 'create-stream', working: 0, stuck: 1, done: 1 },
      { step: 'put-record', working: 1, stuck: 0, done: 0 },
      { step: 'put-records', working: 0, stuck: 0, done: 0 },
    ]);
    expect(stepCounts(board, ORDER, 17 * MIN)[1]).toEqual({ step: 'put-record', working: 0, stuck: 1, done: 0 });
  });

  it('ignores an event sent twice (a buffer resent after a crash)', () => {
    const once = fold(room);
    expect(fold([room[1]!, room[4]!], once)).toBe(once);
  });

  it('ends in the same rows whatever order the events arrive in (shards read after a reshard)', () => {
    const inOrder = fold(room);
    const shuffled = fold([room[4]!, room[2]!, room[0]!, room[3]!, room[1]!]);
    const strip = (b: BoardState) => boardRows(b).map(({ history: _h, ...r }) => r);
    expect(strip(shuffled)).toEqual(strip(inOrder));
  });

  it('keeps a restarted learner on one row (same id), clearing the error once they pass', () => {
    const restarted = fold([
      ...room,
      ev('joon', 2, 10 * MIN, 'create-stream', 'joined', undefined, 'Joon'),
      ev('joon', 3, 11 * MIN, 'create-stream', 'passed', undefined, 'Joon'),
    ]);
    expect(boardRows(restarted)).toHaveLength(2);
    expect(restarted.learners.joon).toMatchObject({ step: 'create-stream', status: 'passed', since: 0, passed: ['create-stream'] });
    expect(restarted.learners.joon?.lastErrorKind).toBeUndefined();
  });

  it('shows the newest error kind on the current step', () => {
    const board = fold([ev('a', 0, 0, 'put-record', 'failed', 'stream-not-found'), ev('a', 1, 1, 'put-record', 'failed', 'throttled')]);
    expect(board.learners.a?.lastErrorKind).toBe('throttled');
    const late = fold([ev('a', 1, 1, 'put-record', 'failed', 'throttled'), ev('a', 0, 0, 'put-record', 'failed', 'stream-not-found')]);
    expect(late.learners.a?.lastErrorKind).toBe('throttled');
  });

  it('sorts rows by name, case-insensitively, then by id', () => {
    const board = fold([ev('z1', 0, 0, 's', 'joined', undefined, 'bo'), ev('a1', 0, 0, 's', 'joined', undefined, 'Al'), ev('b2', 0, 0, 's', 'joined', undefined, 'bo')]);
    expect(boardRows(board).map((r) => r.learnerId)).toEqual(['a1', 'b2', 'z1']);
  });
});
