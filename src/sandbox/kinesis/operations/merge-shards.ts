/** MergeShards: two adjacent open shards close and one child covers both ranges (after updateStreamMs). */
import { couldNotFindShard, invalidArgument, streamNotActive } from '../kinesis-texts.js';
import { requestedStream } from '../resolve-stream.js';
import { shardAt, shardIndexOf } from '../shard-reading.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const mergeShards: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  const firstId = String(input.ShardToMerge);
  const secondId = String(input.AdjacentShardToMerge);
  const firstIndex = shardIndexOf(firstId, stream.name, stream.account);
  const secondIndex = shardIndexOf(secondId, stream.name, stream.account);
  if (stream.status !== 'ACTIVE') throw streamNotActive(stream);
  const first = shardAt(stream, firstIndex);
  if (!first) throw couldNotFindShard(firstId, stream.name, stream.account);
  const second = shardAt(stream, secondIndex);
  if (!second) throw couldNotFindShard(secondId, stream.name, stream.account);
  if (stream.mode === 'ON_DEMAND') throw invalidArgument(`MergeShards is not supported for stream ${stream.name} under account ${stream.account} in ON_DEMAND mode.`);
  const adjacent = BigInt(first.endingHashKey) + 1n === BigInt(second.startingHashKey) || BigInt(second.endingHashKey) + 1n === BigInt(first.startingHashKey);
  if (!adjacent || first.closedMs !== undefined || second.closedMs !== undefined) {
    throw invalidArgument(`Shards ${first.id} and ${second.id} in stream ${stream.name} under account ${stream.account} are not an adjacent pair of shards eligible for merging`);
  }
  call.commit({
    k: 'schedule', account: stream.account, region: stream.region, name: stream.name, at: call.now, status: 'UPDATING',
    work: { kind: 'merge', at: call.now + call.settings.updateStreamMs, shardIndex: first.index, adjacentIndex: second.index },
  });
  return {};
};
