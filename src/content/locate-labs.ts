import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Thrown when no package folder with a `labs/` folder sits above the running file. */
export class LabsNotFoundError extends Error {
  override name = 'LabsNotFoundError';
}

/**
 * The `labs/` folder shipped with the package. Walks up from `fromUrl` (the running module by
 * default) to the first folder holding both `labs/` and `package.json`, so it works from `src/`
 * under Vitest, from the bundled `dist/cli.js` and from an installed `node_modules/kinesis-lab/`.
 */
export function locateLabsDir(fromUrl: string = import.meta.url): string {
  const start = fileURLToPath(fromUrl);
  let dir = dirname(start);
  for (;;) {
    if (isDirectory(join(dir, 'labs')) && existsSync(join(dir, 'package.json'))) {
      return join(dir, 'labs');
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new LabsNotFoundError(`no labs/ folder beside a package.json above ${start}`);
    }
    dir = parent;
  }
}

/** The folder of one shipped lab, e.g. `labDir('kinesis-data-streams')`. */
export function labDir(labId: string, fromUrl?: string): string {
  return join(locateLabsDir(fromUrl), labId);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
