import { useEffect, useState } from 'react';

/** A counter that ticks while `active`, for spinners and elapsed time; stops when idle so nothing redraws. */
export function useTicker(active: boolean, intervalMs = 120): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return tick;
}
