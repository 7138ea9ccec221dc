import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DurableSection } from './durable-section.js';
import { DurableStore } from './durable-store.js';

/** The smallest section: a list of words, a change appends one. */
function wordsSection(words: string[]): DurableSection<{ add: string }> {
  return {
    name: 'words',
    formatVersion: 1,
    apply: (change) => void words.push(change.add),
    snapshot: () => [words.slice()],
    restore: (chunk) => void words.push(...(chunk as string[])),
    reset: () => void words.splice(0),
  };
}

describe('DurableStore, the contract other services plug into', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kl-durable-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps a section through a clean stop (snapshot) and through a crash (journal only)', async () => {
    const first = new DurableStore(dir);
    const log = first.attach(wordsSection([]));
    log.record({ add: 'a' });
    log.record({ add: 'b' });
    first.close();
    expect((await readdir(dir)).sort()).toEqual(['words.journal.jsonl', 'words.snapshot.jsonl']);

    const restored: string[] = [];
    const second = new DurableStore(dir);
    second.attach(wordsSection(restored)).record({ add: 'c' });
    expect(restored).toEqual(['a', 'b', 'c']);
    // No close: as after kill -9, the lock stays with a pid that is this (live) process, so give it back by hand.
    second.abandon();

    const replayed: string[] = [];
    const third = new DurableStore(dir);
    third.attach(wordsSection(replayed));
    expect(replayed).toEqual(['a', 'b', 'c']);
    expect(third.notices).toEqual([]);
    third.close();
  });

  it('rewrites a snapshot at a clean stop only when its section changed', async () => {
    const first = new DurableStore(dir);
    first.attach(wordsSection([])).record({ add: 'a' });
    first.close();
    const snapshot = join(dir, 'words.snapshot.jsonl');
    const written = (await stat(snapshot)).ino;

    const unchanged = new DurableStore(dir);
    unchanged.attach(wordsSection([]));
    unchanged.close();
    // A snapshot is always written to a new file and renamed: the same inode means it was not rewritten.
    expect((await stat(snapshot)).ino).toBe(written);

    const changed = new DurableStore(dir);
    changed.attach(wordsSection([])).record({ add: 'b' });
    changed.close();
    expect((await stat(snapshot)).ino).not.toBe(written);
  });

  it('drops what a snapshot restored when a later chunk cannot be restored, and sets the files aside with a notice', async () => {
    const first = new DurableStore(dir);
    first.attach(wordsSection([])).record({ add: 'a' });
    first.close();
    // Restores what it reads, then finds it cannot go on.
    const section = (words: string[]): DurableSection<{ add: string }> => ({
      ...wordsSection(words),
      restore: (chunk) => {
        words.push(...(chunk as string[]));
        throw new Error('a chunk from another version');
      },
    });
    const restored: string[] = [];
    const second = new DurableStore(dir);
    second.attach(section(restored)).record({ add: 'fresh' });
    expect(restored).toEqual(['fresh']);
    expect(second.notices.map((notice) => notice.en)).toEqual([
      expect.stringMatching(/^The sandbox data file .*words\.snapshot\.jsonl is damaged \(a chunk from another version\) and was moved to .*words\.snapshot\.jsonl\.damaged-/),
    ]);
    second.close();
    expect((await readdir(dir)).filter((file) => file.includes('.damaged-'))).toHaveLength(1);
  });

  it('keeps sections in memory when there is no data folder', () => {
    const words: string[] = [];
    const store = new DurableStore(undefined);
    store.attach(wordsSection(words)).record({ add: 'only in memory' });
    expect(words).toEqual(['only in memory']);
    expect(store.dataDir).toBeUndefined();
    store.close();
  });
});
