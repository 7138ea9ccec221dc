/** SplitShard: the parent closes and two children share its hash range (after updateStreamMs, UPDATING meanwhile). */
import { couldNotFindShard, invalidArgument, streamNotActive } from '../kinesis-texts.js';
import { assertShardQuota } from '../shard-quota.js';
import { requestedStream } from '../resolve-stream.js';
import { shardAt, shardIndexOf } from '../shard-reading.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const splitShard: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  const shardId = String(input.ShardToSplit);
  const index = shardIndexOf(shardId, stream.name, stream.account);
  if (stream.status !== 'ACTIVE') throw streamNotActive(stream);
  const shard = shardAt(stream, index);
  if (!shard) throw couldNotFindShard(shardId, stream.name, stream.account);
  if (stream.mode === 'ON_DEMAND') throw invalidArgument(`SplitShard is not supported for stream ${stream.name} under account ${stream.account} in ON_DEMAND mode.`);
  if (shard.closedMs !== undefined) throw invalidArgument(`Shard ${shard.id} in stream ${stream.name} under account ${stream.account} has already been merged or split, and thus is not eligible for merging or splitting.`);
  assertShardQuota(call, 1);
  const split = BigInt(String(input.NewStartingHashKey));
  if (split <= BigInt(shard.startingHashKey) + 1n || split >= BigInt(shard.endingHashKey)) {
    throw invalidArgument(`NewStartingHashKey ${String(input.NewStartingHashKey)} used in SplitShard() on shard ${shard.id} in stream ${stream.name} under account ${stream.account} is not both greater than one plus the shard's StartingHashKey ${shard.startingHashKey} and less than the shard's EndingHashKey ${shard.endingHashKey}.`);
  }
  call.commit({
    k: 'schedule', account: stream.account, region: stream.region, name: stream.name, at: call.now, status: 'UPDATING',
    work: { kind: 'split', at: call.now + call.settings.updateStreamMs, shardIndex: index, newStartingHashKey: split.toString() },
  });
  return {};
};
