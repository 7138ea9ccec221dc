/**
 * Reads a stream's "Put record" metrics from CloudWatch (real AWS or the sandbox) for step 4:
 * one GetMetricData call per page, namespace AWS/Kinesis, dimension StreamName, 60-second period,
 * each metric with the statistic that means something for it (Sum for counts and bytes, Average
 * for latency). Pages are followed through NextToken; a result CloudWatch could not complete
 * keeps its StatusCode so callers can say "still arriving" instead of "zero".
 */
import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery, type MetricDataResult } from '@aws-sdk/client-cloudwatch';

/** The metrics step 4 reads, in display order, each with its statistic and unit. */
export const STREAM_METRICS = [
  { name: 'PutRecord.Success', stat: 'Sum', unit: 'Count' },
  { name: 'PutRecord.Bytes', stat: 'Sum', unit: 'Bytes' },
  { name: 'PutRecord.Latency', stat: 'Average', unit: 'Milliseconds' },
  { name: 'PutRecords.Success', stat: 'Sum', unit: 'Count' },
  { name: 'PutRecords.TotalRecords', stat: 'Sum', unit: 'Count' },
  { name: 'PutRecords.SuccessfulRecords', stat: 'Sum', unit: 'Count' },
  { name: 'PutRecords.FailedRecords', stat: 'Sum', unit: 'Count' },
  { name: 'PutRecords.ThrottledRecords', stat: 'Sum', unit: 'Count' },
  { name: 'PutRecords.Bytes', stat: 'Sum', unit: 'Bytes' },
  { name: 'PutRecords.Latency', stat: 'Average', unit: 'Milliseconds' },
  { name: 'IncomingRecords', stat: 'Sum', unit: 'Count' },
  { name: 'IncomingBytes', stat: 'Sum', unit: 'Bytes' },
  { name: 'WriteProvisionedThroughputExceeded', stat: 'Sum', unit: 'Count' },
] as const;

export type StreamMetricName = (typeof STREAM_METRICS)[number]['name'];
export type StreamMetricStat = (typeof STREAM_METRICS)[number]['stat'];

/** CloudWatch's StatusCode per result; `PartialData` means more points exist than were read. */
export type MetricStatus = 'Complete' | 'PartialData' | 'InternalError' | 'Forbidden';

/** One metric as a per-minute series, oldest first; `timestamps[i]` is the minute `values[i]` covers. */
export interface StreamMetricSeries {
  metric: StreamMetricName;
  stat: StreamMetricStat;
  unit: string;
  timestamps: Date[];
  values: number[];
  status: MetricStatus;
  /** CloudWatch's per-result messages (`Code: Value`), usually empty. */
  messages: string[];
}

export interface StreamMetrics {
  stream: string;
  /** The window actually asked for: start rounded down and end rounded up to whole minutes. */
  start: Date;
  end: Date;
  periodSeconds: number;
  series: Record<StreamMetricName, StreamMetricSeries>;
  /** True when every series is Complete. */
  complete: boolean;
}

export interface ReadStreamMetricsRequest {
  stream: string;
  /** Usually the lab's first put. */
  start: Date;
  end: Date;
  /** Points per page (CloudWatch's MaxDatapoints); CloudWatch's own default when absent. */
  maxDatapoints?: number;
  /** Stops following NextToken after this many pages; what is left shows as PartialData. @default 50 */
  maxPages?: number;
}

const PERIOD_SECONDS = 60;
const MINUTE_MS = PERIOD_SECONDS * 1000;

export async function readStreamMetrics(client: CloudWatchClient, request: ReadStreamMetricsRequest): Promise<StreamMetrics> {
  const start = new Date(Math.floor(request.start.getTime() / MINUTE_MS) * MINUTE_MS);
  const end = new Date(Math.max(Math.ceil(request.end.getTime() / MINUTE_MS) * MINUTE_MS, start.getTime() + MINUTE_MS));
  const queries: MetricDataQuery[] = STREAM_METRICS.map((metric, index) => ({
    // Ids must start with a lowercase letter; the index maps results back to metrics.
    Id: `m${index}`,
    Label: metric.name,
    MetricStat: {
      Metric: { Namespace: 'AWS/Kinesis', MetricName: metric.name, Dimensions: [{ Name: 'StreamName', Value: request.stream }] },
      Period: PERIOD_SECONDS,
      Stat: metric.stat,
    },
  }));

  const points = STREAM_METRICS.map(() => new Map<number, number>());
  const statuses: MetricStatus[] = STREAM_METRICS.map(() => 'Complete');
  const messages: string[][] = STREAM_METRICS.map(() => []);
  const maxPages = request.maxPages ?? 50;
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries,
        StartTime: start,
        EndTime: end,
        ScanBy: 'TimestampAscending',
        ...(request.maxDatapoints !== undefined ? { MaxDatapoints: request.maxDatapoints } : {}),
        ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
      }),
    );
    pages += 1;
    for (const result of page.MetricDataResults ?? []) {
      const index = indexOf(result);
      if (index === undefined) continue;
      collect(result, points[index], messages[index]);
      statuses[index] = statusOf(result);
    }
    nextToken = page.NextToken;
  } while (nextToken !== undefined && pages < maxPages);

  const series = Object.fromEntries(
    STREAM_METRICS.map((metric, index) => {
      const sorted = [...(points[index] ?? new Map<number, number>())].sort(([a], [b]) => a - b);
      const entry: StreamMetricSeries = {
        metric: metric.name,
        stat: metric.stat,
        unit: metric.unit,
        timestamps: sorted.map(([at]) => new Date(at)),
        values: sorted.map(([, value]) => value),
        status: statuses[index] ?? 'Complete',
        messages: messages[index] ?? [],
      };
      return [metric.name, entry];
    }),
  ) as Record<StreamMetricName, StreamMetricSeries>;
  return {
    stream: request.stream,
    start,
    end,
    periodSeconds: PERIOD_SECONDS,
    series,
    complete: Object.values(series).every((entry) => entry.status === 'Complete'),
  };
}

function indexOf(result: MetricDataResult): number | undefined {
  const match = /^m(\d+)$/.exec(result.Id ?? '');
  const index = match ? Number(match[1]) : Number.NaN;
  return index >= 0 && index < STREAM_METRICS.length ? index : undefined;
}

/** Pages may repeat a minute (AWS does not promise otherwise); the last value read wins. */
function collect(result: MetricDataResult, into: Map<number, number> | undefined, messages: string[] | undefined): void {
  const timestamps = result.Timestamps ?? [];
  const values = result.Values ?? [];
  timestamps.forEach((timestamp, i) => {
    const value = values[i];
    if (value !== undefined) into?.set(timestamp.getTime(), value);
  });
  for (const message of result.Messages ?? []) messages?.push(`${message.Code ?? ''}: ${message.Value ?? ''}`);
}

function statusOf(result: MetricDataResult): MetricStatus {
  const status = result.StatusCode;
  return status === 'PartialData' || status === 'InternalError' || status === 'Forbidden' ? status : 'Complete';
}
