/** Where a record goes and what it is checked against before it is written (PutRecord, PutRecords). */
import { KinesisError } from './kinesis-error.js';
import { explicitHashKeyHex, partitionKeyHex } from './hash-key.js';
import { constraintFailure, base64ByteLength } from './model/validate-input.js';
import { streamNotFound } from './kinesis-texts.js';
import type { ShardState, StreamState } from './stream-state.js';

/** Writes go to ACTIVE and UPDATING streams only; AWS answers others as not found. */
export function assertWritable(stream: StreamState): void {
  if (stream.status !== 'ACTIVE' && stream.status !== 'UPDATING') throw streamNotFound(stream.name, stream.account);
}

/** The open shard whose hash range holds the record's hash key. */
export function shardForRecord(stream: StreamState, partitionKey: string, explicitHashKey: string | undefined): ShardState {
  let hex: string | undefined;
  if (explicitHashKey !== undefined) {
    hex = explicitHashKeyHex(explicitHashKey);
    if (hex === undefined) {
      throw new KinesisError('InvalidArgumentException', `Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${explicitHashKey}`);
    }
  } else {
    hex = partitionKeyHex(partitionKey);
  }
  for (const shard of stream.shards) {
    if (shard.closedMs === undefined && hex >= shard.startHex && hex <= shard.endHex) return shard;
  }
  throw new KinesisError('InternalFailure', `No open shard of stream ${stream.name} covers hash key ${hex}.`, 500);
}

/** What a record counts against its shard's 1 MiB/s: its data and its partition key. */
export function recordBytes(data: string, partitionKey: string): number {
  return base64ByteLength(data) + Buffer.byteLength(partitionKey, 'utf8');
}

/** The stream's record size limit (MaxRecordSizeInKiB, 1 MiB by default), as a validation failure at `path`. */
export function assertRecordSize(stream: StreamState, data: string, path: string): void {
  const bytes = base64ByteLength(data);
  const limit = stream.maxRecordSizeInKiB * 1024;
  if (bytes > limit) {
    throw new KinesisError('ValidationException',
      `1 validation error detected: ${constraintFailure(path, `'java.nio.HeapByteBuffer[pos=0 lim=${bytes} cap=${bytes}]'`, `Member must have length less than or equal to ${limit}`)}`);
  }
}
