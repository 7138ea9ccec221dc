/**
 * Reads a data file line by line, a megabyte at a time, so a snapshot or journal of hundreds of
 * megabytes is never one string in memory (a lab with a few hundred thousand records makes such
 * files; read whole, they doubled the sandbox's memory while it started).
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

/** What `onLine` may say: stop reading here (the rest is not wanted). */
export const STOP = Symbol('stop');

/**
 * Calls `onLine` with each line (without its newline), the byte offset where the line starts, and
 * whether a newline ended it (only the last line may lack one). Returns false when there is no file;
 * other I/O errors are thrown.
 */
export function readLines(path: string, onLine: (line: string, start: number, terminated: boolean) => typeof STOP | undefined): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let pending = Buffer.alloc(0);
    let pendingStart = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      // A line may span chunks: what is left of the last one is carried into the next.
      let data = pending.length > 0 ? Buffer.concat([pending, chunk.subarray(0, read)]) : chunk.subarray(0, read);
      let from = 0;
      for (let end = data.indexOf(0x0a, from); end >= 0; end = data.indexOf(0x0a, from)) {
        if (onLine(data.toString('utf8', from, end), pendingStart + from, true) === STOP) return true;
        from = end + 1;
      }
      pendingStart += from;
      data = data.subarray(from);
      pending = Buffer.from(data);
    }
    if (pending.length > 0) onLine(pending.toString('utf8'), pendingStart, false);
    return true;
  } finally {
    closeSync(fd);
  }
}
