import { describe, expect, it } from 'vitest';
import { BoardFeed } from './board-feed.js';

describe('BoardFeed.catchUp', () => {
  it('gives up after three failed polls in a row instead of polling an endpoint that is down 200 times', async () => {
    let polls = 0;
    const feed = new BoardFeed({
      poll: async () => {
        polls += 1;
        throw Object.assign(new Error('127.0.0.1:4567 accepted the connection but never answered in 30 s'), { name: 'TimeoutError' });
      },
    });
    const snapshot = await feed.catchUp();
    expect(polls).toBe(3);
    expect(snapshot.error).toBe('TimeoutError: 127.0.0.1:4567 accepted the connection but never answered in 30 s');
  });

  it('keeps polling through a failure that passes, and stops when the signal aborts', async () => {
    const answers = [new Error('reset'), { records: [], caughtUp: false }, new Error('reset'), { records: [], caughtUp: true }];
    const feed = new BoardFeed({
      poll: async () => {
        const next = answers.shift();
        if (next instanceof Error) throw next;
        return next ?? { records: [], caughtUp: true };
      },
    });
    expect((await feed.catchUp()).caughtUp).toBe(true);
    expect(answers).toEqual([]);

    const stop = new AbortController();
    let polls = 0;
    const stopped = new BoardFeed({
      poll: async () => {
        polls += 1;
        stop.abort();
        return { records: [], caughtUp: false };
      },
    });
    await stopped.catchUp(200, 3, stop.signal);
    expect(polls).toBe(1);
  });
});
