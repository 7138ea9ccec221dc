/**
 * The one way kinesis-lab replaces a file: write a temp file beside it (same folder, so the rename
 * cannot cross file systems; a unique name, so two writers never share one), fsync it, rename it
 * over the target, fsync the folder so the rename itself survives a power cut. A reader, or a
 * process killed at any moment, sees the old content or the new, never half of either. On any
 * failure the temp file is removed and the error names the target path.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** Permissions of a newly written file. @default 0o600 (the learner's files are theirs alone) */
  mode?: number;
}

/** A failed atomic write: `path` is the file that was to be written, `code` the system's (EACCES …). */
export class AtomicWriteError extends Error {
  readonly path: string;
  readonly code: string | undefined;

  constructor(path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(`cannot write ${path} (${code ?? (cause instanceof Error ? cause.message : String(cause))})`, { cause });
    this.name = 'AtomicWriteError';
    this.path = path;
    this.code = code;
  }
}

// Hidden, and named for the target, so a leftover (only possible if the machine died mid-write) says what it was.
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
}

// Platforms where a folder cannot be opened or fsynced (Windows): the rename is done and is as durable as they allow.
const FOLDER_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'EACCES']);

/**
 * What to write: the whole content, or its pieces in order (so a large file, a sandbox snapshot,
 * never has to sit in memory as one string).
 */
export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

function piecesOf(data: FileContent): Iterable<Uint8Array> {
  const pieces = typeof data === 'string' || data instanceof Uint8Array ? [data] : data;
  return (function* bytes() {
    for (const piece of pieces) yield typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
  })();
}

/** Replaces `path` with `data` atomically and durably (see the module comment); resolves to the bytes written. */
export async function writeFileAtomic(path: string, data: FileContent, options: AtomicWriteOptions = {}): Promise<number> {
  const temp = tempPathFor(path);
  let written = 0;
  try {
    const file = await open(temp, 'wx', options.mode ?? 0o600);
    try {
      for (const piece of piecesOf(data)) {
        await file.writeFile(piece);
        written += piece.length;
      }
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new AtomicWriteError(path, error);
  }
  try {
    const folder = await open(dirname(path), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch (error) {
    throwUnlessFolderSyncUnsupported(path, error);
  }
  return written;
}

/** The same, for callers that cannot wait (the sandbox's snapshots, taken between two requests); returns the bytes written. */
export function writeFileAtomicSync(path: string, data: FileContent, options: AtomicWriteOptions = {}): number {
  const temp = tempPathFor(path);
  let written = 0;
  try {
    const file = openSync(temp, 'wx', options.mode ?? 0o600);
    try {
      for (const piece of piecesOf(data)) {
        for (let at = 0; at < piece.length; ) at += writeSync(file, piece, at);
        written += piece.length;
      }
      fsyncSync(file);
    } finally {
      closeSync(file);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The write's own error is the one to report.
    }
    throw new AtomicWriteError(path, error);
  }
  try {
    const folder = openSync(dirname(path), 'r');
    try {
      fsyncSync(folder);
    } finally {
      closeSync(folder);
    }
  } catch (error) {
    throwUnlessFolderSyncUnsupported(path, error);
  }
  return written;
}

function throwUnlessFolderSyncUnsupported(path: string, error: unknown): void {
  if (!FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw new AtomicWriteError(path, error);
}
