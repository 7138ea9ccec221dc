/**
 * CloudWatch on a real sandbox: Kinesis puts through the SDK, then the metrics read back through
 * SDK v3 (JSON 1.0 as installed, plus RPC v2 CBOR and query when the SDK is told to use them),
 * raw form POSTs, and the AWS CLIs on this machine. The sandbox and CloudWatch share one fake
 * clock, so minutes and the visibility delay are exact and nothing sleeps.
 */
import { CloudWatchClient, GetMetricDataCommand, GetMetricStatisticsCommand, ListMetricsCommand, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { AwsQueryProtocol, AwsSmithyRpcV2CborProtocol } from '@aws-sdk/core/protocols';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, PutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudWatchClient } from '../../src/aws/cloudwatch-client.js';
import { readStreamMetrics, STREAM_METRICS, type StreamMetricName } from '../../src/aws/stream-metrics-reader.js';
import { attachCloudWatch } from '../../src/sandbox/cloudwatch/cloudwatch-service.js';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const MIN = 60_000;
const DELAY = 60_000;
const STREAM = 'input-stream';
const OTHER = 'other-stream';

let now = T0;
let box: TestSandbox;
let kinesis: KinesisClient;
const cloudWatchClients: CloudWatchClient[] = [];

function cloudWatch(extra: Partial<ConstructorParameters<typeof CloudWatchClient>[0]> = {}): CloudWatchClient {
  const base = createCloudWatchClient(box.settings());
  if (Object.keys(extra).length === 0) {
    cloudWatchClients.push(base);
    return base;
  }
  base.destroy();
  const client = new CloudWatchClient({ ...box.settings(), ...extra, maxAttempts: 1 });
  cloudWatchClients.push(client);
  return client;
}

function text(length: number, char: string): Uint8Array {
  return new TextEncoder().encode(char.repeat(length));
}

beforeAll(async () => {
  box = await startTestSandbox({ clock: () => now });
  attachCloudWatch(box.sandbox, { delayMs: DELAY, clock: () => now });
  kinesis = box.client();
  await kinesis.send(new CreateStreamCommand({ StreamName: STREAM, ShardCount: 1 }));
  await kinesis.send(new CreateStreamCommand({ StreamName: OTHER, ShardCount: 1 }));
  await box.waitForActive(STREAM);
  await box.waitForActive(OTHER);

  // Minute 0: two PutRecord (10+2 and 20+2 bytes) and a PutRecords of four 5+2-byte records.
  now = T0 + 5_000;
  await kinesis.send(new PutRecordCommand({ StreamName: STREAM, Data: text(10, 'x'), PartitionKey: 'k1' }));
  await kinesis.send(new PutRecordCommand({ StreamName: STREAM, Data: text(20, 'y'), PartitionKey: 'k2' }));
  await kinesis.send(
    new PutRecordsCommand({ StreamName: STREAM, Records: [0, 1, 2, 3].map((i) => ({ Data: text(5, 'z'), PartitionKey: `p${i}` })) }),
  );
  await kinesis.send(new PutRecordCommand({ StreamName: OTHER, Data: text(1, 'o'), PartitionKey: 'o' }));
  await expect(kinesis.send(new PutRecordCommand({ StreamName: 'no-such-stream', Data: text(3, 'n'), PartitionKey: 'n' }))).rejects.toThrow(/not found/);

  // Minute 1: one PutRecord (100+3) and a PutRecords of two 50+2-byte records.
  now = T0 + MIN + 30_000;
  await kinesis.send(new PutRecordCommand({ StreamName: STREAM, Data: text(100, 'w'), PartitionKey: 'key' }));
  await kinesis.send(new PutRecordsCommand({ StreamName: STREAM, Records: [0, 1].map(() => ({ Data: text(50, 'q'), PartitionKey: 'kk' })) }));
});

afterAll(async () => {
  for (const client of cloudWatchClients) client.destroy();
  await box.stop();
});

