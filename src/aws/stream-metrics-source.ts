import type { StreamMetrics } from './stream-metrics-reader.js';

/**
 * How late CloudWatch shows a minute of put metrics where the lab runs. On AWS the workshop says the
 * console graphs fill in 5–7 minutes after sending (AWS states no figure); the sandbox delays each
 * minute by its `--metrics-delay` after the minute ends.
 */
export interface MetricsDelay {
  target: 'aws' | 'sandbox';
  /** Usual time from the end of a minute until its data points can be read. */
  afterMinuteMs: number;
  /** Past this time after the minute ends, an empty answer no longer means "still on the way". */
  giveUpAfterMs: number;
  /** False when the lab did not start the sandbox itself and so can only assume its default delay. */
  known: boolean;
}

/** The CloudWatch view step 4's check and panel need. Implemented over the SDK in src/aws; fakes in tests. */
export interface StreamMetricsSource {
  /** The stream's put metrics per minute between start and end (see `readStreamMetrics`). */
  read(stream: string, start: Date, end: Date): Promise<StreamMetrics>;
  /** StreamName values that have put metrics in the current region (ListMetrics, recently active). */
  streamsWithPutMetrics(): Promise<string[]>;
  /** Other regions where a stream with this name has put metrics (ListMetrics, bounded in time). */
  regionsWithPutMetrics(stream: string): Promise<string[]>;
  delay: MetricsDelay;
}

const MINUTE_MS = 60_000;

/** AWS: the middle of the workshop's 5–7 minutes after sending, counted from the minute's end; give up after 10. */
export const AWS_METRICS_DELAY: MetricsDelay = { target: 'aws', afterMinuteMs: 5 * MINUTE_MS, giveUpAfterMs: 10 * MINUTE_MS, known: true };

/** The sandbox's delay; a little slack on top, since the check and the sandbox read different clocks. */
export function sandboxMetricsDelay(delayMs: number, known: boolean): MetricsDelay {
  return { target: 'sandbox', afterMinuteMs: delayMs, giveUpAfterMs: delayMs + (known ? 15_000 : 2 * MINUTE_MS), known };
}
