/** DescribeLimits: the account's shard quota and on-demand stream quota in the region, and what is used. */
import { ON_DEMAND_STREAM_QUOTA } from '../limits/kinesis-limits.js';
import { onDemandStreamCount, shardQuota } from '../shard-quota.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const describeLimits: KinesisOperation = (call) => {
  const { limit, open } = shardQuota(call);
  return { ShardLimit: limit, OpenShardCount: open, OnDemandStreamCount: onDemandStreamCount(call), OnDemandStreamCountLimit: ON_DEMAND_STREAM_QUOTA };
};