/** Per metric: values per minute offset from T0, as `{ minute: value }`. */
function byMinute(metrics: Awaited<ReturnType<typeof readStreamMetrics>>): Record<string, Record<number, number>> {
  return Object.fromEntries(
    STREAM_METRICS.map(({ name }) => {
      const series = metrics.series[name];
      return [name, Object.fromEntries(series.timestamps.map((at, i) => [(at.getTime() - T0) / MIN, series.values[i] ?? Number.NaN]))];
    }),
  );
}

const EXPECTED: Record<StreamMetricName, Record<number, number>> = {
  'PutRecord.Success': { 0: 2, 1: 1 },
  'PutRecord.Bytes': { 0: 34, 1: 103 },
  'PutRecord.Latency': { 0: 0, 1: 0 },
  'PutRecords.Success': { 0: 1, 1: 1 },
  'PutRecords.TotalRecords': { 0: 4, 1: 2 },
  'PutRecords.SuccessfulRecords': { 0: 4, 1: 2 },
  'PutRecords.FailedRecords': { 0: 0, 1: 0 },
  'PutRecords.ThrottledRecords': { 0: 0, 1: 0 },
  'PutRecords.Bytes': { 0: 28, 1: 104 },
  'PutRecords.Latency': { 0: 0, 1: 0 },
  IncomingRecords: { 0: 6, 1: 3 },
  IncomingBytes: { 0: 62, 1: 207 },
  WriteProvisionedThroughputExceeded: { 0: 0, 1: 0 },
};

