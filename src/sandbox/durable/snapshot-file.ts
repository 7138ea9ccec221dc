/**
 * A section's snapshot: JSON lines, a header, the section's chunks, an end line that counts them.
 *
 *   {"section":"kinesis","formatVersion":1,"lsn":1234,"writtenAt":"2026-11-29T10:00:00.000Z"}
 *   …one chunk per line…
 *   {"end":true,"chunks":57}
 *
 * Written with the one atomic write (files/atomic-write.ts), so a crash leaves the old snapshot or
 * the new one.
 */
import { writeFileAtomicSync } from '../../files/atomic-write.js';
import { readLines, STOP } from './line-reader.js';

export interface SnapshotHeader {
  section: string;
  formatVersion: number;
  /** The last journal entry the snapshot includes. */
  lsn: number;
}

export type SnapshotRead =
  | { ok: true; header: SnapshotHeader; chunks: number }
  | { ok: false; problem: string; newerVersion?: number };

/**
 * Hands each chunk to `onChunk` in order, as it reads (a large snapshot is never whole in memory),
 * and says whether the file was whole. Not ok — a line that is not JSON, a wrong header, a file cut
 * short, a chunk `onChunk` cannot restore (it throws) — means the chunks handed on so far must be
 * thrown away. Undefined when there is no file.
 */
export function readSnapshot(path: string, section: string, formatVersion: number, onChunk: (chunk: unknown) => void): SnapshotRead | undefined {
  let header: SnapshotHeader | undefined;
  let failed: Extract<SnapshotRead, { ok: false }> | undefined;
  // Each line is handed on once the next one is read: the last line is the end marker, not a chunk.
  let held: { value: unknown } | undefined;
  let chunks = 0;
  const found = readLines(path, (line) => {
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch {
      failed = { ok: false, problem: 'a line is not JSON' };
      return STOP;
    }
    if (!header) {
      const candidate = value as Partial<SnapshotHeader> | null;
      if (candidate?.section !== section || typeof candidate.formatVersion !== 'number' || typeof candidate.lsn !== 'number') {
        failed = { ok: false, problem: `it does not start with a ${section} snapshot header` };
        return STOP;
      }
      if (candidate.formatVersion > formatVersion) {
        failed = { ok: false, problem: 'newer format', newerVersion: candidate.formatVersion };
        return STOP;
      }
      header = { section, formatVersion: candidate.formatVersion, lsn: candidate.lsn };
      return undefined;
    }
    if (held) {
      try {
        onChunk(held.value);
      } catch (error) {
        failed = { ok: false, problem: error instanceof Error ? error.message : String(error) };
        return STOP;
      }
      chunks += 1;
    }
    held = { value };
    return undefined;
  });
  if (!found) return undefined;
  if (failed) return failed;
  if (!header) return { ok: false, problem: `it does not start with a ${section} snapshot header` };
  const end = held?.value as { end?: unknown; chunks?: unknown } | undefined;
  if (end?.end !== true || end.chunks !== chunks) return { ok: false, problem: 'it is cut short' };
  return { ok: true, header, chunks };
}

/** Writes the snapshot; returns its size in bytes. */
export function writeSnapshot(path: string, header: SnapshotHeader, chunks: Iterable<unknown>): number {
  return writeFileAtomicSync(path, snapshotLines(header, chunks));
}

/** The snapshot's text in pieces of about 1 MB: a large state never sits in memory as one string. */
function* snapshotLines(header: SnapshotHeader, chunks: Iterable<unknown>): Generator<string> {
  let count = 0;
  let pending = `${JSON.stringify({ ...header, writtenAt: new Date().toISOString() })}\n`;
  for (const chunk of chunks) {
    pending += `${JSON.stringify(chunk)}\n`;
    count += 1;
    if (pending.length > 1 << 20) {
      yield pending;
      pending = '';
    }
  }
  yield `${pending}${JSON.stringify({ end: true, chunks: count })}\n`;
}
