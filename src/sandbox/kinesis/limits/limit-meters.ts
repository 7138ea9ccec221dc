/**
 * What the engine meters against its limits (kinesis-limits.ts, api-rate-limits.ts). Kept in memory
 * only: a restarted sandbox starts every budget afresh, as a second later AWS would too. Times are the
 * request's arrival on the sandbox clock.
 *
 * Writes: 1,000 records per wall-clock second per shard, and 1 MiB/s of bytes from a bucket that holds
 * the stream's largest record (1 MiB by default, up to 10 MiB: the burst large records need).
 * Reads: 5 GetRecords calls per second per shard, and 2 MiB/s from a bucket of one second's worth that
 * a call may overdraw (a 10 MiB read leaves the shard unreadable for about 4 s; AWS says "within the
 * next 5 seconds"). GetShardIterator: 5 calls per second per shard.
 */
import type { ShardState, StreamState } from '../stream-state.js';
import { API_RATE_LIMITS, type ApiRateLimit } from './api-rate-limits.js';
import type { KinesisLimits } from './kinesis-limits.js';
import { PerSecondWindow } from './per-second-window.js';
import { TokenBuckets } from './token-buckets.js';

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
  const writeBytes = new TokenBuckets();
  const reads = new PerSecondWindow();
  const readBytes = new TokenBuckets();
  const iterators = new PerSecondWindow();
  const calls = new PerSecondWindow();
  const key = (stream: StreamState, shard: ShardState): string => `${stream.account}/${stream.region}/${stream.name}/${stream.createdMs}/${shard.index}`;
  const metersWriteBytes = Number.isFinite(limits.writeBytesPerSecond);
  const metersReadBytes = Number.isFinite(limits.readBytesPerSecond);
  const readCapacity = limits.readBytesPerSecond;

  return {
    limits,
    admitWrite(stream, shard, bytes, at) {
      const shardKey = key(stream, shard);
      const capacity = Math.max(limits.writeBytesPerSecond, stream.maxRecordSizeInKiB * 1024);
      const level = metersWriteBytes ? writeBytes.level(shardKey, at, limits.writeBytesPerSecond, capacity) : Infinity;
      if (level < bytes) return false;
      if (Number.isFinite(limits.writeRecordsPerSecond) && !writes.take(shardKey, at, limits.writeRecordsPerSecond)) return false;
      if (metersWriteBytes) writeBytes.set(shardKey, at, level - bytes, capacity);
      return true;
    },
    admitRead(stream, shard, at) {
      const shardKey = key(stream, shard);
      if (metersReadBytes && readBytes.level(shardKey, at, limits.readBytesPerSecond, readCapacity) <= 0) return false;
      return !Number.isFinite(limits.readCallsPerSecond) || reads.take(shardKey, at, limits.readCallsPerSecond);
    },
    chargeRead(stream, shard, bytes, at) {
      if (!metersReadBytes || bytes <= 0) return;
      const shardKey = key(stream, shard);
      readBytes.set(shardKey, at, readBytes.level(shardKey, at, limits.readBytesPerSecond, readCapacity) - bytes, readCapacity);
    },
    admitShardIterator: (stream, shard, at) =>
      !Number.isFinite(limits.shardIteratorsPerSecond) || iterators.take(key(stream, shard), at, limits.shardIteratorsPerSecond),
    admitApi(operation, scope, at) {
      const limit = API_RATE_LIMITS[operation];
      if (!limits.callRates || !limit) return undefined;
      const over = limit.per === 'stream' ? (scope.stream ?? '') : '';
      return calls.take(`${operation}/${scope.account}/${scope.region}/${over}`, at, limit.perSecond) ? undefined : limit;
    },
  };
}
