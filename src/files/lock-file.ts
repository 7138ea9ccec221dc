/**
 * Lock files: a file created exclusively (`wx`) holding its owner's pid, so two kinesis-lab processes
 * never write one file at the same moment. A lock whose owner no longer runs (kill -9) is taken over.
 * The sandbox's data-folder lock (held as long as a sandbox serves) and the progress file's lock
 * (held for the few milliseconds of a save) are both made of these.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface LockOwner {
  pid: number;
  /** When the owner took the lock (ms); absent in locks written by older versions. */
  at?: number;
}

/** Creates the lock file; false when it exists already. Other errors (no such folder, read-only) throw. */
export function tryCreateLock(path: string, pid: number, now: number): boolean {
  try {
    writeFileSync(path, `${JSON.stringify({ pid, at: now, startedAt: new Date(now).toISOString() })}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Who holds the lock, or undefined when the file is gone or unreadable (half written by a killed owner). */
export function lockOwner(path: string): LockOwner | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown; at?: unknown };
    if (typeof value.pid !== 'number') return undefined;
    return { pid: value.pid, ...(typeof value.at === 'number' ? { at: value.at } : {}) };
  } catch {
    return undefined;
  }
}

export function removeLock(path: string): void {
  rmSync(path, { force: true });
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock was held by a live process for longer than the caller would wait. */
export class LockBusyError extends Error {
  readonly path: string;
  readonly owner: LockOwner | undefined;

  constructor(path: string, owner: LockOwner | undefined) {
    super(`${path} is held by process ${owner?.pid ?? '?'}`);
    this.name = 'LockBusyError';
    this.path = path;
    this.owner = owner;
  }
}

export interface ShortLockOptions {
  /** Give up after this long. @default 10000 */
  waitMs?: number;
  /** A lock older than this is an owner stuck or gone: taken over even if its pid runs. @default 30000 */
  staleMs?: number;
  pid?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `work` holding the lock at `path`, waiting for another holder to finish. For short critical
 * sections (a read-merge-write of one file): a holder older than `staleMs`, or one whose process is
 * gone, is taken over.
 */
export async function withShortLock<T>(path: string, work: () => Promise<T>, options: ShortLockOptions = {}): Promise<T> {
  const pid = options.pid ?? process.pid;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = now() + (options.waitMs ?? 10_000);
  const staleMs = options.staleMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    if (tryCreateLock(path, pid, now())) break;
    const owner = lockOwner(path);
    const gone = owner === undefined ? attempt > 2 : owner.pid !== pid && (!isRunning(owner.pid) || (owner.at !== undefined && now() - owner.at > staleMs));
    // An unreadable lock is usually one being written this instant: it is taken over only if it stays so.
    if (gone) {
      removeLock(path);
      continue;
    }
    if (now() >= deadline) throw new LockBusyError(path, owner);
    await sleep(5 + Math.floor(Math.random() * 20));
  }
  try {
    return await work();
  } finally {
    removeLock(path);
  }
}
