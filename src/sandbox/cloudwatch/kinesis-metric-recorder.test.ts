import { describe, expect, it } from 'vitest';
import type { KinesisCallEvent } from '../sandbox-types.js';
import { KinesisMetricRecorder, recordBytes, type MinuteAggregate } from './kinesis-metric-recorder.js';
import { encodeShardIterator, streamNameFromShardIterator } from '../kinesis/shard-iterator.js';

const T0 = Date.UTC(2026, 10, 22, 3, 0, 0);
const MIN = 60_000;

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

function putRecord(at: number, stream: string, data: string, key: string, extra: Partial<KinesisCallEvent> = {}): KinesisCallEvent {
  return {
    at,
    region: 'us-east-1',
    account: '000000000000',
    operation: 'PutRecord',
    streamName: stream,
    request: { StreamName: stream, Data: b64(data), PartitionKey: key },
    status: 200,
    response: { ShardId: 'shardId-000000000000', SequenceNumber: '1' },
    latencyMs: 7,
    ...extra,
  };
}

function putRecords(at: number, stream: string, records: { data: string; key: string; error?: string }[], latencyMs = 20): KinesisCallEvent {
  return {
    at,
    region: 'us-east-1',
    account: '000000000000',
    operation: 'PutRecords',
    streamName: stream,
    request: { StreamName: stream, Records: records.map((r) => ({ Data: b64(r.data), PartitionKey: r.key })) },
    status: 200,
    response: {
      FailedRecordCount: records.filter((r) => r.error).length,
      Records: records.map((r) => (r.error ? { ErrorCode: r.error, ErrorMessage: 'x' } : { ShardId: 'shardId-000000000000', SequenceNumber: '1' })),
    },
    latencyMs,
  };
}

function minutes(recorder: KinesisMetricRecorder, stream: string, metric: string, region = 'us-east-1'): Record<string, MinuteAggregate> {
  const recorded = recorder.metric('000000000000', region, stream, metric);
  if (!recorded) return {};
  return Object.fromEntries([...recorded.minutes].map(([minute, aggregate]) => [String((minute - T0) / MIN), { ...aggregate }]));
}

describe('recordBytes', () => {
  it('counts decoded data plus the UTF-8 partition key', () => {
    expect(recordBytes({ Data: b64('hello'), PartitionKey: 'ab' })).toBe(7);
    expect(recordBytes({ Data: b64('x'), PartitionKey: '택시' })).toBe(1 + 6);
    expect(recordBytes({ Data: new Uint8Array([1, 2, 3]), PartitionKey: 'k' })).toBe(4);
  });
});

