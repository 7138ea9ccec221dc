/**
 * Opens the sandbox's data folder before anything listens: creates it when missing, refuses a file
 * or an unwritable folder with a message that names it, and takes the folder's lock.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockDataDir } from './data-dir-lock.js';
import { dataMessages } from './data-messages.js';
import type { Localized } from '../../i18n/lang.js';
import { SandboxDataError } from './sandbox-data-error.js';

export interface OpenDataFolder {
  dir: string;
  release(): void;
}

export function openDataFolder(dataDir: string, notices: Localized[]): OpenDataFolder {
  const dir = resolve(dataDir);
  let stats;
  try {
    stats = statSync(dir, { throwIfNoEntry: false });
  } catch (error) {
    throw new SandboxDataError(dataMessages.cannotCreate(dir, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  if (stats && !stats.isDirectory()) throw new SandboxDataError(dataMessages.notAFolder(dir));
  if (!stats) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new SandboxDataError(dataMessages.cannotCreate(dir, (error as NodeJS.ErrnoException).code ?? String(error)));
    }
  }
  const release = lockDataDir(dir);
  const older = olderLayoutFolders(dir);
  if (older.length > 0) notices.push(dataMessages.olderLayout(dir, older));
  return { dir, release };
}

/**
 * Region folders an older kinesis-lab (kinesalite, LevelDB) left: `<dir>/<region>/kinesalite` and
 * `<dir>/<region>/stream-settings.json` (what its front kept beside kinesalite).
 */
function olderLayoutFolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && (existsSync(join(dir, entry.name, 'kinesalite')) || existsSync(join(dir, entry.name, 'stream-settings.json'))))
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}
