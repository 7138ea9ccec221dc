import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';

const OWNER_ID = /^[a-f0-9]{12}$/;

export interface OwnerIdentity {
  id: string;
  /**
   * Set when `owner-id` was damaged: it was kept aside at `backup` and a new id made. `salvaged` is an
   * id-shaped run of characters found in it (the old id under some damage), so cleanup can still look
   * for what the old id tagged.
   */
  replaced?: { backup: string; salvaged?: string };
}

/**
 * This learner's install, as a short random id kept in `<config>/owner-id`. Everything the lab creates is
 * tagged with it, so on a sandbox a whole room shares, one learner's cleanup never touches another's
 * streams. Not secret and not personal: twelve random hex digits. A damaged file is never replaced in
 * silence: it is kept aside and the caller is told.
 */
export async function loadOwnerId(configDir: string, now: () => number = Date.now): Promise<OwnerIdentity> {
  const path = join(configDir, 'owner-id');
  let existing: string | undefined;
  try {
    existing = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing !== undefined && OWNER_ID.test(existing.trim())) return { id: existing.trim() };
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  let replaced: OwnerIdentity['replaced'];
  if (existing !== undefined) {
    const backup = `${path}.damaged-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, backup);
    const salvaged = /[a-f0-9]{12}/.exec(existing)?.[0];
    replaced = { backup, ...(salvaged ? { salvaged } : {}) };
  }
  const id = randomBytes(6).toString('hex');
  // Written atomically: two processes starting at once end up agreeing on one complete file.
  await writeFileAtomic(path, `${id}\n`);
  return { id: (await readFile(path, 'utf8')).trim(), ...(replaced ? { replaced } : {}) };
}
