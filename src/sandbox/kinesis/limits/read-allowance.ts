/**
 * A shard's read budget in bytes: 2 MiB/s, as GetRecords documents it. The budget holds at most one
 * second's worth; what a call returns is taken from it even past zero, and no call is served until it
 * has refilled above zero — so a call that returns 10 MiB leaves the shard unreadable for about 4 s
 * (AWS's documentation says "within the next 5 seconds"), and small reads go on freely.
 */

interface Allowance {
  bytes: number;
  at: number;
}

export class ReadAllowance {
  readonly #allowances = new Map<string, Allowance>();

  /** True when the shard has budget left at `at` (ms). */
  available(key: string, at: number, bytesPerSecond: number): boolean {
    const allowance = this.#allowances.get(key);
    if (!allowance) return true;
    const bytes = refilled(allowance, at, bytesPerSecond);
    if (bytes < bytesPerSecond) return bytes > 0;
    // Full again: nothing to remember.
    this.#allowances.delete(key);
    return true;
  }

  /** Takes what a call returned from the shard's budget. */
  take(key: string, at: number, bytes: number, bytesPerSecond: number): void {
    if (bytes <= 0) return;
    const allowance = this.#allowances.get(key);
    const left = allowance ? refilled(allowance, at, bytesPerSecond) : bytesPerSecond;
    this.#allowances.set(key, { bytes: left - bytes, at });
  }
}

function refilled(allowance: Allowance, at: number, bytesPerSecond: number): number {
  return Math.min(bytesPerSecond, allowance.bytes + (Math.max(0, at - allowance.at) / 1000) * bytesPerSecond);
}