describe('KinesisMetricRecorder', () => {
  it('aggregates PutRecord calls per minute with AWS units', () => {
    const recorder = new KinesisMetricRecorder();
    recorder.record(putRecord(T0 + 1_000, 's1', 'aaaa', 'k', { latencyMs: 5 }));
    recorder.record(putRecord(T0 + 59_999, 's1', 'bb', 'kk', { latencyMs: 9 }));
    recorder.record(putRecord(T0 + MIN, 's1', 'c', 'k', { latencyMs: 3 }));

    expect(minutes(recorder, 's1', 'PutRecord.Bytes')).toEqual({
      0: { sum: 9, min: 4, max: 5, sampleCount: 2 },
      1: { sum: 2, min: 2, max: 2, sampleCount: 1 },
    });
    expect(minutes(recorder, 's1', 'PutRecord.Latency')).toEqual({
      0: { sum: 14, min: 5, max: 9, sampleCount: 2 },
      1: { sum: 3, min: 3, max: 3, sampleCount: 1 },
    });
    expect(minutes(recorder, 's1', 'PutRecord.Success')[0]).toEqual({ sum: 2, min: 1, max: 1, sampleCount: 2 });
    expect(minutes(recorder, 's1', 'IncomingRecords')[0]).toEqual({ sum: 2, min: 1, max: 1, sampleCount: 2 });
    expect(minutes(recorder, 's1', 'IncomingBytes')[0]).toEqual({ sum: 9, min: 4, max: 5, sampleCount: 2 });
    expect(minutes(recorder, 's1', 'WriteProvisionedThroughputExceeded')[0]).toEqual({ sum: 0, min: 0, max: 0, sampleCount: 2 });
    expect(recorder.metric('000000000000', 'us-east-1', 's1', 'PutRecord.Bytes')?.unit).toBe('Bytes');
    expect(recorder.metric('000000000000', 'us-east-1', 's1', 'PutRecord.Latency')?.unit).toBe('Milliseconds');
    expect(recorder.metric('000000000000', 'us-east-1', 's1', 'IncomingRecords')?.unit).toBe('Count');
  });

  it('splits PutRecords entries into successful, throttled and failed records', () => {
    const recorder = new KinesisMetricRecorder();
    recorder.record(
      putRecords(T0 + 10_000, 's1', [
        { data: 'one', key: 'a' },
        { data: 'three', key: 'b', error: 'ProvisionedThroughputExceededException' },
        { data: 'seven', key: 'c' },
        { data: 'x', key: 'd', error: 'InternalFailure' },
      ]),
    );
    recorder.record(putRecords(T0 + 20_000, 's1', [{ data: 'zz', key: 'e', error: 'ProvisionedThroughputExceededException' }], 30));

    const one = (metric: string): MinuteAggregate | undefined => minutes(recorder, 's1', metric)[0];
    expect(one('PutRecords.TotalRecords')).toEqual({ sum: 5, min: 1, max: 4, sampleCount: 2 });
    expect(one('PutRecords.SuccessfulRecords')).toEqual({ sum: 2, min: 0, max: 2, sampleCount: 2 });
    expect(one('PutRecords.ThrottledRecords')).toEqual({ sum: 2, min: 1, max: 1, sampleCount: 2 });
    expect(one('PutRecords.FailedRecords')).toEqual({ sum: 1, min: 0, max: 1, sampleCount: 2 });
    expect(one('PutRecords.Success')).toEqual({ sum: 1, min: 0, max: 1, sampleCount: 2 });
    expect(one('PutRecords.Latency')).toEqual({ sum: 50, min: 20, max: 30, sampleCount: 2 });
    expect(one('WriteProvisionedThroughputExceeded')).toEqual({ sum: 2, min: 1, max: 1, sampleCount: 2 });
    // Bytes and incoming counts cover successful records only: 'one'+'a' and 'seven'+'c'.
    expect(one('PutRecords.Bytes')).toEqual({ sum: 10, min: 10, max: 10, sampleCount: 1 });
    expect(one('PutRecords.Records')).toEqual({ sum: 2, min: 2, max: 2, sampleCount: 1 });
    expect(one('IncomingBytes')).toEqual({ sum: 10, min: 10, max: 10, sampleCount: 1 });
    expect(one('IncomingRecords')).toEqual({ sum: 2, min: 2, max: 2, sampleCount: 1 });
  });

  it('keeps streams and regions apart', () => {
    const recorder = new KinesisMetricRecorder();
    recorder.record(putRecord(T0, 's1', 'a', 'k'));
    recorder.record(putRecord(T0, 's2', 'abc', 'k'));
    recorder.record(putRecord(T0, 's1', 'abcde', 'k', { region: 'ap-northeast-2' }));

    expect(minutes(recorder, 's1', 'IncomingBytes')).toEqual({ 0: { sum: 2, min: 2, max: 2, sampleCount: 1 } });
    expect(minutes(recorder, 's2', 'IncomingBytes')).toEqual({ 0: { sum: 4, min: 4, max: 4, sampleCount: 1 } });
    expect(minutes(recorder, 's1', 'IncomingBytes', 'ap-northeast-2')).toEqual({ 0: { sum: 6, min: 6, max: 6, sampleCount: 1 } });
    expect(recorder.metrics('000000000000', 'ap-northeast-2').map((m) => m.metricName).sort()).toEqual([
      'IncomingBytes',
      'IncomingRecords',
      'PutRecord.Bytes',
      'PutRecord.Latency',
      'PutRecord.Success',
      'WriteProvisionedThroughputExceeded',
    ]);
  });

  it('records nothing for calls on streams that do not exist or that fail validation', () => {
    const recorder = new KinesisMetricRecorder();
    recorder.record(
      putRecord(T0, 'ghost', 'a', 'k', {
        status: 400,
        response: { __type: 'ResourceNotFoundException', message: 'Stream ghost under account 000000000000 not found.' },
      }),
    );
    recorder.record(putRecord(T0, 's1', 'a', 'k', { status: 400, response: { __type: 'ValidationException', message: 'bad' } }));
    expect(recorder.metrics('000000000000', 'us-east-1')).toEqual([]);
  });

  it('counts a throttled PutRecord as an unsuccessful call and a throttled record', () => {
    const recorder = new KinesisMetricRecorder();
    recorder.record(
      putRecord(T0, 's1', 'abc', 'k', {
        status: 400,
        response: { __type: 'ProvisionedThroughputExceededException', message: 'Rate exceeded for shard shardId-000000000000' },
      }),
    );
    recorder.record(putRecord(T0 + 1, 's1', 'abc', 'k'));
    expect(minutes(recorder, 's1', 'PutRecord.Success')[0]).toEqual({ sum: 1, min: 0, max: 1, sampleCount: 2 });
    expect(minutes(recorder, 's1', 'WriteProvisionedThroughputExceeded')[0]).toEqual({ sum: 1, min: 0, max: 1, sampleCount: 2 });
    expect(minutes(recorder, 's1', 'PutRecord.Bytes')[0]).toEqual({ sum: 4, min: 4, max: 4, sampleCount: 1 });
    expect(minutes(recorder, 's1', 'IncomingRecords')[0]).toEqual({ sum: 1, min: 1, max: 1, sampleCount: 1 });
  });

  it('files GetRecords under the stream named in the shard iterator', () => {
    const iterator = encodeShardIterator({
      account: '000000000000', region: 'us-east-1', streamName: 'reader-stream', streamCreatedMs: T0, shardIndex: 0,
      sequenceNumber: '49590000000000001700000000000170000000000000000000000001', after: false, issuedMs: T0,
    });
    expect(streamNameFromShardIterator(iterator)).toBe('reader-stream');
    expect(streamNameFromShardIterator('not-an-iterator')).toBeUndefined();

    const recorder = new KinesisMetricRecorder();
    recorder.record({
      at: T0 + 5_000,
      region: 'us-east-1',
      account: '000000000000',
      operation: 'GetRecords',
      request: { ShardIterator: iterator },
      status: 200,
      response: {
        Records: [
          { Data: b64('abc'), PartitionKey: 'k', ApproximateArrivalTimestamp: (T0 + 1_000) / 1000 },
          { Data: b64('de'), PartitionKey: 'k', ApproximateArrivalTimestamp: (T0 + 2_000) / 1000 },
        ],
        MillisBehindLatest: 0,
        NextShardIterator: iterator,
      },
      latencyMs: 4,
    });
    const one = (metric: string): MinuteAggregate | undefined => minutes(recorder, 'reader-stream', metric)[0];
    expect(one('GetRecords.Records')).toEqual({ sum: 2, min: 2, max: 2, sampleCount: 1 });
    expect(one('GetRecords.Bytes')).toEqual({ sum: 7, min: 7, max: 7, sampleCount: 1 });
    expect(one('GetRecords.Success')).toEqual({ sum: 1, min: 1, max: 1, sampleCount: 1 });
    expect(one('GetRecords.Latency')).toEqual({ sum: 4, min: 4, max: 4, sampleCount: 1 });
    expect(one('GetRecords.IteratorAgeMilliseconds')).toEqual({ sum: 3_000, min: 3_000, max: 3_000, sampleCount: 1 });
  });

  it('ignores operations that produce no stream metrics and bodies it cannot read', () => {
    const recorder = new KinesisMetricRecorder();
    recorder.record({ at: T0, region: 'us-east-1', account: '000000000000', operation: 'DescribeStream', streamName: 's1', request: {}, status: 200, response: {}, latencyMs: 1 });
    recorder.record({ at: T0, region: 'us-east-1', account: '000000000000', operation: 'PutRecords', streamName: 's1', request: { Records: 'nope' }, status: 200, response: 42, latencyMs: 1 });
    expect(minutes(recorder, 's1', 'PutRecords.TotalRecords')).toEqual({ 0: { sum: 0, min: 0, max: 0, sampleCount: 1 } });
    expect(recorder.metric('000000000000', 'us-east-1', 's1', 'DescribeStream')).toBeUndefined();
  });
});
