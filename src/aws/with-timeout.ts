/**
 * Resolves with `fallback` when `work` takes longer than `ms`: for searches across regions, where a
 * slow or unreachable region must not hold up the learner's diagnosis. The timer never keeps the
 * process alive.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
