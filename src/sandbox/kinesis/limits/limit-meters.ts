/**
 * What the engine meters against its limits (kinesis-limits.ts, api-rate-limits.ts). Kept in memory
 * only: a restarted sandbox starts every budget afresh, as a second later AWS would too. Times are the
 * request's arrival on the sandbox clock.
 */
import type { ShardState, StreamState } from '../stream-state.js';
import { API_RATE_LIMITS, type ApiRateLimit } from './api-rate-limits.js';
import type { KinesisLimits } from './kinesis-limits.js';
import { PerSecondWindow } from './per-second-window.js';
import { ReadAllowance } from './read-allowance.js';

export interface LimitMeters {
  readonly limits: KinesisLimits;
  /** Takes one record of `bytes` (data and partition key) from the shard's write budget; false: throttled. */
  admitWrite(stream: StreamState, shard: ShardState, bytes: number, at: number): boolean;
  /** One GetRecords call on the shard; false: over 5 calls/s, or its 2 MiB/s of reads used up. */
  admitRead(stream: StreamState, shard: ShardState, at: number): boolean;
  /** What a GetRecords call returned, taken from the shard's 2 MiB/s. */
  chargeRead(stream: StreamState, shard: ShardState, bytes: number, at: number): void;
  /** One GetShardIterator call on the shard; false: over 5 calls/s. */
  admitShardIterator(stream: StreamState, shard: ShardState, at: number): boolean;
  /** One control-plane call; the limit it went over, or undefined when it may go ahead (or is not metered). */
  admitApi(operation: string, scope: { account: string; region: string; stream?: string }, at: number): ApiRateLimit | undefined;
}

export function createLimitMeters(limits: KinesisLimits): LimitMeters {
  const writes = new PerSecondWindow();
  const reads = new PerSecondWindow();
  const iterators = new PerSecondWindow();
  const calls = new PerSecondWindow();
  const readBytes = new ReadAllowance();
  const key = (stream: StreamState, shard: ShardState): string => `${stream.account}/${stream.region}/${stream.name}/${stream.createdMs}/${shard.index}`;

  const metersWrites = Number.isFinite(limits.writeRecordsPerSecond) || Number.isFinite(limits.writeBytesPerSecond);
  const metersReadBytes = Number.isFinite(limits.readBytesPerSecond);

  return {
    limits,
    admitWrite: (stream, shard, bytes, at) =>
      !metersWrites || writes.take(key(stream, shard), at, 1, bytes, limits.writeRecordsPerSecond, limits.writeBytesPerSecond),
    admitRead(stream, shard, at) {
      const shardKey = key(stream, shard);
      if (metersReadBytes && !readBytes.available(shardKey, at, limits.readBytesPerSecond)) return false;
      return !Number.isFinite(limits.readCallsPerSecond) || reads.take(shardKey, at, 1, 0, limits.readCallsPerSecond, Infinity);
    },
    chargeRead(stream, shard, bytes, at) {
      if (metersReadBytes) readBytes.take(key(stream, shard), at, bytes, limits.readBytesPerSecond);
    },
    admitShardIterator: (stream, shard, at) =>
      !Number.isFinite(limits.shardIteratorsPerSecond) || iterators.take(key(stream, shard), at, 1, 0, limits.shardIteratorsPerSecond, Infinity),
    admitApi(operation, scope, at) {
      const limit = API_RATE_LIMITS[operation];
      if (!limits.callRates || !limit) return undefined;
      const over = limit.per === 'stream' ? `${scope.stream ?? ''}` : '';
      return calls.take(`${operation}/${scope.account}/${scope.region}/${over}`, at, 1, 0, limit.perSecond, Infinity) ? undefined : limit;
    },
  };
}
