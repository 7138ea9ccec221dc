import { MAX_RECORDS_PER_REQUEST } from './record-size.js';

/** What one PutRecords request may hold. */
export interface BatchLimits {
  /** Records per request, 1–500. */
  maxRecords: number;
  /** Sum of record sizes (partition key + data) per request. */
  maxRequestBytes: number;
  /** Size of one record; larger ones are never sent. */
  maxRecordBytes: number;
}

/** Anything with a Kinesis size (see `recordBytes`). */
export interface SizedEntry {
  bytes: number;
}

/** True when the record may not be sent at all: over the record limit, or alone over the request limit. */
export function isRecordTooLarge(bytes: number, limits: BatchLimits): boolean {
  return bytes > limits.maxRecordBytes || bytes > limits.maxRequestBytes;
}

/**
 * How many entries from the head of `queue` go into the next request: the longest prefix with at most
 * `maxRecords` entries and at most `maxRequestBytes` bytes. Never 0 for a non-empty queue whose head is
 * sendable; entries must have been checked with `isRecordTooLarge` before they were queued.
 */
export function nextBatchLength(queue: readonly SizedEntry[], limits: BatchLimits): number {
  const maxRecords = Math.min(limits.maxRecords, MAX_RECORDS_PER_REQUEST);
  let bytes = 0;
  let length = 0;
  for (const entry of queue) {
    if (length === maxRecords || bytes + entry.bytes > limits.maxRequestBytes) break;
    bytes += entry.bytes;
    length += 1;
  }
  return length;
}

/**
 * Splits `entries` into requests in order, putting records that can never be sent aside. The producer
 * packs lazily with `nextBatchLength`; this whole-list form states the same rules for callers that
 * already hold every entry (and for the tests that pin the limits down).
 */
export function packBatches<T extends SizedEntry>(entries: readonly T[], limits: BatchLimits): { batches: T[][]; rejected: T[] } {
  const rejected = entries.filter((entry) => isRecordTooLarge(entry.bytes, limits));
  const sendable = entries.filter((entry) => !isRecordTooLarge(entry.bytes, limits));
  const batches: T[][] = [];
  for (let start = 0; start < sendable.length; ) {
    const length = nextBatchLength(sendable.slice(start, start + MAX_RECORDS_PER_REQUEST), limits);
    batches.push(sendable.slice(start, start + length));
    start += length;
  }
  return { batches, rejected };
}
