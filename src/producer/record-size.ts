/**
 * Kinesis size rules, as the service counts them: a record's size is its partition key's UTF-8 bytes
 * plus its data bytes (before base64), and a PutRecords request is limited by the sum of those.
 */

/** A record's default size limit, partition key included (1 MiB). */
export const DEFAULT_MAX_RECORD_BYTES = 1_048_576;

/** Records in one PutRecords request, the API's fixed limit. */
export const MAX_RECORDS_PER_REQUEST = 500;

/** PutRecords request limit the workshop teaches, and what AWS enforced before large records (5 MiB). */
export const DEFAULT_MAX_REQUEST_BYTES = 5 * 1_048_576;

/** PutRecords request limit on streams that accept records above 1 MiB (10 MiB). */
export const LARGE_RECORD_MAX_REQUEST_BYTES = 10 * 1_048_576;

/** Bytes Kinesis counts for one record. */
export function recordBytes(partitionKey: string, data: Uint8Array): number {
  return Buffer.byteLength(partitionKey, 'utf8') + data.byteLength;
}

/**
 * The PutRecords request limit to pack against, given the stream's record limit. Streams that allow
 * records above 1 MiB (MaxRecordSizeInKiB > 1024) are under the newer 10 MiB request limit; for the
 * rest we keep the workshop's 5 MiB, which every stream accepts.
 */
export function requestLimitFor(maxRecordBytes: number): number {
  return maxRecordBytes > DEFAULT_MAX_RECORD_BYTES ? LARGE_RECORD_MAX_REQUEST_BYTES : DEFAULT_MAX_REQUEST_BYTES;
}
