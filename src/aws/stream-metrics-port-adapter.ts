import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { StreamMetricsPort } from './stream-metrics-port.js';
import { readStreamMetrics, type StreamMetricSeries } from './stream-metrics-reader.js';

/** The checks' narrow metrics view over the GetMetricData reader. */
export function createStreamMetricsPort(client: CloudWatchClient): StreamMetricsPort {
  return {
    async sum(stream, metric, start, end) {
      const metrics = await readStreamMetrics(client, { stream, start, end });
      // `metric` is any name a check asks for; the reader has series for the lab's metrics only.
      const series = (metrics.series as Partial<Record<string, StreamMetricSeries>>)[metric];
      if (!series) throw new Error(`metric ${metric} is not one the lab reads`);
      return series.values.reduce((a, b) => a + b, 0);
    },
  };
}
