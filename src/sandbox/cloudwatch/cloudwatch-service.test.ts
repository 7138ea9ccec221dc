import { beforeEach, describe, expect, it } from 'vitest';
import { decodeBody, encodeBody } from '../kinesis-body-codec.js';
import type { KinesisCallEvent, SandboxRequest, SandboxResponse } from '../sandbox-types.js';
import { CloudWatchService } from './cloudwatch-service.js';
import { KinesisMetricRecorder } from './kinesis-metric-recorder.js';
import { VisibleMetrics } from './visible-metrics.js';

const T0 = Date.UTC(2026, 10, 22, 3, 0, 0);
const MIN = 60_000;
const DELAY = 10_000;

let now = 0;
let recorder: KinesisMetricRecorder;
let service: CloudWatchService;

beforeEach(() => {
  recorder = new KinesisMetricRecorder();
  service = new CloudWatchService(new VisibleMetrics(recorder, { delayMs: DELAY, clock: () => now }));
  now = T0 + 10 * MIN;
});

function put(at: number, stream: string, bytes: number, region = 'us-east-1'): void {
  const event: KinesisCallEvent = {
    at,
    region,
    account: '000000000000',
    operation: 'PutRecord',
    streamName: stream,
    request: { StreamName: stream, Data: Buffer.alloc(bytes - 1).toString('base64'), PartitionKey: 'k' },
    status: 200,
    response: {},
    latencyMs: 10,
  };
  recorder.record(event);
}

function jsonRequest(operation: string, body: unknown, region = 'us-east-1'): SandboxRequest {
  return {
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `GraniteServiceVersion20100801.${operation}`, 'x-amzn-query-mode': 'true' },
    body: Buffer.from(JSON.stringify(body)),
    region,
    service: 'monitoring',
  };
}

function queryRequest(form: Record<string, string>, service = 'monitoring'): SandboxRequest {
  return {
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: Buffer.from(new URLSearchParams({ Version: '2010-08-01', ...form }).toString()),
    region: 'us-east-1',
    service,
  };
}

function json(response: SandboxResponse): Record<string, unknown> {
  return JSON.parse(response.body.toString()) as Record<string, unknown>;
}

const stream = (name: string): { Name: string; Value: string }[] => [{ Name: 'StreamName', Value: name }];

function gmsJson(extra: Record<string, unknown> = {}): SandboxRequest {
  return jsonRequest('GetMetricStatistics', {
    Namespace: 'AWS/Kinesis',
    MetricName: 'IncomingBytes',
    Dimensions: stream('s1'),
    StartTime: T0 / 1000,
    EndTime: (T0 + 10 * MIN) / 1000,
    Period: 60,
    Statistics: ['Sum', 'SampleCount', 'Average', 'Minimum', 'Maximum'],
    ...extra,
  });
}

describe('CloudWatchService.claims', () => {
  it('claims CloudWatch in every protocol and nothing else', () => {
    expect(service.claims(jsonRequest('GetMetricData', {}))).toBe(true);
    expect(service.claims({ ...jsonRequest('GetMetricData', {}), service: '' })).toBe(true);
    expect(service.claims(queryRequest({ Action: 'ListMetrics' }, ''))).toBe(true);
    expect(service.claims({ ...queryRequest({}, ''), url: '/service/GraniteServiceVersion20100801/operation/ListMetrics' })).toBe(true);
    expect(service.claims({ ...queryRequest({ Action: 'GetCallerIdentity', Version: '2011-06-15' }, 'sts') })).toBe(false);
    expect(
      service.claims({ method: 'POST', url: '/', headers: { 'x-amz-target': 'Kinesis_20131202.PutRecord' }, body: Buffer.from('{}'), region: 'us-east-1', service: 'kinesis' }),
    ).toBe(false);
  });
});

