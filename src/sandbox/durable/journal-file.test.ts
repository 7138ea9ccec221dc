import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalWriter, readJournal } from './journal-file.js';

describe('the journal file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kl-journal-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads back what was appended, and nothing when there is no file', async () => {
    const path = join(dir, 'j.jsonl');
    expect(readJournal(path)).toBeUndefined();
    const writer = new JournalWriter(path, 0);
    writer.append({ n: 1, c: { k: 'a' } });
    writer.append({ n: 2, c: { k: 'b' } });
    writer.close();
    expect(readJournal(path)).toEqual({ entries: [{ n: 1, c: { k: 'a' } }, { n: 2, c: { k: 'b' } }], validBytes: (await readFile(path)).length, torn: false });
  });

  it('tells a torn last line from damage in the middle, and cuts the torn tail when reopened', async () => {
    const path = join(dir, 'j.jsonl');
    const whole = '{"n":1,"c":1}\n';
    await writeFile(path, `${whole}{"n":2,"c`);
    expect(readJournal(path)).toEqual({ entries: [{ n: 1, c: 1 }], validBytes: whole.length, torn: true });
    new JournalWriter(path, whole.length).close();
    expect(await readFile(path, 'utf8')).toBe(whole);

    await writeFile(path, `${whole}garbage\n{"n":3,"c":3}\n`);
    expect(readJournal(path)).toEqual({ entries: [{ n: 1, c: 1 }], validBytes: whole.length, torn: false, damage: 'line 2 is not a journal entry' });
  });
});
