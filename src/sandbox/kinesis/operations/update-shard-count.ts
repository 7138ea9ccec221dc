/**
 * UpdateShardCount (UNIFORM_SCALING): all open shards close and TargetShardCount new ones share the
 * hash space, after updateStreamMs. AWS allows at most double or half the open shards in one call.
 */
import { invalidArgument, streamNotActive } from '../kinesis-texts.js';
import { assertShardQuota } from '../shard-quota.js';
import { requestedStream } from '../resolve-stream.js';
import { openShards } from '../stream-views.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const updateShardCount: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  if (stream.status !== 'ACTIVE') throw streamNotActive(stream);
  if (stream.mode === 'ON_DEMAND') throw invalidArgument(`UpdateShardCount is not supported for stream ${stream.name} under account ${stream.account} in ON_DEMAND mode.`);
  const open = openShards(stream).length;
  const target = Number(input.TargetShardCount);
  if (target > open * 2) {
    throw invalidArgument(`UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: ${open} Target shard count: ${target}`);
  }
  if (target * 2 < open) {
    throw invalidArgument(`UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: ${open} Target shard count: ${target}`);
  }
  assertShardQuota(call, target - open);
  call.commit({
    k: 'schedule', account: stream.account, region: stream.region, name: stream.name, at: call.now, status: 'UPDATING',
    work: { kind: 'reshard', at: call.now + call.settings.updateStreamMs, targetShardCount: target },
  });
  return { StreamName: stream.name, StreamARN: stream.arn, CurrentShardCount: open, TargetShardCount: target };
};