describe('GetMetricStatistics over JSON 1.0', () => {
  it('answers every statistic per minute with epoch-second timestamps', async () => {
    put(T0 + 1_000, 's1', 10);
    put(T0 + 2_000, 's1', 30);
    put(T0 + MIN + 5, 's1', 7);
    put(T0 + 1_000, 's2', 999);
    const response = await service.handle(gmsJson());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(json(response)).toEqual({
      Label: 'IncomingBytes',
      Datapoints: [
        { Timestamp: T0 / 1000, Unit: 'Bytes', Sum: 40, SampleCount: 2, Average: 20, Minimum: 10, Maximum: 30 },
        { Timestamp: (T0 + MIN) / 1000, Unit: 'Bytes', Sum: 7, SampleCount: 1, Average: 7, Minimum: 7, Maximum: 7 },
      ],
    });
  });

  it('combines minutes into longer periods from their sums and sample counts', async () => {
    put(T0 + 1_000, 's1', 10);
    put(T0 + MIN, 's1', 20);
    put(T0 + MIN + 1, 's1', 60);
    put(T0 + 5 * MIN, 's1', 5);
    const response = await service.handle(gmsJson({ Period: 300, Statistics: ['Average', 'Sum', 'Maximum'] }));
    expect(json(response).Datapoints).toEqual([
      { Timestamp: T0 / 1000, Unit: 'Bytes', Average: 30, Sum: 90, Maximum: 60 },
      { Timestamp: (T0 + 5 * MIN) / 1000, Unit: 'Bytes', Average: 5, Sum: 5, Maximum: 5 },
    ]);
  });

  it('hides a minute until it has ended and the delay has passed', async () => {
    put(T0 + 3 * MIN + 1, 's1', 10);
    const datapoints = async (): Promise<unknown> => json(await service.handle(gmsJson({ Statistics: ['Sum'] }))).Datapoints;
    now = T0 + 3 * MIN + 30_000;
    expect(await datapoints()).toEqual([]);
    now = T0 + 4 * MIN + DELAY - 1;
    expect(await datapoints()).toEqual([]);
    now = T0 + 4 * MIN + DELAY;
    expect(await datapoints()).toEqual([{ Timestamp: (T0 + 3 * MIN) / 1000, Unit: 'Bytes', Sum: 10 }]);
  });

  it('returns no datapoints for another unit, other dimensions or another region', async () => {
    put(T0, 's1', 10);
    expect(json(await service.handle(gmsJson({ Unit: 'Count' }))).Datapoints).toEqual([]);
    expect(json(await service.handle(gmsJson({ Dimensions: [] }))).Datapoints).toEqual([]);
    expect(json(await service.handle(gmsJson({ Dimensions: [...stream('s1'), { Name: 'ShardId', Value: 'x' }] }))).Datapoints).toEqual([]);
    const elsewhere = { ...gmsJson(), region: 'eu-west-1' };
    expect(json(await service.handle(elsewhere)).Datapoints).toEqual([]);
  });

  it('refuses invalid requests with query-compatible JSON errors', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ Period: 90 }, 'InvalidParameterValueException', 'InvalidParameterValue;Sender'],
      [{ Statistics: [] }, 'InvalidParameterCombinationException', 'InvalidParameterCombination;Sender'],
      [{ Statistics: ['p99'] }, 'InvalidParameterValueException', 'InvalidParameterValue;Sender'],
      [{ Namespace: undefined }, 'MissingRequiredParameterException', 'MissingParameter;Sender'],
      [{ EndTime: T0 / 1000 }, 'InvalidParameterValueException', 'InvalidParameterValue;Sender'],
      [{ EndTime: (T0 + 1441 * MIN) / 1000 }, 'InvalidParameterCombinationException', 'InvalidParameterCombination;Sender'],
    ];
    for (const [extra, type, header] of cases) {
      const response = await service.handle(gmsJson(extra));
      expect(response.status).toBe(400);
      expect(response.headers['x-amzn-query-error']).toBe(header);
      expect(json(response).__type).toBe(`com.amazonaws.cloudwatch#${type}`);
    }
    const tooMany = json(await service.handle(gmsJson({ EndTime: (T0 + 1441 * MIN) / 1000 })));
    expect(tooMany.message).toBe(
      'You have requested up to 1441 datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.',
    );
    expect((await service.handle(gmsJson({ EndTime: (T0 + 1440 * MIN) / 1000 }))).status).toBe(200);
  });
});

