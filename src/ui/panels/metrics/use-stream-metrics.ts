import { useEffect, useState } from 'react';
import type { StreamMetrics } from '../../../aws/stream-metrics-reader.js';
import type { StreamMetricsSource } from '../../../aws/stream-metrics-source.js';

export interface StreamMetricsPoll {
  metrics?: StreamMetrics;
  /** When the shown metrics were read (ms). */
  readAt?: number;
  /** The last read's error, cleared by the next good one. */
  error?: string;
  reading: boolean;
}

export interface StreamMetricsPollOptions {
  source: StreamMetricsSource;
  stream: string;
  /** Window start (ms); the end is the moment of each read. */
  start: number;
  intervalMs: number;
  clock: () => number;
  /** A change reads again at once (e.g. a producer run just ended). */
  refreshKey: unknown;
}

/**
 * Reads the stream's put metrics now and every `intervalMs` while mounted. One read at a time: a slow
 * CloudWatch answer is not overtaken by the next tick; a read that ends after unmount is dropped.
 */
export function useStreamMetrics({ source, stream, start, intervalMs, clock, refreshKey }: StreamMetricsPollOptions): StreamMetricsPoll {
  const [poll, setPoll] = useState<StreamMetricsPoll>({ reading: true });
  useEffect(() => {
    let alive = true;
    let busy = false;
    const read = () => {
      if (busy) return;
      busy = true;
      setPoll((p) => (p.reading ? p : { ...p, reading: true }));
      source
        .read(stream, new Date(start), new Date(clock()))
        .then(
          (metrics) => alive && setPoll({ metrics, readAt: clock(), reading: false }),
          (error: unknown) => alive && setPoll((p) => ({ ...p, error: error instanceof Error ? error.message : String(error), reading: false })),
        )
        .finally(() => {
          busy = false;
        });
    };
    read();
    const timer = setInterval(read, intervalMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [source, stream, start, intervalMs, clock, refreshKey]);

  return poll;
}
