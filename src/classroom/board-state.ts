import type { ClassEvent, ClassStatus } from './class-event.js';

/** One learner's row on the class board. */
export interface LearnerRow {
  learnerId: string;
  name: string;
  step: string;
  status: ClassStatus;
  /** When the learner arrived on the current step (by their clock). */
  since: number;
  lastAt: number;
  lastSeq: number;
  lastErrorKind?: string;
  lastErrorSeq?: number;
  /** Steps this learner has passed at least once. */
  passed: string[];
  /** Every event's sequence number, time and step, by sequence: repeats are dropped by it, and `since` follows from it whatever order events arrived in. */
  history: { seq: number; at: number; step: string }[];
}

export interface BoardState {
  learners: Readonly<Record<string, LearnerRow>>;
  /** Events applied (repeats not counted). */
  events: number;
}

export const emptyBoard = (): BoardState => ({ learners: {}, events: 0 });

/**
 * Folds one event into the board. Events may come twice (a learner's buffer resent after a crash) or
 * late (read from a parent shard after a child's): a row follows the event with the highest sequence
 * number, and an older one only adds what it proves (a passed step, an earlier error kind).
 */
export function applyClassEvent(board: BoardState, event: ClassEvent): BoardState {
  const row = board.learners[event.learnerId];
  if (row === undefined) {
    const fresh: LearnerRow = { learnerId: event.learnerId, name: event.name, step: event.step, status: event.status, since: event.at, lastAt: event.at, lastSeq: event.seq, passed: event.status === 'passed' ? [event.step] : [], history: [{ seq: event.seq, at: event.at, step: event.step }] };
    if (event.errorKind) Object.assign(fresh, { lastErrorKind: event.errorKind, lastErrorSeq: event.seq });
    return { learners: { ...board.learners, [event.learnerId]: fresh }, events: board.events + 1 };
  }
  if (row.history.some((h) => h.seq === event.seq)) return board;
  const history = [...row.history, { seq: event.seq, at: event.at, step: event.step }].sort((a, b) => a.seq - b.seq);
  const next: LearnerRow = { ...row, history, since: arrivedAt(history) };
  if (event.status === 'passed' && !next.passed.includes(event.step)) next.passed = [...next.passed, event.step];
  if (newerError(row, event)) Object.assign(next, { lastErrorKind: event.errorKind, lastErrorSeq: event.seq });
  if (event.seq > row.lastSeq) {
    Object.assign(next, { name: event.name, step: event.step, status: event.status, lastAt: event.at, lastSeq: event.seq });
    // Passing or moving on clears the "last error" column: it is about the step they are on.
    if (event.status === 'passed' || event.step !== row.step) {
      delete next.lastErrorKind;
      delete next.lastErrorSeq;
      if (event.errorKind) Object.assign(next, { lastErrorKind: event.errorKind, lastErrorSeq: event.seq });
    }
  }
  return { learners: { ...board.learners, [event.learnerId]: next }, events: board.events + 1 };
}

/** When the learner arrived on their latest step: the first event of the last run of events on it. */
function arrivedAt(history: LearnerRow['history']): number {
  const last = history.at(-1)!;
  let since = last.at;
  for (let i = history.length - 1; i >= 0 && history[i]!.step === last.step; i--) since = history[i]!.at;
  return since;
}

function newerError(row: LearnerRow, event: ClassEvent): boolean {
  return event.errorKind !== undefined && event.step === row.step && (row.lastErrorSeq === undefined || event.seq > row.lastErrorSeq);
}

export interface StepCounts {
  step: string;
  /** Learners on this step now, not stuck. */
  working: number;
  /** On this step now and failing, or on it longer than `stuckAfterMs`. */
  stuck: number;
  /** Learners who passed it. */
  done: number;
}

/** @param stuckAfterMs on a step this long without passing counts as stuck. @default 15 minutes */
export function stepCounts(board: BoardState, order: readonly string[], now: number, stuckAfterMs = 15 * 60_000): StepCounts[] {
  const rows = Object.values(board.learners);
  return order.map((step) => {
    const here = rows.filter((r) => r.step === step && r.status !== 'left' && r.status !== 'passed');
    const stuck = here.filter((r) => isStuck(r, now, stuckAfterMs)).length;
    return { step, working: here.length - stuck, stuck, done: rows.filter((r) => r.passed.includes(step)).length };
  });
}

export function isStuck(row: LearnerRow, now: number, stuckAfterMs = 15 * 60_000): boolean {
  if (row.status === 'passed' || row.status === 'left') return false;
  return row.status === 'failed' || now - row.since >= stuckAfterMs;
}

/** Rows in a stable order for the table: by name, then id (locale-free, so every terminal agrees). */
export function boardRows(board: BoardState): LearnerRow[] {
  return Object.values(board.learners).sort((a, b) => cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.learnerId, b.learnerId));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
