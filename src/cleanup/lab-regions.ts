import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { ProgressFile } from '../engine/progress-codec.js';

/**
 * `<config>/regions/<lab>-<target>.json`: `{"regions":["ap-northeast-2","us-east-1"]}` — every region a
 * lab session ran in. The progress file keeps only the latest run's region, so a learner who switched
 * regions would otherwise leave a paid stream behind in the first one.
 */
export function regionsPath(configDir: string, labId: string, target: 'sandbox' | 'aws'): string {
  return join(configDir, 'regions', `${labId}-${target}.json`);
}

export async function readRegionsUsed(path: string): Promise<string[]> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as { regions?: unknown };
    return Array.isArray(value.regions) ? value.regions.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds a region (atomically; a lost write only means one region fewer to search, never a broken file). */
export async function rememberRegion(path: string, region: string): Promise<void> {
  const known = await readRegionsUsed(path);
  if (known.includes(region)) return;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, JSON.stringify({ regions: [...known, region] }));
}

/** Regions to search: this run's, the remembered ones, the progress file's and its producer runs'. */
export function labRegions(current: string, remembered: readonly string[], progress: ProgressFile | undefined): string[] {
  const all = [current, ...remembered, ...(progress ? [progress.settings.region, ...progress.ledger.runs.map((r) => r.region)] : [])];
  return [...new Set(all)];
}
