/**
 * Counts what each key (a shard's records or reads, an account's calls to one operation) takes within
 * one wall-clock second, as Kinesis meters its per-second limits: a take past the limit is refused,
 * not queued, and the count starts again at the next second.
 */

interface Window {
  second: number;
  count: number;
}

/** Windows kept before stale ones are swept, so a flood of keys cannot grow the map for ever. */
const SWEEP_AT = 50_000;

export class PerSecondWindow {
  readonly #windows = new Map<string, Window>();

  /** Takes one from the key's count for the second `at` (ms) falls in; false when the limit is reached. */
  take(key: string, at: number, limit: number): boolean {
    const second = Math.floor(at / 1000);
    let window = this.#windows.get(key);
    if (window?.second !== second) {
      if (!window && this.#windows.size >= SWEEP_AT) this.#sweep(second);
      window = { second, count: 0 };
      this.#windows.set(key, window);
    }
    if (window.count >= limit) return false;
    window.count += 1;
    return true;
  }

  #sweep(second: number): void {
    for (const [key, window] of this.#windows) if (window.second < second) this.#windows.delete(key);
  }
}
