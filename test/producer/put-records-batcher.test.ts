import { describe, expect, it } from 'vitest';
import type { BatchLimits } from '../../src/producer/put-records-batcher.js';
import { isRecordTooLarge, nextBatchLength, packBatches } from '../../src/producer/put-records-batcher.js';
import {
  DEFAULT_MAX_RECORD_BYTES,
  DEFAULT_MAX_REQUEST_BYTES,
  LARGE_RECORD_MAX_REQUEST_BYTES,
  recordBytes,
  requestLimitFor,
} from '../../src/producer/record-size.js';

const MiB = 1_048_576;
const workshop: BatchLimits = { maxRecords: 500, maxRequestBytes: DEFAULT_MAX_REQUEST_BYTES, maxRecordBytes: DEFAULT_MAX_RECORD_BYTES };
const sized = (...bytes: number[]) => bytes.map((b, id) => ({ id, bytes: b }));
const many = (count: number, bytes: number) => Array.from({ length: count }, (_, id) => ({ id, bytes }));

describe('record sizes', () => {
  it('counts the partition key in UTF-8 bytes plus the data bytes', () => {
    expect(recordBytes('abc', new Uint8Array(10))).toBe(13);
    // '택시' is 2 characters but 6 UTF-8 bytes.
    expect(recordBytes('택시', new Uint8Array(1))).toBe(7);
  });

  it.each([
    [DEFAULT_MAX_RECORD_BYTES, 5 * MiB],
    [DEFAULT_MAX_RECORD_BYTES - 1, 5 * MiB],
    [DEFAULT_MAX_RECORD_BYTES + 1, 10 * MiB],
    [10 * MiB, LARGE_RECORD_MAX_REQUEST_BYTES],
  ])('a stream with %i-byte records gets a %i-byte request limit', (maxRecordBytes, expected) => {
    expect(requestLimitFor(maxRecordBytes)).toBe(expected);
  });
});

describe('nextBatchLength', () => {
  it.each([
    ['exactly 500 small records', many(500, 100), 500],
    ['501 small records', many(501, 100), 500],
    ['an empty queue', [], 0],
    ['five 1 MiB records: exactly 5 MiB', many(5, MiB), 5],
    ['five 1 MiB records and one byte more', [...many(5, MiB), { id: 5, bytes: 1 }], 5],
    ['the byte limit reached one byte early', sized(5 * MiB - 1, 1, 1), 2],
    ['a first record one byte over what the rest allow', sized(MiB, MiB, MiB, MiB, MiB + 1), 4],
  ])('%s', (_name, queue, expected) => {
    expect(nextBatchLength(queue, workshop)).toBe(expected);
  });

  it('honours a smaller batch size', () => {
    expect(nextBatchLength(many(10, 1), { ...workshop, maxRecords: 3 })).toBe(3);
  });

  it('never packs more than 500 records even if asked to', () => {
    expect(nextBatchLength(many(600, 1), { ...workshop, maxRecords: 1000 })).toBe(500);
  });
});

describe('isRecordTooLarge', () => {
  it.each([
    [DEFAULT_MAX_RECORD_BYTES, false],
    [DEFAULT_MAX_RECORD_BYTES + 1, true],
    [1, false],
  ])('%i bytes against the 1 MiB limit → %s', (bytes, expected) => {
    expect(isRecordTooLarge(bytes, workshop)).toBe(expected);
  });

  it('also rejects a record that could never fit a request', () => {
    expect(isRecordTooLarge(11, { maxRecords: 500, maxRequestBytes: 10, maxRecordBytes: 100 })).toBe(true);
  });
});

describe('packBatches', () => {
  it('splits 1001 records into 500, 500 and 1, in order', () => {
    const { batches, rejected } = packBatches(many(1001, 10), workshop);
    expect(batches.map((b) => b.length)).toEqual([500, 500, 1]);
    expect(batches.flat().map((e) => e.id)).toEqual(Array.from({ length: 1001 }, (_, i) => i));
    expect(rejected).toEqual([]);
  });

  it('starts a new request at the byte limit and sets oversized records aside', () => {
    const { batches, rejected } = packBatches(sized(3 * MiB, 2 * MiB, 1, MiB + 1, 4 * MiB), {
      ...workshop,
      maxRecordBytes: 4 * MiB,
    });
    expect(batches.map((b) => b.map((e) => e.id))).toEqual([[0, 1], [2, 3], [4]]);
    expect(rejected).toEqual([]);

    const strict = packBatches(sized(10, MiB + 1, 20), workshop);
    expect(strict.batches.map((b) => b.map((e) => e.id))).toEqual([[0, 2]]);
    expect(strict.rejected.map((e) => e.id)).toEqual([1]);
  });
});
