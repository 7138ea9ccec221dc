import { useEffect, useRef, useState } from 'react';
import type { LabRunner, RunnerView } from '../runner/lab-runner.js';

/**
 * The runner's view, redrawn at most every `intervalMs`: a producer at thousands of records/s emits
 * thousands of updates, and the terminal only needs a dozen frames a second.
 */
export function useRunnerView(runner: LabRunner, intervalMs = 80): RunnerView {
  const [view, setView] = useState(runner.current);
  const latest = useRef(view);
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  useEffect(() => {
    const unsubscribe = runner.subscribe((next) => {
      latest.current = next;
      if (timer.current) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        setView(latest.current);
      }, intervalMs);
    });
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [runner, intervalMs]);
  return view;
}
