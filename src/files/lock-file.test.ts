import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockBusyError, withShortLock } from './lock-file.js';

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kl-lock-'));
}

/** A pid that certainly runs no process any more. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid;
}

describe('withShortLock', () => {
  it('lets one holder in at a time and removes the lock after', async () => {
    const dir = await folder();
    const lock = join(dir, 'p.json.lock');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        withShortLock(lock, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 2));
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a lock whose owner no longer runs (kill -9 during a save)', async () => {
    const lock = join(await folder(), 'p.json.lock');
    await writeFile(lock, JSON.stringify({ pid: deadPid(), at: Date.now() }));
    expect(await withShortLock(lock, async () => 'saved', { waitMs: 0 })).toBe('saved');
  });

  it('takes over a lock held far longer than any save takes', async () => {
    const lock = join(await folder(), 'p.json.lock');
    await writeFile(lock, JSON.stringify({ pid: process.ppid, at: Date.now() - 60_000 }));
    expect(await withShortLock(lock, async () => 'saved', { waitMs: 0, staleMs: 30_000 })).toBe('saved');
  });

  it('gives up on a live holder after the wait, naming it', async () => {
    const lock = join(await folder(), 'p.json.lock');
    await writeFile(lock, JSON.stringify({ pid: process.ppid, at: Date.now() }));
    const error = await withShortLock(lock, async () => 'saved', { waitMs: 30 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as LockBusyError).owner?.pid).toBe(process.ppid);
  });
});