describe('GetMetricData', () => {
  function gmd(extra: Record<string, unknown>, queries: unknown[]): SandboxRequest {
    return jsonRequest('GetMetricData', { StartTime: T0 / 1000, EndTime: (T0 + 10 * MIN) / 1000, MetricDataQueries: queries, ...extra });
  }
  const query = (id: string, metric: string, stat: string, streamName = 's1', period = 60): Record<string, unknown> => ({
    Id: id,
    MetricStat: { Metric: { Namespace: 'AWS/Kinesis', MetricName: metric, Dimensions: stream(streamName) }, Period: period, Stat: stat },
  });

  it('returns each query newest first by default, oldest first with ScanBy', async () => {
    put(T0, 's1', 10);
    put(T0 + MIN, 's1', 20);
    put(T0 + 2 * MIN, 's1', 30);
    const descending = json(await service.handle(gmd({}, [query('bytes', 'IncomingBytes', 'Sum'), { ...query('lat', 'PutRecord.Latency', 'Average'), Label: 'Latency' }])));
    expect(descending).toEqual({
      MetricDataResults: [
        { Id: 'bytes', Label: 'IncomingBytes', Timestamps: [(T0 + 2 * MIN) / 1000, (T0 + MIN) / 1000, T0 / 1000], Values: [30, 20, 10], StatusCode: 'Complete', Messages: [] },
        { Id: 'lat', Label: 'Latency', Timestamps: [(T0 + 2 * MIN) / 1000, (T0 + MIN) / 1000, T0 / 1000], Values: [10, 10, 10], StatusCode: 'Complete', Messages: [] },
      ],
      Messages: [],
    });
    const ascending = json(await service.handle(gmd({ ScanBy: 'TimestampAscending' }, [query('bytes', 'IncomingBytes', 'Sum')])));
    expect(ascending.MetricDataResults).toEqual([
      { Id: 'bytes', Label: 'IncomingBytes', Timestamps: [T0 / 1000, (T0 + MIN) / 1000, (T0 + 2 * MIN) / 1000], Values: [10, 20, 30], StatusCode: 'Complete', Messages: [] },
    ]);
  });

  it('answers an empty Complete result for a stream with no data', async () => {
    const response = json(await service.handle(gmd({}, [query('m1', 'IncomingRecords', 'Sum', 'nothing-here')])));
    expect(response).toEqual({ MetricDataResults: [{ Id: 'm1', Label: 'IncomingRecords', Timestamps: [], Values: [], StatusCode: 'Complete', Messages: [] }], Messages: [] });
  });

  it('pages with MaxDatapoints: PartialData and a NextToken until every point is out', async () => {
    for (let minute = 0; minute < 5; minute += 1) put(T0 + minute * MIN, 's1', 10 + minute);
    const queries = [query('a', 'IncomingBytes', 'Sum'), query('b', 'IncomingRecords', 'Sum')];
    const pages: Record<string, unknown>[] = [];
    let token: unknown;
    do {
      const page = json(await service.handle(gmd({ ScanBy: 'TimestampAscending', MaxDatapoints: 3, ...(token ? { NextToken: token } : {}) }, queries)));
      pages.push(page);
      token = page.NextToken;
    } while (token !== undefined && pages.length < 10);

    const summary = pages.map((page) =>
      (page.MetricDataResults as { Id: string; Values: number[]; StatusCode: string }[]).map((r) => `${r.Id}:${r.Values.join(',')}:${r.StatusCode}`),
    );
    expect(summary).toEqual([
      ['a:10,11,12:PartialData', 'b::PartialData'],
      ['a:13,14:Complete', 'b:1:PartialData'],
      ['a::Complete', 'b:1,1,1:PartialData'],
      ['a::Complete', 'b:1:Complete'],
    ]);
  });

  it('refuses a NextToken from another request and malformed queries', async () => {
    put(T0, 's1', 10);
    put(T0 + MIN, 's1', 10);
    const first = json(await service.handle(gmd({ MaxDatapoints: 1 }, [query('a', 'IncomingBytes', 'Sum')])));
    expect(typeof first.NextToken).toBe('string');
    const other = await service.handle(gmd({ MaxDatapoints: 1, NextToken: first.NextToken }, [query('a', 'IncomingRecords', 'Sum')]));
    expect(other.status).toBe(400);
    expect(json(other).__type).toBe('com.amazonaws.cloudwatch#InvalidNextToken');
    expect(json(await service.handle(gmd({ NextToken: 'garbage!' }, [query('a', 'IncomingBytes', 'Sum')]))).__type).toBe(
      'com.amazonaws.cloudwatch#InvalidNextToken',
    );

    const invalid: unknown[][] = [
      [query('A1', 'IncomingBytes', 'Sum')],
      [query('a', 'IncomingBytes', 'Sum'), query('a', 'IncomingRecords', 'Sum')],
      [query('a', 'IncomingBytes', 'Sum', 's1', 30)],
      [query('a', 'IncomingBytes', 'p99')],
      [{ Id: 'e', Expression: 'SUM(METRICS())' }],
      [],
    ];
    for (const queries of invalid) {
      const response = await service.handle(gmd({}, queries));
      expect(response.status).toBe(400);
      expect(json(response).__type).toBe('com.amazonaws.cloudwatch#InvalidParameterValueException');
    }
  });

  it('leaves out queries with ReturnData false', async () => {
    put(T0, 's1', 10);
    const response = json(await service.handle(gmd({}, [{ ...query('a', 'IncomingBytes', 'Sum'), ReturnData: false }, query('b', 'IncomingRecords', 'Sum')])));
    expect((response.MetricDataResults as { Id: string }[]).map((r) => r.Id)).toEqual(['b']);
  });
});

