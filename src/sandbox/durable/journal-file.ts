/**
 * A section's journal: one JSON line per change, `{"n":LSN,"c":CHANGE}`, appended with writeSync
 * before the call that made the change is answered (a kill -9 after the answer cannot lose it; a
 * power cut can lose what the OS had not flushed yet). Reading it back tells a torn last line (the
 * process stopped mid-write: dropped and cut off) from damage in the middle (the rest is not trusted).
 */
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';

export interface JournalEntry {
  n: number;
  c: unknown;
}

export interface JournalRead {
  entries: JournalEntry[];
  /** Bytes of whole, valid lines (where a torn tail was cut off). */
  validBytes: number;
  /** A half-written last line was found. */
  torn: boolean;
  /** What is wrong with a line before the last one, if anything. */
  damage?: string;
}

export function readJournal(path: string): JournalRead | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const entries: JournalEntry[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset);
    const line = bytes.subarray(offset, end < 0 ? bytes.length : end).toString('utf8');
    const entry = parseEntry(line);
    if (end < 0 || !entry) {
      const last = end < 0 || end === bytes.length - 1;
      if (last) return { entries, validBytes: offset, torn: true };
      return { entries, validBytes: offset, torn: false, damage: `line ${entries.length + 1} is not a journal entry` };
    }
    entries.push(entry);
    offset = end + 1;
  }
  return { entries, validBytes: offset, torn: false };
}

function parseEntry(line: string): JournalEntry | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && typeof (value as Partial<JournalEntry>).n === 'number' && 'c' in value ? (value as JournalEntry) : undefined;
  } catch {
    return undefined;
  }
}

/** An open journal, appended to line by line. */
export class JournalWriter {
  readonly #fd: number;
  #bytes: number;

  constructor(readonly path: string, validBytes: number) {
    this.#fd = openSync(path, 'a+', 0o600);
    // Cut a torn tail off, so the next line starts on a line of its own.
    ftruncateSync(this.#fd, validBytes);
    this.#bytes = validBytes;
  }

  get bytes(): number {
    return this.#bytes;
  }

  append(entry: JournalEntry): void {
    const line = `${JSON.stringify(entry)}\n`;
    const buffer = Buffer.from(line, 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(this.#fd, buffer, written);
    this.#bytes += buffer.length;
  }

  /** Empties the journal once a snapshot holds everything in it. */
  clear(): void {
    ftruncateSync(this.#fd, 0);
    this.#bytes = 0;
  }

  close(): void {
    closeSync(this.#fd);
  }
}
