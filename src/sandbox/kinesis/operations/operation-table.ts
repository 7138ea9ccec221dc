/**
 * The operations the engine implements, by name. Every operation in botocore's Kinesis model that is
 * not listed here is answered with a clear "not implemented yet" error (kinesis-engine.ts).
 */
import { addTagsToStream } from './add-tags-to-stream.js';
import { createStream } from './create-stream.js';
import { deleteStream } from './delete-stream.js';
import { describeLimits } from './describe-limits.js';
import { describeStream } from './describe-stream.js';
import { describeStreamSummary } from './describe-stream-summary.js';
import { disableEnhancedMonitoring, enableEnhancedMonitoring } from './enhanced-monitoring.js';
import { getRecords } from './get-records.js';
import { getShardIterator } from './get-shard-iterator.js';
import type { KinesisOperation } from './kinesis-operation.js';
import { listShards } from './list-shards.js';
import { listStreams } from './list-streams.js';
import { listTagsForStream } from './list-tags-for-stream.js';
import { mergeShards } from './merge-shards.js';
import { putRecord } from './put-record.js';
import { putRecords } from './put-records.js';
import { removeTagsFromStream } from './remove-tags-from-stream.js';
import { splitShard } from './split-shard.js';
import { decreaseStreamRetentionPeriod, increaseStreamRetentionPeriod } from './stream-retention.js';
import { updateShardCount } from './update-shard-count.js';
import { updateStreamMode } from './update-stream-mode.js';

export const OPERATIONS: Readonly<Record<string, KinesisOperation>> = {
  AddTagsToStream: addTagsToStream,
  CreateStream: createStream,
  DecreaseStreamRetentionPeriod: decreaseStreamRetentionPeriod,
  DeleteStream: deleteStream,
  DescribeLimits: describeLimits,
  DescribeStream: describeStream,
  DescribeStreamSummary: describeStreamSummary,
  DisableEnhancedMonitoring: disableEnhancedMonitoring,
  EnableEnhancedMonitoring: enableEnhancedMonitoring,
  GetRecords: getRecords,
  GetShardIterator: getShardIterator,
  IncreaseStreamRetentionPeriod: increaseStreamRetentionPeriod,
  ListShards: listShards,
  ListStreams: listStreams,
  ListTagsForStream: listTagsForStream,
  MergeShards: mergeShards,
  PutRecord: putRecord,
  PutRecords: putRecords,
  RemoveTagsFromStream: removeTagsFromStream,
  SplitShard: splitShard,
  UpdateShardCount: updateShardCount,
  UpdateStreamMode: updateStreamMode,
};
