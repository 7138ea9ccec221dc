import type { Lab } from '../content/lab-model.js';
import { loadLab } from '../content/load-lab.js';
import { labDir } from '../content/locate-labs.js';
import { ACTION_KINDS } from '../actions/action-kinds.js';
import { CHECK_KINDS } from '../checks/check-kinds.js';
import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { configDir, progressPath } from '../files/progress-store.js';
import { LAB_ID } from './lab-session.js';
import type { GlobalOptions } from './parse-args.js';
import { resolveRunSettings, type RunSettings } from './run-settings.js';
import { checkConfigHome } from './config-home.js';
import { progressWorld } from './progress-world.js';
import { classRoomOffline } from './class-membership.js';

/** The lab and its progress file for these flags, without starting a sandbox or calling AWS. */
export async function locateProgress(global: GlobalOptions, env: NodeJS.ProcessEnv): Promise<{ lab: Lab; settings: RunSettings; path: string; configDir: string }> {
  const lab = await loadLab(labDir(LAB_ID), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS });
  // Only the target matters here (it names the file): never wait on instance metadata for a region.
  // A class on a room sandbox keeps its progress as a run on that sandbox does.
  const settings = await resolveRunSettings(global, { ...env, AWS_EC2_METADATA_DISABLED: 'true' }, undefined, classRoomOffline(global, env));
  const dir = configDir(env);
  const path = progressPath(dir, lab.id, progressWorld(settings));
  await checkConfigHome(dir, path, env);
  return { lab, settings, path, configDir: dir };
}

/**
 * When this target has no progress file but the other one has (of any endpoint): the learner forgot
 * --sandbox (or added it).
 */
export async function progressOnOtherTarget(dir: string, labId: string, target: 'sandbox' | 'aws'): Promise<'sandbox' | 'aws' | undefined> {
  const other = target === 'sandbox' ? 'aws' : 'sandbox';
  const folder = dirname(progressPath(dir, labId, other));
  const names = await readdir(folder).catch((): string[] => []);
  const ours = new RegExp(`^${escapeRegExp(labId)}-${other}(-[^/]+)?\\.json$`);
  return names.some((name) => ours.test(name)) ? other : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
