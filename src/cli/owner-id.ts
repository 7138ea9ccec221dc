import { randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';

const OWNER_ID = /^[a-f0-9]{12}$/;

/**
 * This learner's install, as a short random id kept in `<config>/owner-id`. Everything the lab creates is
 * tagged with it, so on a sandbox a whole room shares, one learner's cleanup never touches another's
 * streams. Not secret and not personal: twelve random hex digits.
 */
export async function loadOwnerId(configDir: string): Promise<string> {
  const path = join(configDir, 'owner-id');
  try {
    const existing = (await readFile(path, 'utf8')).trim();
    if (OWNER_ID.test(existing)) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const id = randomBytes(6).toString('hex');
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  // Written atomically: two processes starting at once end up agreeing on one complete file.
  await writeFileAtomic(path, `${id}\n`);
  return (await readFile(path, 'utf8')).trim();
}
