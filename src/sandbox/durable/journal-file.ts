/**
 * A section's journal: one JSON line per change, `{"n":LSN,"c":CHANGE}`, appended with writeSync
 * before the call that made the change is answered (a kill -9 after the answer cannot lose it; a
 * power cut can lose what the OS had not flushed yet). Reading it back tells a torn last line (the
 * process stopped mid-write: dropped and cut off) from damage in the middle (the rest is not trusted).
 */
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { readLines, STOP } from './line-reader.js';

export interface JournalEntry {
  n: number;
  c: unknown;
}

export interface JournalRead {
  /** Entries read (and handed on) before the end or the first bad line. */
  entries: number;
  /** Bytes of whole, valid lines (where a torn tail was cut off). */
  validBytes: number;
  /** A half-written last line was found. */
  torn: boolean;
  /** What is wrong with a line before the last one, or with an entry that could not be applied, if anything. */
  damage?: string;
}

/**
 * Hands each entry to `onEntry` in order, as it reads, and says how the file ended. An entry that
 * `onEntry` cannot apply (it throws) is damage: reading stops there. Undefined when there is no file.
 */
export function readJournal(path: string, onEntry: (entry: JournalEntry) => void): JournalRead | undefined {
  const result: JournalRead = { entries: 0, validBytes: 0, torn: false };
  // A bad line is a torn tail if nothing follows it (the process stopped while writing it), damage if something does.
  const seen = { bad: false };
  const found = readLines(path, (line, start, terminated) => {
    if (seen.bad) {
      result.damage = `line ${result.entries + 1} is not a journal entry`;
      return STOP;
    }
    const entry = terminated ? parseEntry(line) : undefined;
    if (!entry) {
      seen.bad = true;
      return undefined;
    }
    try {
      onEntry(entry);
    } catch (error) {
      result.damage = `an entry could not be applied: ${error instanceof Error ? error.message : String(error)}`;
      return STOP;
    }
    result.entries += 1;
    result.validBytes = start + Buffer.byteLength(line, 'utf8') + 1;
    return undefined;
  });
  if (!found) return undefined;
  if (seen.bad && result.damage === undefined) result.torn = true;
  return result;
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
