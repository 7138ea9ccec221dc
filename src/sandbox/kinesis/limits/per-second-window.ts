/**
 * Counts what each key (a shard, an account's calls to one operation) takes within one wall-clock
 * second, as Kinesis meters its limits: a take that would pass either limit of the second is refused,
 * not queued, and the budget is whole again when the next second starts.
 */

interface Window {
  second: number;
  count: number;
  bytes: number;
}

/** Windows kept before stale ones are swept, so a flood of keys cannot grow the map for ever. */
const SWEEP_AT = 50_000;

export class PerSecondWindow {
  readonly #windows = new Map<string, Window>();

  /** Takes `count` and `bytes` from the key's budget for the second `at` (ms) falls in; false when over either limit. */
  take(key: string, at: number, count: number, bytes: number, countLimit: number, bytesLimit: number): boolean {
    const second = Math.floor(at / 1000);
    let window = this.#windows.get(key);
    if (!window || window.second !== second) {
      if (!window && this.#windows.size >= SWEEP_AT) this.#sweep(second);
      window = { second, count: 0, bytes: 0 };
      this.#windows.set(key, window);
    }
    if (window.count + count > countLimit || window.bytes + bytes > bytesLimit) return false;
    window.count += count;
    window.bytes += bytes;
    return true;
  }

  #sweep(second: number): void {
    for (const [key, window] of this.#windows) if (window.second < second) this.#windows.delete(key);
  }
}
