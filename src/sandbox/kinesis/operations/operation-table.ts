/**
 * The operations the engine implements, by name: every operation in botocore's Kinesis model (a test
 * holds the two lists equal). SubscribeToShard's event stream is answered by the route
 * (subscribe-to-shard.ts); its entry here opens the subscription.
 */
import { addTagsToStream } from './add-tags-to-stream.js';
import { describeAccountSettings, updateAccountSettings } from './account-settings.js';
import { deleteResourcePolicy, getResourcePolicy, putResourcePolicy } from './resource-policies.js';
import { listTagsForResource, tagResource, untagResource } from './resource-tags.js';
import { deregisterStreamConsumer, describeStreamConsumer, listStreamConsumers, registerStreamConsumer } from './stream-consumers.js';
import { startStreamEncryption, stopStreamEncryption } from './stream-encryption.js';
import { updateMaxRecordSize } from './update-max-record-size.js';
import { updateStreamWarmThroughput } from './update-stream-warm-throughput.js';
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
import { subscribeToShard } from './subscribe-to-shard.js';
import { decreaseStreamRetentionPeriod, increaseStreamRetentionPeriod } from './stream-retention.js';
import { updateShardCount } from './update-shard-count.js';
import { updateStreamMode } from './update-stream-mode.js';

export const OPERATIONS: Readonly<Record<string, KinesisOperation>> = {
  AddTagsToStream: addTagsToStream,
  CreateStream: createStream,
  DecreaseStreamRetentionPeriod: decreaseStreamRetentionPeriod,
  DeleteResourcePolicy: deleteResourcePolicy,
  DeleteStream: deleteStream,
  DeregisterStreamConsumer: deregisterStreamConsumer,
  DescribeAccountSettings: describeAccountSettings,
  DescribeLimits: describeLimits,
  DescribeStream: describeStream,
  DescribeStreamConsumer: describeStreamConsumer,
  DescribeStreamSummary: describeStreamSummary,
  DisableEnhancedMonitoring: disableEnhancedMonitoring,
  EnableEnhancedMonitoring: enableEnhancedMonitoring,
  GetRecords: getRecords,
  GetResourcePolicy: getResourcePolicy,
  GetShardIterator: getShardIterator,
  IncreaseStreamRetentionPeriod: increaseStreamRetentionPeriod,
  ListShards: listShards,
  ListStreamConsumers: listStreamConsumers,
  ListStreams: listStreams,
  ListTagsForResource: listTagsForResource,
  ListTagsForStream: listTagsForStream,
  MergeShards: mergeShards,
  PutRecord: putRecord,
  PutRecords: putRecords,
  PutResourcePolicy: putResourcePolicy,
  RegisterStreamConsumer: registerStreamConsumer,
  RemoveTagsFromStream: removeTagsFromStream,
  SplitShard: splitShard,
  StartStreamEncryption: startStreamEncryption,
  StopStreamEncryption: stopStreamEncryption,
  SubscribeToShard: subscribeToShard,
  TagResource: tagResource,
  UntagResource: untagResource,
  UpdateAccountSettings: updateAccountSettings,
  UpdateMaxRecordSize: updateMaxRecordSize,
  UpdateShardCount: updateShardCount,
  UpdateStreamMode: updateStreamMode,
  UpdateStreamWarmThroughput: updateStreamWarmThroughput,
};
