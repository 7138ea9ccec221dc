/**
 * The one way kinesis-lab replaces a file: write a temp file beside it (same folder, so the rename
 * cannot cross file systems; a unique name, so two writers never share one), fsync it, rename it
 * over the target, fsync the folder so the rename itself survives a power cut. A reader, or a
 * process killed at any moment, sees the old content or the new, never half of either. On any
 * failure the temp file is removed and the error names the target path.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** Replaces `path` with `data` atomically and durably (see the module comment). */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const file = await open(temp, 'wx', options.mode ?? 0o600);
    try {
      await file.writeFile(data);
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
}

/** The same, for callers that cannot wait (the sandbox's settings, written inside a request). */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const temp = tempPathFor(path);
  try {
    const file = openSync(temp, 'wx', options.mode ?? 0o600);
    try {
      writeFileSync(file, data);
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
}

function throwUnlessFolderSyncUnsupported(path: string, error: unknown): void {
  if (!FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw new AtomicWriteError(path, error);
}
