/**
 * AWS's Kinesis limits as the sandbox enforces them by default (`--limits off` turns them off for a
 * demo). Per shard, in both capacity modes (Kinesis Data Streams developer guide, "Quotas and limits";
 * botocore's model documentation of CreateStream and GetRecords): writes 1,000 records/s and 1 MiB/s
 * (data and partition keys), reads 5 GetRecords calls/s and 2 MiB/s, GetShardIterator 5 calls/s. The
 * control plane's per-account and per-stream call rates are in api-rate-limits.ts.
 */

/** Each limit per shard and second; Infinity: not metered. */
export interface KinesisLimits {
  writeRecordsPerSecond: number;
  writeBytesPerSecond: number;
  readCallsPerSecond: number;
  readBytesPerSecond: number;
  shardIteratorsPerSecond: number;
  /** Whether control-plane calls are held to api-rate-limits.ts. */
  callRates: boolean;
}

export const MIB = 1_048_576;

export const AWS_LIMITS: Readonly<KinesisLimits> = {
  writeRecordsPerSecond: 1000,
  writeBytesPerSecond: MIB,
  readCallsPerSecond: 5,
  readBytesPerSecond: 2 * MIB,
  shardIteratorsPerSecond: 5,
  callRates: true,
};

/** `--limits off`: nothing metered (the shard quota and record sizes stay: they are not rates). */
export const NO_LIMITS: Readonly<KinesisLimits> = {
  writeRecordsPerSecond: Infinity,
  writeBytesPerSecond: Infinity,
  readCallsPerSecond: Infinity,
  readBytesPerSecond: Infinity,
  shardIteratorsPerSecond: Infinity,
  callRates: false,
};

/** Whether the sandbox holds calls to AWS's limits: `--limits off` is for demos. @default 'aws' */
export type LimitsSetting = 'aws' | 'off';

/**
 * The engine's limits: AWS's, or none; a per-shard write limit asked for on purpose (`--faults
 * throttle=200`) applies either way.
 */
export function engineLimits(setting: LimitsSetting = 'aws', throttle?: { recordsPerSecond: number; bytesPerSecond: number }): KinesisLimits {
  const base = setting === 'off' ? NO_LIMITS : AWS_LIMITS;
  return throttle ? { ...base, writeRecordsPerSecond: throttle.recordsPerSecond, writeBytesPerSecond: throttle.bytesPerSecond } : base;
}

/**
 * The default open-shard quota per account and region: 20,000 in us-east-1, us-west-2 and eu-west-1,
 * and 1,000 or 6,000 elsewhere (Kinesis quotas page); the sandbox takes the lower figure there.
 */
export function defaultShardQuota(region: string): number {
  return region === 'us-east-1' || region === 'us-west-2' || region === 'eu-west-1' ? 20_000 : 1_000;
}

/** On-demand streams an account may have by default (Kinesis quotas page). */
export const ON_DEMAND_STREAM_QUOTA = 50;
