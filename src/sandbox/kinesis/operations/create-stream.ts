/** CreateStream: provisioned with ShardCount, or on-demand (no ShardCount, or StreamModeDetails ON_DEMAND). */
import { KinesisError } from '../kinesis-error.js';
import { streamInUse } from '../kinesis-texts.js';
import { assertOnDemandQuota, assertShardQuota } from '../shard-quota.js';
import { ON_DEMAND_MIN_SHARDS } from '../settle-stream.js';
import { streamArn } from '../stream-arn.js';
import { assertWarmThroughput } from '../warm-throughput.js';
import type { StreamMode } from '../stream-state.js';
import type { KinesisOperation } from './kinesis-operation.js';

/** Streams an account may have CREATING at once (CreateStream's documentation). */
const MAX_CREATING = 5;
/** AWS's default record size limit. */
export const DEFAULT_MAX_RECORD_KIB = 1024;
export const DEFAULT_RETENTION_HOURS = 24;

export const createStream: KinesisOperation = (call, input) => {
  const name = String(input.StreamName);
  const requestedMode = (input.StreamModeDetails as { StreamMode?: StreamMode } | undefined)?.StreamMode;
  // Without a mode or a shard count AWS creates an on-demand stream.
  const mode: StreamMode = requestedMode ?? (input.ShardCount === undefined ? 'ON_DEMAND' : 'PROVISIONED');
  if (mode === 'ON_DEMAND' && input.ShardCount !== undefined) {
    throw new KinesisError('InvalidArgumentException', 'ShardCount is not expected when StreamMode=ON_DEMAND');
  }
  if (mode === 'PROVISIONED' && input.ShardCount === undefined) {
    throw new KinesisError('InvalidArgumentException', 'ShardCount is required when StreamMode=PROVISIONED');
  }
  const { account, region, partition } = call.caller;
  if (call.store.find(account, region, name, call.now)) throw streamInUse(name, account);
  // AWS: "Have more than five streams in the CREATING state at any point in time" is refused (our wording).
  const creating = call.store.streams(account, region, call.now).filter((stream) => stream.status === 'CREATING').length;
  if (call.limits.limits.callRates && creating >= MAX_CREATING) {
    throw new KinesisError('LimitExceededException', `Account ${account} already has ${MAX_CREATING} streams in CREATING state in ${region}; wait until one is ACTIVE.`);
  }
  const warm = typeof input.WarmThroughputMiBps === 'number' ? input.WarmThroughputMiBps : undefined;
  if (warm !== undefined) assertWarmThroughput(call, mode, warm);
  // An on-demand stream starts with 4 MiB/s of writes, or its warm throughput: a shard per MiB/s.
  const shardCount = mode === 'ON_DEMAND' ? Math.max(ON_DEMAND_MIN_SHARDS, warm ?? 0) : Number(input.ShardCount);
  if (mode === 'ON_DEMAND') assertOnDemandQuota(call);
  else assertShardQuota(call, shardCount);
  call.commit({
    k: 'create',
    account,
    region,
    name,
    at: call.now,
    arn: streamArn({ partition, region, account, name }),
    mode,
    shardCount,
    readyAt: call.now + call.settings.createStreamMs,
    retentionHours: DEFAULT_RETENTION_HOURS,
    maxRecordSizeInKiB: typeof input.MaxRecordSizeInKiB === 'number' ? input.MaxRecordSizeInKiB : DEFAULT_MAX_RECORD_KIB,
    tags: (input.Tags as Record<string, string> | undefined) ?? {},
    ...(warm !== undefined ? { warmThroughputMiBps: warm } : {}),
  });
  return {};
};
