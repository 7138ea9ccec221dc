/** How cleanup waits for a deleted resource to disappear. */
export interface WaitOptions {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Give up after this long. @default 300000 */
  waitMs?: number;
  /** Between two looks. @default 2000 */
  pollMs?: number;
  clock?: () => number;
}

/**
 * Polls `gone` until it says yes; throws naming `what` when the wait runs out or is stopped. Deletion is
 * asynchronous for every kind the lab makes, and cleanup reports a resource gone only once it is.
 */
export async function waitUntilGone(gone: () => Promise<boolean>, what: string, wait: WaitOptions, signal?: AbortSignal): Promise<void> {
  const clock = wait.clock ?? Date.now;
  const waitMs = wait.waitMs ?? 300_000;
  const deadline = clock() + waitMs;
  for (;;) {
    if (await gone()) return;
    if (clock() >= deadline) throw new Error(`${what} is still there after ${Math.round(waitMs / 1000)} s`);
    if (signal?.aborted) throw new Error('stopped while waiting');
    await wait.sleep(wait.pollMs ?? 2_000, signal);
  }
}
