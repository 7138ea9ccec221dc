import { ListMetricsCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { MetricsDelay, StreamMetricsSource } from './stream-metrics-source.js';
import { PROBED_REGIONS } from './region-probes.js';
import { readStreamMetrics } from './stream-metrics-reader.js';
import { withTimeout } from './with-timeout.js';

/** Both put APIs count into IncomingRecords, so one metric name finds every stream that was written to. */
const PUT_METRIC = 'IncomingRecords';
const NAMESPACE = 'AWS/Kinesis';
const MAX_LIST_PAGES = 5;

export interface StreamMetricsSourceOptions {
  /** The client for the lab's region. */
  client: CloudWatchClient;
  /** A client for another region, for the "metrics exist elsewhere" search. */
  clientFor(region: string): CloudWatchClient;
  region: string;
  delay: MetricsDelay;
  /** The whole cross-region search gives up after this long. @default 8000 */
  probeTimeoutMs?: number;
}

/**
 * Step 4's CloudWatch adapter: per-minute reads through GetMetricData, and ListMetrics to find put
 * metrics under another stream name or in another region. ListMetrics may take up to 15 minutes
 * to list a brand-new metric, so its answers are a hint, never proof that nothing was sent.
 */
export function createStreamMetricsSource(options: StreamMetricsSourceOptions): StreamMetricsSource {
  return {
    delay: options.delay,
    read: (stream, start, end) => readStreamMetrics(options.client, { stream, start, end }),
    async streamsWithPutMetrics() {
      return listStreamNames(options.client);
    },
    async regionsWithPutMetrics(stream) {
      const others = PROBED_REGIONS.filter((r) => r !== options.region);
      const found = await withTimeout(
        Promise.all(others.map(async (region) => ((await listStreamNames(options.clientFor(region), stream).catch((): string[] => [])).includes(stream) ? region : undefined))),
        options.probeTimeoutMs ?? 8_000,
        [],
      );
      return found.filter((r): r is string => r !== undefined);
    },
  };
}

async function listStreamNames(client: CloudWatchClient, stream?: string): Promise<string[]> {
  const names = new Set<string>();
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(
      new ListMetricsCommand({
        Namespace: NAMESPACE,
        MetricName: PUT_METRIC,
        Dimensions: [{ Name: 'StreamName', ...(stream !== undefined ? { Value: stream } : {}) }],
        // Only metrics with data in the last 3 hours: a stream written to last month is no lead.
        RecentlyActive: 'PT3H',
        ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
      }),
    );
    for (const metric of page.Metrics ?? []) {
      const value = metric.Dimensions?.find((d) => d.Name === 'StreamName')?.Value;
      if (value !== undefined) names.add(value);
    }
    nextToken = page.NextToken;
    pages += 1;
  } while (nextToken !== undefined && pages < MAX_LIST_PAGES);
  return [...names].sort();
}