describe('SDK v3 CloudWatch (JSON 1.0) against the sandbox', () => {
  it('shows each minute only once it has ended and the delay has passed', async () => {
    const client = cloudWatch();
    const read = async (): Promise<Record<string, Record<number, number>>> =>
      byMinute(await readStreamMetrics(client, { stream: STREAM, start: new Date(T0 + 5_000), end: new Date(now) }));

    now = T0 + 2 * MIN - 1; // minute 0 ended at T0+1min; its data shows at T0+2min
    expect((await read()).IncomingRecords).toEqual({});
    now = T0 + 2 * MIN;
    expect((await read()).IncomingRecords).toEqual({ 0: 6 });
    now = T0 + 3 * MIN;
    expect(await read()).toEqual(EXPECTED);
  });

  it('reads every metric exactly, per minute, for the one stream asked', async () => {
    now = T0 + 10 * MIN;
    const metrics = await readStreamMetrics(cloudWatch(), { stream: STREAM, start: new Date(T0 + 5_000), end: new Date(now) });
    expect(byMinute(metrics)).toEqual(EXPECTED);
    expect(metrics.complete).toBe(true);
    expect(metrics.start).toEqual(new Date(T0));
    expect(metrics.series['PutRecord.Latency'].stat).toBe('Average');
    expect(metrics.series.IncomingBytes.stat).toBe('Sum');

    const other = await readStreamMetrics(cloudWatch(), { stream: OTHER, start: new Date(T0), end: new Date(now) });
    expect(byMinute(other).IncomingBytes).toEqual({ 0: 2 });
    expect(byMinute(other)['PutRecords.TotalRecords']).toEqual({});

    const ghost = await readStreamMetrics(cloudWatch(), { stream: 'no-such-stream', start: new Date(T0), end: new Date(now) });
    expect(Object.values(ghost.series).every((series) => series.values.length === 0 && series.status === 'Complete')).toBe(true);
  });

  it('follows NextToken across pages, and surfaces PartialData when it stops early', async () => {
    now = T0 + 10 * MIN;
    const paged = await readStreamMetrics(cloudWatch(), { stream: STREAM, start: new Date(T0), end: new Date(now), maxDatapoints: 3 });
    expect(byMinute(paged)).toEqual(EXPECTED);
    expect(paged.complete).toBe(true);

    const cut = await readStreamMetrics(cloudWatch(), { stream: STREAM, start: new Date(T0), end: new Date(now), maxDatapoints: 3, maxPages: 1 });
    expect(cut.complete).toBe(false);
    // One page of three points: both PutRecord.Success minutes, then one of PutRecord.Bytes.
    expect(cut.series['PutRecord.Success']).toMatchObject({ status: 'Complete', values: [2, 1] });
    expect(cut.series['PutRecord.Bytes']).toMatchObject({ status: 'PartialData', values: [34] });
    expect(cut.series['PutRecord.Latency']).toMatchObject({ status: 'PartialData', values: [] });
  });

  it('answers GetMetricStatistics over a longer period from sums and sample counts', async () => {
    now = T0 + 10 * MIN;
    const output = await cloudWatch().send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/Kinesis',
        MetricName: 'IncomingBytes',
        Dimensions: [{ Name: 'StreamName', Value: STREAM }],
        StartTime: new Date(T0),
        EndTime: new Date(T0 + 4 * MIN),
        Period: 120,
        Statistics: ['Sum', 'SampleCount', 'Average', 'Minimum', 'Maximum'],
      }),
    );
    expect(output.Label).toBe('IncomingBytes');
    // Samples: three puts in minute 0 (12, 22, 28 bytes) and two in minute 1 (103, 104).
    expect(output.Datapoints).toEqual([{ Timestamp: new Date(T0), Sum: 269, SampleCount: 5, Average: 53.8, Minimum: 12, Maximum: 104, Unit: 'Bytes' }]);
  });

  it('lists the metrics of a stream', async () => {
    now = T0 + 10 * MIN;
    const output = await cloudWatch().send(new ListMetricsCommand({ Namespace: 'AWS/Kinesis', Dimensions: [{ Name: 'StreamName', Value: OTHER }] }));
    expect(output.Metrics?.map((metric) => metric.MetricName)).toEqual([
      'IncomingBytes',
      'IncomingRecords',
      'PutRecord.Bytes',
      'PutRecord.Latency',
      'PutRecord.Success',
      'WriteProvisionedThroughputExceeded',
    ]);
    expect(output.Metrics?.[0]).toEqual({ Namespace: 'AWS/Kinesis', MetricName: 'IncomingBytes', Dimensions: [{ Name: 'StreamName', Value: OTHER }] });
    expect(output.NextToken).toBeUndefined();
  });

  it('reports sandbox limits and bad input as named CloudWatch errors', async () => {
    const client = cloudWatch();
    const alarm = client.send(
      new PutMetricAlarmCommand({ AlarmName: 'a', MetricName: 'IncomingBytes', Namespace: 'AWS/Kinesis', EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanThreshold' }),
    );
    await expect(alarm).rejects.toMatchObject({ name: 'InvalidAction', $metadata: { httpStatusCode: 400 } });
    await expect(alarm).rejects.toThrow('The action PutMetricAlarm is not valid for this web service.');

    const badPeriod = client.send(
      new GetMetricStatisticsCommand({ Namespace: 'AWS/Kinesis', MetricName: 'IncomingBytes', StartTime: new Date(T0), EndTime: new Date(T0 + MIN), Period: 90, Statistics: ['Sum'] }),
    );
    await expect(badPeriod).rejects.toMatchObject({ name: 'InvalidParameterValueException', Code: 'InvalidParameterValue', message: 'The parameter Period must be a multiple of 60.' });
  });

  it('answers StartTime = EndTime as AWS does: ValidationError for GetMetricData, InvalidParameterValue for GetMetricStatistics', async () => {
    const client = cloudWatch();
    const equal = 'The parameter StartTime must not equal parameter EndTime.';
    const data = client.send(new GetMetricDataCommand({
      StartTime: new Date(T0), EndTime: new Date(T0),
      MetricDataQueries: [{ Id: 'q', MetricStat: { Metric: { Namespace: 'AWS/Kinesis', MetricName: 'IncomingBytes', Dimensions: [{ Name: 'StreamName', Value: STREAM }] }, Period: 60, Stat: 'Sum' } }],
    }));
    await expect(data).rejects.toMatchObject({ Code: 'ValidationError', message: equal, $metadata: { httpStatusCode: 400 } });
    const statistics = client.send(new GetMetricStatisticsCommand({ Namespace: 'AWS/Kinesis', MetricName: 'IncomingBytes', StartTime: new Date(T0), EndTime: new Date(T0), Period: 60, Statistics: ['Sum'] }));
    await expect(statistics).rejects.toMatchObject({ name: 'InvalidParameterValueException', Code: 'InvalidParameterValue', message: equal });
  });
});

