/**
 * The progress file on disk (its format is progress-codec's): where it lives, reading it (a file
 * that cannot be read is moved aside, never lost) and saving it. Saves are read-merge-write under a
 * lock (`<file>.lock`), so two kinesis-lab processes on one home add up instead of overwriting each
 * other (engine/progress-merge.ts says what wins where).
 */
import { access, constants, mkdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { decodeProgress, encodeProgress, type ProgressFile } from '../engine/progress-codec.js';
import { mergeProgress, type ProgressContent } from '../engine/progress-merge.js';
import { writeFileAtomic } from './atomic-write.js';
import { LockBusyError, withShortLock } from './lock-file.js';

/** The folder kinesis-lab keeps its files in: `$KINESIS_LAB_HOME`, else `$XDG_CONFIG_HOME/kinesis-lab`, else `~/.config/kinesis-lab`. */
export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.KINESIS_LAB_HOME) return env.KINESIS_LAB_HOME;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'kinesis-lab');
}

/**
 * One file per lab and world: `world` is `sandbox` (the embedded sandbox and its data folder), `aws`,
 * or a name made from another endpoint (see progress-world.ts), so two unrelated worlds never share one.
 */
export function progressPath(dir: string, labId: string, world: string): string {
  return join(dir, 'progress', `${labId}-${world}.json`);
}

/** A file that could not be read, kept at `backup` (beside `path`) so nothing is lost. */
export interface MovedAside {
  path: string;
  backup: string;
  reason: string;
}

export type LoadResult =
  | { kind: 'missing' }
  | { kind: 'loaded'; file: ProgressFile }
  /** The file was unreadable; it was moved aside to `backup` so nothing is lost. */
  | ({ kind: 'corrupt' } & MovedAside);

/**
 * A progress file holds a few kilobytes (at most 50 producer runs and one result per step). A file
 * far beyond that is not one, and reading and parsing it would cost seconds and a gigabyte of memory
 * (300 MB of garbage: 27 s, 1.2 GB), so it is moved aside by its size alone.
 */
export const MAX_PROGRESS_BYTES = 4 * 1024 * 1024;

export async function loadProgress(path: string, now: () => number = Date.now): Promise<LoadResult> {
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_PROGRESS_BYTES) return await moveAside(path, `${(size / 1024 / 1024).toFixed(0)} MB, far more than a progress file ever holds`, now);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  const decoded = decodeProgress(text);
  if (decoded.ok) return { kind: 'loaded', file: decoded.file };
  return moveAside(path, decoded.reason, now);
}

async function moveAside(path: string, reason: string, now: () => number): Promise<LoadResult> {
  const backup = `${path}.corrupt-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, backup);
  return { kind: 'corrupt', path, reason, backup };
}

/** Writes one whole file atomically (see atomic-write.ts): a `kill -9` at any moment leaves the old or the new progress, never half of one. */
export async function saveProgress(path: string, file: ProgressFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, encodeProgress(file));
}

/** Progress that could not be saved: `path` is the progress file, `code` the system's (EACCES, ENOSPC …) when there is one. */
export class ProgressSaveError extends Error {
  readonly path: string;
  readonly code: string | undefined;
  /** Set when another process held the file's lock for longer than a save waits. */
  readonly heldBy: number | undefined;

  constructor(path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const heldBy = cause instanceof LockBusyError ? cause.owner?.pid : undefined;
    const why = heldBy !== undefined ? `locked by process ${heldBy}` : (code ?? (cause instanceof Error ? cause.message : String(cause)));
    super(`cannot save progress to ${path} (${why})`, { cause });
    this.name = 'ProgressSaveError';
    this.path = path;
    this.code = code;
    this.heldBy = heldBy;
  }
}

export interface SavedProgress {
  /** What the file holds now: this writer's changes merged with what others wrote. */
  file: ProgressFile;
  /** The file on disk could not be read when saving: it was moved aside first. */
  movedAside?: MovedAside;
}

/** How the store writes a file; tests put a failing one here (a full disk) instead of filling a disk. */
export type WriteFile = (path: string, text: string) => Promise<void>;

export interface ProgressStoreOptions {
  now?: () => number;
  write?: WriteFile;
  /** How long a save waits for another process's save. @default 10000 */
  lockWaitMs?: number;
}

/**
 * One writer's handle on a progress file. It remembers what it last read or wrote (the merge's base),
 * so each save keeps what other processes wrote since and changes only what this one changed.
 */
export class ProgressStore {
  readonly path: string;
  private base: ProgressContent | undefined;
  private readonly options: ProgressStoreOptions;

  constructor(path: string, base: ProgressContent | undefined, options: ProgressStoreOptions = {}) {
    this.path = path;
    this.base = base;
    this.options = options;
  }

  /** Saves `mine` merged with the file as it is now; throws ProgressSaveError naming the file. */
  async save(mine: ProgressContent): Promise<SavedProgress> {
    const now = this.options.now ?? Date.now;
    const write = this.options.write ?? ((path: string, text: string) => writeFileAtomic(path, text).then(() => undefined));
    try {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      return await withShortLock(
        `${this.path}.lock`,
        async () => {
          const disk = await loadProgress(this.path, now);
          const merged = mergeProgress(this.base, mine, disk.kind === 'loaded' ? disk.file : undefined);
          const file: ProgressFile = { formatVersion: 1, savedAt: new Date(now()).toISOString(), ...merged };
          if (disk.kind === 'loaded') await assertWritable(this.path);
          await write(this.path, encodeProgress(file));
          this.base = mine;
          if (disk.kind !== 'corrupt') return { file };
          return { file, movedAside: { path: disk.path, backup: disk.backup, reason: disk.reason } };
        },
        { ...(this.options.lockWaitMs !== undefined ? { waitMs: this.options.lockWaitMs } : {}), now },
      );
    } catch (error) {
      throw error instanceof ProgressSaveError ? error : new ProgressSaveError(this.path, error);
    }
  }
}

/**
 * A progress file the learner made read-only is not replaced behind their back (a rename would
 * replace it: only the folder's permissions count for that).
 */
async function assertWritable(path: string): Promise<void> {
  await access(path, constants.W_OK);
}
