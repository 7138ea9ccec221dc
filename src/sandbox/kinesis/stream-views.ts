/** How streams and shards look in responses (DescribeStream, DescribeStreamSummary, ListShards, ListStreams). */
import { sequenceRangeOf } from './settle-stream.js';
import { recordSequenceNumber } from './shard-reading.js';
import type { ShardState, StoredRecord, StreamState } from './stream-state.js';

export function shardView(shard: ShardState): Record<string, unknown> {
  return {
    ShardId: shard.id,
    ...(shard.parentShardId !== undefined ? { ParentShardId: shard.parentShardId } : {}),
    ...(shard.adjacentParentShardId !== undefined ? { AdjacentParentShardId: shard.adjacentParentShardId } : {}),
    HashKeyRange: { StartingHashKey: shard.startingHashKey, EndingHashKey: shard.endingHashKey },
    SequenceNumberRange: sequenceRangeOf(shard),
  };
}

/** Shards a caller sees: none while the stream is CREATING (AWS lists them once it is ACTIVE). */
export function visibleShards(stream: StreamState): ShardState[] {
  return stream.status === 'CREATING' ? [] : stream.shards;
}

export function openShards(stream: StreamState): ShardState[] {
  return visibleShards(stream).filter((shard) => shard.closedMs === undefined);
}

/**
 * Open shards of provisioned streams, as the account's shard quota counts them (CREATING streams
 * included; on-demand streams have a quota of their own: how many there are).
 */
export function openShardCount(streams: StreamState[]): number {
  let count = 0;
  for (const stream of streams) {
    if (stream.mode !== 'PROVISIONED') continue;
    for (const shard of stream.shards) if (shard.closedMs === undefined) count += 1;
  }
  return count;
}

/** The fields DescribeStream and DescribeStreamSummary share. */
export function streamBasics(stream: StreamState): Record<string, unknown> {
  return {
    StreamName: stream.name,
    StreamARN: stream.arn,
    StreamStatus: stream.status,
    StreamModeDetails: { StreamMode: stream.mode },
    RetentionPeriodHours: stream.retentionHours,
    StreamCreationTimestamp: Math.floor(stream.createdMs / 1000),
    EnhancedMonitoring: [{ ShardLevelMetrics: [...stream.shardLevelMetrics] }],
    EncryptionType: encryptionType(stream),
    ...(stream.kmsKeyId !== undefined ? { KeyId: stream.kmsKeyId } : {}),
  };
}

/** NONE, or KMS once StartStreamEncryption has completed: what PutRecord(s) and GetRecords report. */
export function encryptionType(stream: StreamState): 'NONE' | 'KMS' {
  return stream.kmsKeyId === undefined ? 'NONE' : 'KMS';
}

/** One record as GetRecords and SubscribeToShard return it (Data base64, as JSON carries it). */
export function recordView(shard: ShardState, record: StoredRecord, stream: StreamState): Record<string, unknown> {
  return {
    SequenceNumber: recordSequenceNumber(shard, record),
    ApproximateArrivalTimestamp: record.at / 1000,
    Data: record.data,
    PartitionKey: record.partitionKey,
    ...(stream.kmsKeyId !== undefined ? { EncryptionType: 'KMS' } : {}),
  };
}

export function streamSummary(stream: StreamState): Record<string, unknown> {
  return { StreamName: stream.name, StreamARN: stream.arn, StreamStatus: stream.status, StreamModeDetails: { StreamMode: stream.mode }, StreamCreationTimestamp: Math.floor(stream.createdMs / 1000) };
}
