/** DescribeStream: the stream with a page of its shards (Limit, ExclusiveStartShardId). */
import { requestedStream } from '../resolve-stream.js';
import { shardView, streamBasics, visibleShards } from '../stream-views.js';
import type { KinesisOperation } from './kinesis-operation.js';

const DEFAULT_LIMIT = 100;

export const describeStream: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  const after = typeof input.ExclusiveStartShardId === 'string' ? input.ExclusiveStartShardId : undefined;
  const limit = typeof input.Limit === 'number' ? input.Limit : DEFAULT_LIMIT;
  const shards = visibleShards(stream).filter((shard) => after === undefined || shard.id > after);
  return {
    StreamDescription: {
      ...streamBasics(stream),
      Shards: shards.slice(0, limit).map(shardView),
      HasMoreShards: shards.length > limit,
    },
  };
};
