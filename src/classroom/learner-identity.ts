/**
 * A learner's identity in one class, kept in `<config>/class/<key>.json` (key: a hash of the class
 * code): `{"learnerId":"k3x9…","nextSeq":12}`. The id is random, made the first time the learner joins
 * that class from this install, and never changes after: their board row and, on a room sandbox, their
 * account (learner-key.ts) hang on it. `nextSeq` numbers their events (class-outbox.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';

export interface LearnerIdentity {
  learnerId: string;
  nextSeq: number;
}

export interface ClassFiles {
  identity: string;
  /** Events not yet sent, one JSON line each (class-outbox.ts). */
  outbox: string;
}

/** The files of one class under `dir` (`<config>/class`). */
export function classFiles(dir: string, code: string): ClassFiles {
  const key = createHash('sha256').update(code.trim()).digest('hex').slice(0, 16);
  return { identity: join(dir, `${key}.json`), outbox: join(dir, `${key}.outbox.jsonl`) };
}

/** The identity on file; undefined when there is none or it cannot be read (the learner starts a new row). */
export async function readIdentity(path: string): Promise<LearnerIdentity | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as { learnerId?: unknown; nextSeq?: unknown };
    if (typeof value.learnerId === 'string' && /^[A-Za-z0-9_-]{4,64}$/.test(value.learnerId) && typeof value.nextSeq === 'number') {
      return { learnerId: value.learnerId, nextSeq: value.nextSeq };
    }
  } catch {
    // No identity yet, or an unreadable one.
  }
  return undefined;
}

export function newIdentity(): LearnerIdentity {
  return { learnerId: randomBytes(9).toString('base64url'), nextSeq: 0 };
}

/**
 * This install's id in the class, written the first time so that everything derived from it (the
 * learner's sandbox account) is the same on the next run even if this one sends nothing.
 */
export async function learnerIdIn(dir: string, code: string): Promise<string> {
  const files = classFiles(dir, code);
  const known = await readIdentity(files.identity);
  if (known) return known.learnerId;
  const made = newIdentity();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFileAtomic(files.identity, JSON.stringify(made));
  return made.learnerId;
}
