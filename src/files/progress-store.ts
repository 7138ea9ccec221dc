/**
 * The progress file on disk (its format is progress-codec's): where it lives, reading it (a file
 * that cannot be read is moved aside, never lost) and saving it atomically.
 */
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { decodeProgress, encodeProgress, type ProgressFile } from '../engine/progress-codec.js';
import { writeFileAtomic } from './atomic-write.js';

/** The folder kinesis-lab keeps its files in: `$KINESIS_LAB_HOME`, else `$XDG_CONFIG_HOME/kinesis-lab`, else `~/.config/kinesis-lab`. */
export function configDir(env: NodeJS.ProcessEnv): string {
  if (env.KINESIS_LAB_HOME) return env.KINESIS_LAB_HOME;
  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'kinesis-lab');
}

export function progressPath(dir: string, labId: string, target: 'sandbox' | 'aws'): string {
  return join(dir, 'progress', `${labId}-${target}.json`);
}

export type LoadResult =
  | { kind: 'missing' }
  | { kind: 'loaded'; file: ProgressFile }
  /** The file was unreadable; it was moved aside to `backup` so nothing is lost. */
  | { kind: 'corrupt'; reason: string; backup: string };

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
  return { kind: 'corrupt', reason, backup };
}

/** Writes atomically (see atomic-write.ts): a `kill -9` at any moment leaves the old or the new progress, never half of one. */
export async function saveProgress(path: string, file: ProgressFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, encodeProgress(file));
}
