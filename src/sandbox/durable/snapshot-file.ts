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
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '../../files/atomic-write.js';

export interface SnapshotHeader {
  section: string;
  formatVersion: number;
  /** The last journal entry the snapshot includes. */
  lsn: number;
}

export type SnapshotRead =
  | { ok: true; header: SnapshotHeader; chunks: unknown[] }
  | { ok: false; problem: string; newerVersion?: number };

export function readSnapshot(path: string, section: string, formatVersion: number): SnapshotRead | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let parsed: unknown[];
  try {
    parsed = lines.map((line) => JSON.parse(line) as unknown);
  } catch {
    return { ok: false, problem: 'a line is not JSON' };
  }
  const header = parsed[0] as Partial<SnapshotHeader> | undefined;
  const end = parsed.at(-1) as { end?: unknown; chunks?: unknown } | undefined;
  if (header?.section !== section || typeof header.formatVersion !== 'number' || typeof header.lsn !== 'number') {
    return { ok: false, problem: `it does not start with a ${section} snapshot header` };
  }
  if (header.formatVersion > formatVersion) return { ok: false, problem: 'newer format', newerVersion: header.formatVersion };
  const chunks = parsed.slice(1, -1);
  if (parsed.length < 2 || end?.end !== true || end.chunks !== chunks.length) return { ok: false, problem: 'it is cut short' };
  return { ok: true, header: { section, formatVersion: header.formatVersion, lsn: header.lsn }, chunks };
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