describe('ListMetrics', () => {
  it('lists visible metrics, filtered by name and dimension, in pages of 500', async () => {
    put(T0, 's1', 10);
    put(T0, 's2', 10);
    put(T0 + 9 * MIN + 1, 's3', 10); // its minute is not visible yet
    const all = json(await service.handle(jsonRequest('ListMetrics', { Namespace: 'AWS/Kinesis', MetricName: 'IncomingBytes' })));
    expect(all).toEqual({
      Metrics: [
        { Namespace: 'AWS/Kinesis', MetricName: 'IncomingBytes', Dimensions: stream('s1') },
        { Namespace: 'AWS/Kinesis', MetricName: 'IncomingBytes', Dimensions: stream('s2') },
      ],
    });
    const s2 = json(await service.handle(jsonRequest('ListMetrics', { Dimensions: [{ Name: 'StreamName', Value: 's2' }] })));
    expect((s2.Metrics as { MetricName: string }[]).map((m) => m.MetricName)).toEqual([
      'IncomingBytes',
      'IncomingRecords',
      'PutRecord.Bytes',
      'PutRecord.Latency',
      'PutRecord.Success',
      'WriteProvisionedThroughputExceeded',
    ]);
    expect(json(await service.handle(jsonRequest('ListMetrics', { Namespace: 'AWS/Lambda' })))).toEqual({ Metrics: [] });

    for (let index = 0; index < 90; index += 1) put(T0, `bulk-${String(index).padStart(2, '0')}`, 5);
    const first = json(await service.handle(jsonRequest('ListMetrics', {})));
    expect((first.Metrics as unknown[]).length).toBe(500);
    const second = json(await service.handle(jsonRequest('ListMetrics', { NextToken: first.NextToken })));
    expect((second.Metrics as unknown[]).length).toBe(92 * 6 - 500);
    expect(second.NextToken).toBeUndefined();
  });
});