describe('GetRecords metrics', () => {
  it('files GetRecords calls under the stream their shard iterator points into', async () => {
    now = T0 + 20 * MIN + 1_000;
    const { ShardIterator } = await kinesis.send(new GetShardIteratorCommand({ StreamName: STREAM, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    const first = await kinesis.send(new GetRecordsCommand({ ShardIterator, Limit: 5 }));
    const second = await kinesis.send(new GetRecordsCommand({ ShardIterator: first.NextShardIterator, Limit: 5 }));
    expect([first.Records?.length, second.Records?.length]).toEqual([5, 4]);

    now = T0 + 22 * MIN;
    const output = await cloudWatch().send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/Kinesis',
        MetricName: 'GetRecords.Records',
        Dimensions: [{ Name: 'StreamName', Value: STREAM }],
        StartTime: new Date(T0 + 20 * MIN),
        EndTime: new Date(T0 + 21 * MIN),
        Period: 60,
        Statistics: ['Sum', 'SampleCount', 'Maximum'],
      }),
    );
    expect(output.Datapoints).toEqual([{ Timestamp: new Date(T0 + 20 * MIN), Sum: 9, SampleCount: 2, Maximum: 5, Unit: 'Count' }]);
  });
});

describe('other CloudWatch protocols against the sandbox', () => {
  const gms = new GetMetricStatisticsCommand({
    Namespace: 'AWS/Kinesis',
    MetricName: 'IncomingRecords',
    Dimensions: [{ Name: 'StreamName', Value: STREAM }],
    StartTime: new Date(T0),
    EndTime: new Date(T0 + 5 * MIN),
    Period: 60,
    Statistics: ['Sum', 'Average'],
  });
  const expectedDatapoints = [
    { Timestamp: new Date(T0), Sum: 6, Average: 2, Unit: 'Count' },
    { Timestamp: new Date(T0 + MIN), Sum: 3, Average: 1.5, Unit: 'Count' },
  ];

  it('serves Smithy RPC v2 CBOR', async () => {
    now = T0 + 10 * MIN;
    const output = await cloudWatch({ protocol: AwsSmithyRpcV2CborProtocol }).send(gms);
    expect(output.Datapoints).toEqual(expectedDatapoints);
  });

  it('serves the query protocol to the SDK’s query serializer', async () => {
    now = T0 + 10 * MIN;
    const output = await cloudWatch({ protocol: AwsQueryProtocol }).send(gms);
    expect(output.Datapoints).toEqual(expectedDatapoints);
  });

  it('answers a raw form POST with XML datapoints', async () => {
    now = T0 + 10 * MIN;
    const form = new URLSearchParams({
      Action: 'GetMetricStatistics',
      Version: '2010-08-01',
      Namespace: 'AWS/Kinesis',
      MetricName: 'PutRecords.TotalRecords',
      'Dimensions.member.1.Name': 'StreamName',
      'Dimensions.member.1.Value': STREAM,
      StartTime: new Date(T0).toISOString(),
      EndTime: new Date(T0 + 5 * MIN).toISOString(),
      Period: '60',
      'Statistics.member.1': 'Sum',
    });
    const response = await fetch(box.sandbox.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form.toString() });
    expect(response.status).toBe(200);
    const xml = await response.text();
    const datapoints = [...xml.matchAll(/<member><Timestamp>([^<]+)<\/Timestamp><Unit>([^<]+)<\/Unit><Sum>([^<]+)<\/Sum><\/member>/g)].map((m) => [m[1], m[2], Number(m[3])]);
    expect(datapoints).toEqual([
      ['2026-01-15T09:00:00Z', 'Count', 4],
      ['2026-01-15T09:01:00Z', 'Count', 2],
    ]);
  });
});
