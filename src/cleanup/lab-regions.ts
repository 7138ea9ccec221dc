import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import type { ProgressFile } from '../engine/progress-codec.js';

/**
 * `<config>/regions/<lab>-<target>.json`: `{"regions":["ap-northeast-2","us-east-1"],"tags":["kinesis-data-streams/3f9c…"]}`
 * — every region a lab session ran in, and every `kinesis-lab` tag value it created things with. The
 * progress file keeps only the latest run's region, so a learner who switched regions would otherwise
 * leave a paid stream behind in the first one; and a replaced owner id would otherwise leave what the
 * old one tagged unfound.
 */
export function regionsPath(configDir: string, labId: string, target: 'sandbox' | 'aws'): string {
  return join(configDir, 'regions', `${labId}-${target}.json`);
}

export interface LabFootprint {
  regions: string[];
  tags: string[];
}

export async function readFootprint(path: string): Promise<LabFootprint> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as { regions?: unknown; tags?: unknown };
    return { regions: strings(value.regions), tags: strings(value.tags) };
  } catch {
    return { regions: [], tags: [] };
  }
}

/** Adds a region and a tag (atomically; a lost write only means one fewer to search, never a broken file). */
export async function rememberUse(path: string, use: { region: string; tag: string }): Promise<void> {
  const known = await readFootprint(path);
  if (known.regions.includes(use.region) && known.tags.includes(use.tag)) return;
  const next: LabFootprint = { regions: [...new Set([...known.regions, use.region])], tags: [...new Set([...known.tags, use.tag])] };
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFileAtomic(path, JSON.stringify(next));
}

/** Regions to search: this run's, the remembered ones, the progress file's and its producer runs'. */
export function labRegions(current: string, remembered: readonly string[], progress: ProgressFile | undefined): string[] {
  const all = [current, ...remembered, ...(progress ? [progress.settings.region, ...progress.ledger.runs.map((r) => r.region)] : [])];
  return [...new Set(all)];
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
