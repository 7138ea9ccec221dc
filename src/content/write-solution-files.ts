import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { SolutionFile, WriteCodeResult } from './solution-files.js';

/**
 * `.kinesis-lab-code.json` in the code folder: each file the lab wrote → the SHA-256 of what it wrote.
 * A file whose content no longer has that hash was changed by the learner and is not replaced
 * without asking.
 */
const MANIFEST = '.kinesis-lab-code.json';

/** The learner's own code, to read, edit and run like any file they made (not 0600 like progress). */
const CODE_FILE = { mode: 0o644 };

/**
 * Writes a step's solution files into `dir`. A file the lab wrote before (and nobody changed) is
 * replaced by the new rendering; a file the learner changed is kept unless `overwrite`, and named in
 * the result so the screen can ask.
 */
export async function writeSolutionFiles(dir: string, files: readonly SolutionFile[], overwrite: boolean): Promise<WriteCodeResult> {
  await mkdir(dir, { recursive: true });
  const manifest = await readManifest(dir);
  const written: string[] = [];
  const edited: string[] = [];
  for (const file of files) {
    const path = join(dir, file.name);
    const existing = await readFile(path, 'utf8').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing === file.text) continue;
    if (existing !== undefined && manifest[file.name] !== sha256(existing) && !overwrite) {
      edited.push(file.name);
      continue;
    }
    await writeFileAtomic(path, file.text, CODE_FILE);
    manifest[file.name] = sha256(file.text);
    written.push(file.name);
  }
  if (written.length > 0) await writeFileAtomic(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, CODE_FILE);
  if (edited.length > 0) return { kind: 'edited', files: edited };
  return written.length > 0 ? { kind: 'written', dir, files: written } : { kind: 'unchanged', dir };
}

async function readManifest(dir: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
  } catch {
    // No manifest (or an unreadable one): every existing file counts as the learner's.
  }
  return {};
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
