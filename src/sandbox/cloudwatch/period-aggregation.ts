/**
 * Combines minute aggregates into the periods a query asks for. Periods are laid from the query's
 * start time (rounded down to the minute, as CloudWatch does for recent data), and every statistic
 * is computed from the combined {sum, min, max, sampleCount}, so Average over five minutes is
 * total sum / total samples, never an average of averages.
 */
import { MINUTE_MS, type MinuteAggregate } from './kinesis-metric-recorder.js';

export const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
export type Statistic = (typeof STATISTICS)[number];

export function isStatistic(value: string): value is Statistic {
  return (STATISTICS as readonly string[]).includes(value);
}

/** One period's combined aggregate, keyed by the period's start (ms since epoch). */
export interface PeriodAggregate extends MinuteAggregate {
  start: number;
}

/** Start time as CloudWatch uses it: rounded down to the whole minute. */
export function alignStart(startMs: number): number {
  return Math.floor(startMs / MINUTE_MS) * MINUTE_MS;
}

/**
 * Periods of `periodMs` from `startMs` that hold data, ascending. Minutes before the aligned
 * start or at/after `endMs` (EndTime is exclusive) are left out.
 */
export function aggregatePeriods(
  minutes: readonly (readonly [number, MinuteAggregate])[],
  startMs: number,
  endMs: number,
  periodMs: number,
): PeriodAggregate[] {
  const start = alignStart(startMs);
  const periods = new Map<number, PeriodAggregate>();
  for (const [minute, aggregate] of minutes) {
    if (minute < start || minute >= endMs) continue;
    const periodStart = start + Math.floor((minute - start) / periodMs) * periodMs;
    const period = periods.get(periodStart);
    if (period) {
      period.sum += aggregate.sum;
      period.min = Math.min(period.min, aggregate.min);
      period.max = Math.max(period.max, aggregate.max);
      period.sampleCount += aggregate.sampleCount;
    } else {
      periods.set(periodStart, { start: periodStart, ...aggregate });
    }
  }
  return [...periods.values()].sort((a, b) => a.start - b.start);
}

export function statisticValue(aggregate: MinuteAggregate, statistic: Statistic): number {
  switch (statistic) {
    case 'SampleCount':
      return aggregate.sampleCount;
    case 'Average':
      return aggregate.sum / aggregate.sampleCount;
    case 'Sum':
      return aggregate.sum;
    case 'Minimum':
      return aggregate.min;
    case 'Maximum':
      return aggregate.max;
  }
}
