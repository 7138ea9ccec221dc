/**
 * A section's snapshot: JSON lines, a header, the section's chunks, an end line that counts them.
 *
 *   {"section":"kinesis","formatVersion":1,"lsn":1234,"writtenAt":"2026-11-29T10:00:00.000Z"}
 *   …one chunk per line…
 *   {"end":true,"chunks":57}
 *
 * Written atomically: to a temp file with a unique name in the same folder, fsynced, renamed over
 * the old snapshot, and the folder fsynced, so a crash leaves the old snapshot or the new one.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

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
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  let bytes = 0;
  try {
    let count = 0;
    let pending = `${JSON.stringify({ ...header, writtenAt: new Date().toISOString() })}\n`;
    for (const chunk of chunks) {
      pending += `${JSON.stringify(chunk)}\n`;
      count += 1;
      // Written in pieces: a large state never sits in memory as one string.
      if (pending.length > 1 << 20) {
        bytes += flush(fd, pending);
        pending = '';
      }
    }
    bytes += flush(fd, `${pending}${JSON.stringify({ end: true, chunks: count })}\n`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
  syncFolder(dirname(path));
  return bytes;
}

function flush(fd: number, text: string): number {
  const buffer = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < buffer.length) written += writeSync(fd, buffer, written);
  return written;
}

/** Makes a rename in the folder durable (no-op where folders cannot be fsynced, as on Windows). */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here; the rename itself is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
