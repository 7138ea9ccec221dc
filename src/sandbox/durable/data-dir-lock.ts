/**
 * One sandbox owns a data folder at a time: `sandbox.lock` holds the owner's pid. A lock left by a
 * process that no longer runs (kill -9) is taken over; a live owner — another process, or another
 * sandbox in this one — makes the second refuse to start.
 */
import { join } from 'node:path';
import { isRunning, lockOwner, removeLock, tryCreateLock } from '../../files/lock-file.js';
import { dataMessages } from './data-messages.js';
import { SandboxDataError } from './sandbox-data-error.js';

export const LOCK_FILE = 'sandbox.lock';

/** Sandboxes of this process that hold a folder (a pid cannot tell them apart). */
const heldHere = new Set<string>();

/** Takes the folder's lock; returns the function that gives it back. */
export function lockDataDir(dir: string, pid = process.pid): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    let taken: boolean;
    try {
      taken = tryCreateLock(path, pid, Date.now());
    } catch (error) {
      throw new SandboxDataError(dataMessages.notWritable(dir, (error as NodeJS.ErrnoException).code ?? String(error)));
    }
    if (taken) {
      heldHere.add(dir);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(dir);
        removeLock(path);
      };
    }
    const owner = lockOwner(path)?.pid;
    if (owner !== undefined && (heldHere.has(dir) || (owner !== pid && isRunning(owner)))) throw new SandboxDataError(dataMessages.lockedBy(dir, owner));
    // The owner is gone (or the lock is unreadable): take it over.
    removeLock(path);
  }
  throw new SandboxDataError(dataMessages.lockedBy(dir, lockOwner(path)?.pid ?? 0));
}

/** The pid of the process serving the folder now, when one does (a hand-over waits for it to go). */
export function dataDirOwner(dir: string): number | undefined {
  const owner = lockOwner(join(dir, LOCK_FILE))?.pid;
  return owner !== undefined && isRunning(owner) ? owner : undefined;
}