describe('query protocol', () => {
  it('decodes member lists and answers GetMetricStatistics in XML with ISO timestamps', async () => {
    put(T0 + 1, 's1', 10);
    put(T0 + 2, 's1', 20);
    const response = await service.handle(
      queryRequest({
        Action: 'GetMetricStatistics',
        Namespace: 'AWS/Kinesis',
        MetricName: 'IncomingBytes',
        'Dimensions.member.1.Name': 'StreamName',
        'Dimensions.member.1.Value': 's1',
        StartTime: '2026-11-22T03:00:00Z',
        EndTime: '2026-11-22T03:10:00Z',
        Period: '60',
        'Statistics.member.1': 'Sum',
        'Statistics.member.2': 'Average',
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/xml');
    const xml = response.body.toString();
    expect(xml).toContain('<GetMetricStatisticsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><GetMetricStatisticsResult>');
    expect(xml).toContain(
      '<Label>IncomingBytes</Label><Datapoints><member><Timestamp>2026-11-22T03:00:00Z</Timestamp><Unit>Bytes</Unit><Sum>30</Sum><Average>15</Average></member></Datapoints>',
    );
    expect(xml).toMatch(/<ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/GetMetricStatisticsResponse>/);
  });

  it('answers GetMetricData and ListMetrics with member lists', async () => {
    put(T0, 's1', 10);
    const data = (
      await service.handle(
        queryRequest({
          Action: 'GetMetricData',
          StartTime: '2026-11-22T03:00:00Z',
          EndTime: '2026-11-22T03:10:00Z',
          'MetricDataQueries.member.1.Id': 'm1',
          'MetricDataQueries.member.1.MetricStat.Metric.Namespace': 'AWS/Kinesis',
          'MetricDataQueries.member.1.MetricStat.Metric.MetricName': 'IncomingRecords',
          'MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name': 'StreamName',
          'MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value': 's1',
          'MetricDataQueries.member.1.MetricStat.Period': '60',
          'MetricDataQueries.member.1.MetricStat.Stat': 'Sum',
        }),
      )
    ).body.toString();
    expect(data).toContain(
      '<MetricDataResults><member><Id>m1</Id><Label>IncomingRecords</Label><Timestamps><member>2026-11-22T03:00:00Z</member></Timestamps><Values><member>1</member></Values><StatusCode>Complete</StatusCode><Messages></Messages></member></MetricDataResults><Messages></Messages>',
    );
    const list = (await service.handle(queryRequest({ Action: 'ListMetrics', MetricName: 'IncomingRecords' }))).body.toString();
    expect(list).toContain(
      '<ListMetricsResult><Metrics><member><Namespace>AWS/Kinesis</Namespace><MetricName>IncomingRecords</MetricName><Dimensions><member><Name>StreamName</Name><Value>s1</Value></member></Dimensions></member></Metrics></ListMetricsResult>',
    );
  });

  it('answers unsupported actions and bad input with an XML ErrorResponse', async () => {
    const alarm = await service.handle(queryRequest({ Action: 'PutMetricAlarm', AlarmName: 'a' }));
    expect(alarm.status).toBe(400);
    expect(alarm.body.toString()).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ErrorResponse xmlns="http:\/\/monitoring.amazonaws.com\/doc\/2010-08-01\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>The action PutMetricAlarm is not valid for this web service\. The kinesis-lab sandbox serves only GetMetricData, GetMetricStatistics, ListMetrics\.<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>\n$/,
    );
    const bad = await service.handle(queryRequest({ Action: 'GetMetricStatistics', Namespace: 'AWS/Kinesis', MetricName: 'x', StartTime: 'yesterday', EndTime: '2026-11-22T03:10:00Z', Period: '60' }));
    expect(bad.status).toBe(400);
    expect(bad.body.toString()).toContain('<Code>InvalidParameterValue</Code>');
  });

  it('reads query parameters from the URL of a GET', async () => {
    put(T0, 's1', 10);
    const response = await service.handle({
      method: 'GET',
      url: '/?Action=ListMetrics&Version=2010-08-01&MetricName=IncomingRecords',
      headers: {},
      body: Buffer.alloc(0),
      region: 'us-east-1',
      service: 'monitoring',
    });
    expect(response.body.toString()).toContain('<MetricName>IncomingRecords</MetricName><Dimensions><member><Name>StreamName</Name><Value>s1</Value></member></Dimensions>');
  });

  it('ignores form keys that would reach Object.prototype', async () => {
    const response = await service.handle(queryRequest({ Action: 'ListMetrics', '__proto__.polluted': 'yes', 'Dimensions.member.1.constructor': 'x' }));
    expect(response.status).toBe(200);
    expect(response.body.toString()).toContain('<ListMetricsResult><Metrics></Metrics></ListMetricsResult>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('JSON 1.0 and RPC v2 CBOR errors and CBOR answers', () => {
  it('answers unsupported JSON actions with InvalidAction', async () => {
    const response = await service.handle(jsonRequest('PutMetricAlarm', { AlarmName: 'a' }));
    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-query-error']).toBe('InvalidAction;Sender');
    expect(json(response)).toEqual({
      __type: 'com.amazonaws.cloudwatch#InvalidAction',
      message: 'The action PutMetricAlarm is not valid for this web service. The kinesis-lab sandbox serves only GetMetricData, GetMetricStatistics, ListMetrics.',
    });
  });

  it('serves RPC v2 CBOR with Date timestamps', async () => {
    put(T0, 's1', 10);
    const response = await service.handle({
      method: 'POST',
      url: '/service/GraniteServiceVersion20100801/operation/GetMetricStatistics',
      headers: { 'content-type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' },
      body: encodeBody(
        { Namespace: 'AWS/Kinesis', MetricName: 'IncomingRecords', Dimensions: stream('s1'), StartTime: new Date(T0), EndTime: new Date(T0 + 5 * MIN), Period: 60, Statistics: ['Sum'] },
        'cbor',
      ),
      region: 'us-east-1',
      service: 'monitoring',
    });
    expect(response.status).toBe(200);
    expect(response.headers['smithy-protocol']).toBe('rpc-v2-cbor');
    expect(decodeBody(Buffer.from(response.body), 'cbor')).toEqual({ Label: 'IncomingRecords', Datapoints: [{ Timestamp: new Date(T0), Unit: 'Count', Sum: 1 }] });
  });
});
