import { applyClassEvent, emptyBoard, type BoardState } from './board-state.js';
import { decodeClassEvent } from './class-event.js';

/** Something that returns the class stream's new records on each call (the AWS reader, or a test's list). */
export interface ClassRecordSource {
  poll(): Promise<{ records: string[]; caughtUp: boolean }>;
}

export interface BoardSnapshot {
  board: BoardState;
  caughtUp: boolean;
  /** The last poll's error name and message; cleared by the next good poll. */
  error?: string;
  /** Records that were not class events (the stream is writable by the room), skipped. */
  skipped: number;
}

/** Turns polls into board states; one poll at a time, errors kept for the view instead of thrown. */
export class BoardFeed {
  private snapshot: BoardSnapshot = { board: emptyBoard(), caughtUp: false, skipped: 0 };

  constructor(private readonly source: ClassRecordSource) {}

  get current(): BoardSnapshot {
    return this.snapshot;
  }

  async pollOnce(): Promise<BoardSnapshot> {
    try {
      const { records, caughtUp } = await this.source.poll();
      let { board, skipped } = this.snapshot;
      for (const text of records) {
        const event = decodeClassEvent(text);
        if (event) board = applyClassEvent(board, event);
        else skipped += 1;
      }
      this.snapshot = { board, caughtUp, skipped };
    } catch (error) {
      const e = error as { name?: string; message?: string };
      this.snapshot = { ...this.snapshot, caughtUp: false, error: `${e.name ?? 'Error'}: ${(e.message ?? String(error)).split('\n')[0]}` };
    }
    return this.snapshot;
  }

  /**
   * Polls until every shard is caught up, for `class board --once` and tests. Gives up after `maxPolls`,
   * after `maxFailures` failed polls in a row (an endpoint that is down stays down for a while: each
   * failed poll already waited out its deadline), or when `signal` aborts.
   */
  async catchUp(maxPolls = 200, maxFailures = 3, signal?: AbortSignal): Promise<BoardSnapshot> {
    let failures = 0;
    for (let i = 0; i < maxPolls && !signal?.aborted; i++) {
      const s = await this.pollOnce();
      if (s.caughtUp && s.error === undefined) return s;
      failures = s.error === undefined ? 0 : failures + 1;
      if (failures >= maxFailures) break;
    }
    return this.snapshot;
  }
}
