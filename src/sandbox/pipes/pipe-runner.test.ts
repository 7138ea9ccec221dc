import { describe, expect, it } from 'vitest';
import { buildKinesisPipeEvent } from '../../filter/pipe-event.js';
import { MAX_BATCH_BYTES, laneOf, parseStreamArn, resolvePartitionKey, splitBatches } from './pipe-runner.js';

const event = buildKinesisPipeEvent(
  { shardId: 'shardId-000000000000', sequenceNumber: '1', partitionKey: 'pk-1', data: Buffer.from('{"vendorId":"V7","legs":[{"id":"L1"}]}'), approximateArrivalTimestamp: new Date(0) },
  { roleArn: 'arn:aws:iam::000000000000:role/r', region: 'us-east-1', streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/s' },
);

describe('resolvePartitionKey', () => {
  it.each([
    ['a literal', 'fixed', 'fixed'],
    ['the record partition key', '$.partitionKey', 'pk-1'],
    ['a field of JSON data', '$.data.vendorId', 'V7'],
    ['an array element', '$.data.legs[0].id', 'L1'],
  ])('resolves %s', (_what, spec, expected) => {
    expect(resolvePartitionKey(spec, event)).toBe(expected);
  });

  it('fails when a path finds nothing', () => {
    expect(() => resolvePartitionKey('$.data.missing', event)).toThrow('PartitionKey path $.data.missing found no value in record 1.');
  });
});

describe('splitBatches', () => {
  it('cuts at BatchSize', () => {
    const records = [1, 2, 3, 4, 5].map((n) => ({ n, bytes: 10 }));
    expect(splitBatches(records, 2).map((b) => b.map((r) => r.n))).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('cuts at 6 MB', () => {
    const records = [1, 2, 3].map((n) => ({ n, bytes: MAX_BATCH_BYTES / 2 }));
    expect(splitBatches(records, 100).map((b) => b.map((r) => r.n))).toEqual([[1, 2], [3]]);
  });
});

describe('laneOf', () => {
  it('puts a key in the same lane every time, within the factor', () => {
    const keys = Array.from({ length: 50 }, (_, i) => `key-${i}`);
    const lanes = keys.map((k) => laneOf(k, 4));
    expect(keys.map((k) => laneOf(k, 4))).toEqual(lanes);
    expect(new Set(lanes).size).toBe(4);
    expect(keys.every((k) => laneOf(k, 1) === 0)).toBe(true);
  });
});

describe('parseStreamArn', () => {
  it('reads region and name, and refuses other ARNs', () => {
    expect(parseStreamArn('arn:aws:kinesis:ap-northeast-2:000000000000:stream/input-stream')).toEqual({ region: 'ap-northeast-2', streamName: 'input-stream' });
    expect(parseStreamArn('arn:aws:sqs:us-east-1:000000000000:queue')).toBeUndefined();
  });
});
