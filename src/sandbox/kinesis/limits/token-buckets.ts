/**
 * Byte budgets that refill at a steady rate up to a capacity, one per shard: AWS describes a shard's
 * write capacity as "a tank refilled at a steady rate" that large records (up to 10 MiB) drain and that
 * refills at 1 MiB/s, and its reads as 2 MiB/s where "a call that returns 10 MiB" blocks the next ones.
 * A bucket that is full again is forgotten, so idle shards cost nothing.
 */

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();

  /** What the key's bucket holds at `at` (ms): full when never drawn from. */
  level(key: string, at: number, perSecond: number, capacity: number): number {
    const bucket = this.#buckets.get(key);
    if (!bucket) return capacity;
    return Math.min(capacity, bucket.tokens + (Math.max(0, at - bucket.at) / 1000) * perSecond);
  }

  /** Sets what the bucket holds after a draw (it may go below zero: a debt paid back by refilling). */
  set(key: string, at: number, tokens: number, capacity: number): void {
    if (tokens >= capacity) this.#buckets.delete(key);
    else this.#buckets.set(key, { tokens, at });
  }
}
