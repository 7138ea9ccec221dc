/**
 * What CloudWatch may show at a given moment. AWS publishes a stream's minute only after the minute
 * has ended and its pipeline has caught up, so a minute becomes visible when
 * `clock() >= minuteStart + 60 s + delayMs`. Queries and ListMetrics read through this view only.
 */
import {
  KINESIS_NAMESPACE,
  MINUTE_MS,
  STREAM_NAME_DIMENSION,
  type KinesisMetricRecorder,
  type KinesisMetricUnit,
  type MinuteAggregate,
} from './kinesis-metric-recorder.js';

/** A CloudWatch dimension as requests and responses carry it. */
export interface Dimension {
  Name: string;
  Value: string;
}

/** One metric's visible minutes, ascending by minute start (ms since epoch). */
export interface VisibleSeries {
  unit: KinesisMetricUnit;
  minutes: [minute: number, aggregate: MinuteAggregate][];
}

/** A metric ListMetrics can name, with its newest visible minute (for RecentlyActive). */
export interface ListedMetric {
  namespace: string;
  metricName: string;
  dimensions: Dimension[];
  lastMinute: number;
}

export interface VisibleMetricsOptions {
  /** How long after a minute ends its data shows. */
  delayMs: number;
  /** @default Date.now */
  clock?: () => number;
}

export class VisibleMetrics {
  readonly #recorder: KinesisMetricRecorder;
  readonly #delayMs: number;
  readonly #clock: () => number;

  constructor(recorder: KinesisMetricRecorder, options: VisibleMetricsOptions) {
    this.#recorder = recorder;
    this.#delayMs = options.delayMs;
    this.#clock = options.clock ?? Date.now;
  }

  now(): number {
    return this.#clock();
  }

  /** Everything recorded, visible or not (the sandbox's look across accounts). */
  get recorder(): KinesisMetricRecorder {
    return this.#recorder;
  }

  isVisible(minute: number, now: number): boolean {
    return now >= minute + MINUTE_MS + this.#delayMs;
  }

  /**
   * A metric's visible minutes. CloudWatch matches the full dimension set exactly, so Kinesis
   * stream metrics answer only to `[StreamName=…]`; anything else is a metric with no data.
   */
  series(account: string, region: string, namespace: string, metricName: string, dimensions: readonly Dimension[]): VisibleSeries | undefined {
    if (namespace !== KINESIS_NAMESPACE) return undefined;
    const [only, ...rest] = dimensions;
    if (!only || rest.length > 0 || only.Name !== STREAM_NAME_DIMENSION) return undefined;
    const metric = this.#recorder.metric(account, region, only.Value, metricName);
    if (!metric) return undefined;
    const now = this.now();
    const minutes = [...metric.minutes].filter(([minute]) => this.isVisible(minute, now)).sort(([a], [b]) => a - b);
    return { unit: metric.unit, minutes };
  }

  /** An account's metrics in a region with at least one visible minute, sorted by name then stream so pages are stable. */
  list(account: string, region: string): ListedMetric[] {
    const now = this.now();
    const listed: ListedMetric[] = [];
    for (const metric of this.#recorder.metrics(account, region)) {
      const visible = [...metric.minutes.keys()].filter((minute) => this.isVisible(minute, now));
      if (visible.length === 0) continue;
      listed.push({
        namespace: KINESIS_NAMESPACE,
        metricName: metric.metricName,
        dimensions: [{ Name: STREAM_NAME_DIMENSION, Value: metric.streamName }],
        lastMinute: Math.max(...visible),
      });
    }
    return listed.sort((a, b) => compareText(a.metricName, b.metricName) || compareText(a.dimensions[0]?.Value ?? '', b.dimensions[0]?.Value ?? ''));
  }
}

// Code-unit order, not the locale's, so the order (and so NextToken offsets) is the same everywhere.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
