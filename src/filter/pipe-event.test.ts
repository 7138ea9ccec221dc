import { describe, expect, it } from 'vitest';
import { EventPatternError } from './event-pattern.js';
import { buildKinesisPipeEvent, compileKinesisPipeFilter, kinesisFilterView, passesFilters } from './pipe-event.js';

const context = {
  roleArn: 'arn:aws:iam::123456789012:role/lambda-role',
  region: 'us-east-2',
  streamArn: 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
};

const record = (data: string | Uint8Array, partitionKey = '1') => ({
  shardId: 'shardId-000000000006',
  sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
  partitionKey,
  data: typeof data === 'string' ? new TextEncoder().encode(data) : data,
  approximateArrivalTimestamp: new Date(1545084650987),
});

describe('buildKinesisPipeEvent', () => {
  it('builds the event AWS documents for a Kinesis source', () => {
    const event = buildKinesisPipeEvent(record('Hello, this is a test.'), context);
    expect(event).toEqual({
      kinesisSchemaVersion: '1.0',
      partitionKey: '1',
      sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      data: 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==',
      approximateArrivalTimestamp: 1545084650.987,
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: 'shardId-000000000006:49590338271490256608559692538361571095921575989136588898',
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
      awsRegion: 'us-east-2',
      eventSourceARN: 'arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream',
    });
    expect(Object.keys(event)[0]).toBe('kinesisSchemaVersion');
  });
});

describe('kinesisFilterView', () => {
  it('decodes JSON data and hides the fields patterns cannot use', () => {
    const json = JSON.stringify({ City: 'Seattle', State: 'WA', Temperature: '46', Month: 'December' });
    const { view, dataIsJson } = kinesisFilterView(buildKinesisPipeEvent(record(json), context));
    expect(dataIsJson).toBe(true);
    expect(view).toEqual({
      kinesisSchemaVersion: '1.0',
      partitionKey: '1',
      sequenceNumber: '49590338271490256608559692538361571095921575989136588898',
      data: { City: 'Seattle', State: 'WA', Temperature: '46', Month: 'December' },
      approximateArrivalTimestamp: 1545084650.987,
    });
  });

  it('marks non-JSON and non-UTF-8 data', () => {
    expect(kinesisFilterView(buildKinesisPipeEvent(record('plain text'), context)).dataIsJson).toBe(false);
    expect(kinesisFilterView(buildKinesisPipeEvent(record(new Uint8Array([0xff, 0xfe, 0x7b])), context)).dataIsJson).toBe(false);
  });
});

describe('passesFilters', () => {
  const seattle = buildKinesisPipeEvent(record(JSON.stringify({ City: 'Seattle', fare: 12.5 })), context);
  const portland = buildKinesisPipeEvent(record(JSON.stringify({ City: 'Portland', fare: 40 }), '2'), context);
  const text = buildKinesisPipeEvent(record('not json'), context);

  it.each([
    ['the docs filter on partitionKey and data.City', ['{ "partitionKey": [ "1" ], "data": { "City": [ "Seattle" ] } }'], seattle, true],
    ['the docs filter, other city', ['{ "partitionKey": [ "1" ], "data": { "City": [ "Seattle" ] } }'], portland, false],
    ['a numeric filter on data', ['{ "data": { "fare": [ { "numeric": [ ">", 20 ] } ] } }'], portland, true],
    ['filters are ORed', ['{ "data": { "City": [ "Seattle" ] } }', '{ "data": { "City": [ "Portland" ] } }'], portland, true],
    ['no filters let everything through', [], text, true],
    ['a data pattern drops non-JSON data', ['{ "data": { "City": [ { "exists": false } ] } }'], text, false],
    ['a metadata-only pattern still applies to non-JSON data', ['{ "partitionKey": [ "1" ] }'], text, true],
    ['a data pattern inside $or also drops non-JSON data', ['{ "$or": [ { "partitionKey": [ "9" ] }, { "data": { "x": [ { "exists": false } ] } } ] }'], text, false],
    ['polling fields are not filterable', ['{ "eventSource": [ "aws:kinesis" ] }'], seattle, false],
  ] as const)('%s', (_name, patterns, event, expected) => {
    const filters = patterns.map((p) => compileKinesisPipeFilter(p));
    expect(passesFilters(filters, event)).toBe(expected);
  });

  it('refuses a plain-string pattern on data', () => {
    expect(() => compileKinesisPipeFilter('{ "data": [ "Seattle" ] }')).toThrow(EventPatternError);
  });
});
