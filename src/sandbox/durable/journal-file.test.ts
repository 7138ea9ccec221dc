import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalWriter, readJournal, type JournalEntry } from './journal-file.js';

describe('the journal file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kl-journal-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads back what was appended, and nothing when there is no file', async () => {
    const path = join(dir, 'j.jsonl');
    expect(readJournal(path, () => undefined)).toBeUndefined();
    const writer = new JournalWriter(path, 0);
    writer.append({ n: 1, c: { k: 'a' } });
    writer.append({ n: 2, c: { k: 'b' } });
    writer.close();
    const entries: JournalEntry[] = [];
    expect(readJournal(path, (entry) => entries.push(entry))).toEqual({ entries: 2, validBytes: (await readFile(path)).length, torn: false });
    expect(entries).toEqual([{ n: 1, c: { k: 'a' } }, { n: 2, c: { k: 'b' } }]);
  });

  it('tells a torn last line from damage in the middle, and cuts the torn tail when reopened', async () => {
    const path = join(dir, 'j.jsonl');
    const whole = '{"n":1,"c":1}\n';
    await writeFile(path, `${whole}{"n":2,"c`);
    const read: unknown[] = [];
    expect(readJournal(path, (entry) => read.push(entry.c))).toEqual({ entries: 1, validBytes: whole.length, torn: true });
    new JournalWriter(path, whole.length).close();
    expect(await readFile(path, 'utf8')).toBe(whole);

    // A whole last line that is not an entry was cut short too; with more after it, it is damage.
    await writeFile(path, `${whole}garbage\n`);
    expect(readJournal(path, () => undefined)).toEqual({ entries: 1, validBytes: whole.length, torn: true });
    await writeFile(path, `${whole}garbage\n{"n":3,"c":3}\n`);
    expect(readJournal(path, () => undefined)).toEqual({ entries: 1, validBytes: whole.length, torn: false, damage: 'line 2 is not a journal entry' });
    expect(read).toEqual([1]);
  });

  it('reads lines longer than a read chunk, and multi-byte text split between chunks', async () => {
    const path = join(dir, 'j.jsonl');
    const long = '택시'.repeat(700_000);
    const writer = new JournalWriter(path, 0);
    writer.append({ n: 1, c: long });
    writer.append({ n: 2, c: 'after' });
    writer.close();
    const read: unknown[] = [];
    expect(readJournal(path, (entry) => read.push(entry.c))?.entries).toBe(2);
    expect(read).toEqual([long, 'after']);
  });
});
