import { useEffect, useState } from 'react';
import type { BoardFeed, BoardSnapshot } from '../classroom/board-feed.js';

/**
 * Polls the class stream every `intervalMs` (AWS allows 5 GetRecords per second per shard; one per
 * second leaves room for a second board) and re-renders on each result. One poll runs at a time.
 */
export function useBoardFeed(feed: BoardFeed, intervalMs = 1_000): BoardSnapshot & { now: number } {
  const [state, setState] = useState({ ...feed.current, now: Date.now() });
  useEffect(() => {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const tick = async () => {
      const snapshot = await feed.pollOnce();
      if (stopped) return;
      setState({ ...snapshot, now: Date.now() });
      timer = setTimeout(() => void tick(), intervalMs);
    };
    // pollOnce() turns failures into the snapshot's error, so tick() settles without rejecting.
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [feed, intervalMs]);
  return state;
}
