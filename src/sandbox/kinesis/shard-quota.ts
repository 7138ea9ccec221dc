/**
 * The account's quotas in a region, as CreateStream, SplitShard, UpdateShardCount, UpdateStreamMode and
 * DescribeLimits see them: open shards of provisioned streams, and how many on-demand streams there are.
 */
import { KinesisError } from './kinesis-error.js';
import { shardLimitExceeded } from './kinesis-texts.js';
import { defaultShardQuota, ON_DEMAND_STREAM_QUOTA } from './limits/kinesis-limits.js';
import type { OperationCall } from './operations/kinesis-operation.js';
import { openShardCount } from './stream-views.js';

export interface ShardQuota {
  limit: number;
  open: number;
}

export function shardQuota(call: OperationCall): ShardQuota {
  const { account, region } = call.caller;
  return { limit: call.settings.shardLimit ?? defaultShardQuota(region), open: openShardCount(call.store.streams(account, region, call.now)) };
}

/**
 * Refuses a request that would leave more open shards than the quota allows.
 * @param added shards the request adds (negative when it removes some)
 * @param reported the "additional shards" AWS's text names @default added
 */
export function assertShardQuota(call: OperationCall, added: number, reported = added): void {
  const { limit, open } = shardQuota(call);
  if (open + added > limit) throw shardLimitExceeded(call.caller.account, call.caller.region, open, limit, reported);
}

/** On-demand streams the account has in the region (DELETING ones no longer count). */
export function onDemandStreamCount(call: OperationCall): number {
  return call.store.streams(call.caller.account, call.caller.region, call.now).filter((stream) => stream.mode === 'ON_DEMAND' && stream.status !== 'DELETING').length;
}

/** Refuses one more on-demand stream past the account's 50 (our wording: AWS's text was not confirmed). */
export function assertOnDemandQuota(call: OperationCall): void {
  const count = onDemandStreamCount(call);
  if (count + 1 > ON_DEMAND_STREAM_QUOTA) {
    throw new KinesisError('LimitExceededException',
      `This request would exceed the on-demand stream count limit for the account ${call.caller.account} in ${call.caller.region}. Current on-demand stream count for the account: ${count}. Limit: ${ON_DEMAND_STREAM_QUOTA}.`);
  }
}
