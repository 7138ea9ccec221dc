/**
 * One sandbox owns a data folder at a time: `sandbox.lock` holds the owner's pid. A lock left by a
 * process that no longer runs (kill -9) is taken over; a live owner — another process, or another
 * sandbox in this one — makes the second refuse to start.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataMessages } from './data-messages.js';
import { SandboxDataError } from './sandbox-data-error.js';

export const LOCK_FILE = 'sandbox.lock';

/** Sandboxes of this process that hold a folder (a pid cannot tell them apart). */
const heldHere = new Set<string>();

/** Takes the folder's lock; returns the function that gives it back. */
export function lockDataDir(dir: string, pid = process.pid): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify({ pid, startedAt: new Date().toISOString() })}\n`, { flag: 'wx', mode: 0o600 });
      heldHere.add(dir);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(dir);
        rmSync(path, { force: true });
      };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new SandboxDataError(dataMessages.notWritable(dir, code ?? String(error)));
      const owner = lockOwner(path);
      if (owner !== undefined && (heldHere.has(dir) || (owner !== pid && isRunning(owner)))) throw new SandboxDataError(dataMessages.lockedBy(dir, owner));
      // The owner is gone (or the lock is unreadable): take it over.
      rmSync(path, { force: true });
    }
  }
  throw new SandboxDataError(dataMessages.lockedBy(dir, lockOwner(path) ?? 0));
}

function lockOwner(path: string): number | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as { pid?: unknown };
    return typeof value.pid === 'number' ? value.pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
