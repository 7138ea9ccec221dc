/**
 * Per-shard write budget in one-second buckets, as Kinesis meters writes: each shard takes at most
 * N records and M bytes per second; a record over either limit is refused, not queued.
 */
export interface ShardWriteLimits {
  recordsPerSecond: number;
  bytesPerSecond: number;
}

interface Bucket {
  second: number;
  records: number;
  bytes: number;
}

export class ShardWriteMeter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(private readonly limits: ShardWriteLimits) {}

  /** Takes one record of `bytes` from the shard's budget for the second `at` falls in; false when over. */
  admit(shardKey: string, bytes: number, at: number): boolean {
    const second = Math.floor(at / 1000);
    let bucket = this.#buckets.get(shardKey);
    if (bucket?.second !== second) {
      bucket = { second, records: 0, bytes: 0 };
      this.#buckets.set(shardKey, bucket);
    }
    if (bucket.records + 1 > this.limits.recordsPerSecond || bucket.bytes + bytes > this.limits.bytesPerSecond) return false;
    bucket.records += 1;
    bucket.bytes += bytes;
    return true;
  }
}
