import { billingStopped, type OwnedResource } from '../../cleanup/owned-resource.js';
import { deleteOwned, takeInventory, type Inventory } from '../../cleanup/run-cleanup.js';
import { labRegions, readRegionsUsed, regionsPath } from '../../cleanup/lab-regions.js';
import { configDir } from '../../files/progress-store.js';
import { classroomMessages } from '../../i18n/classroom-messages.js';
import type { Lang } from '../../i18n/lang.js';
import { confirmOrYes } from '../confirm.js';
import type { LabSession } from '../lab-session.js';
import type { Output } from '../output.js';
import { labRoleNames, ownedResourceProbes } from '../owned-resource-probes.js';

export interface CleanupOptions {
  dryRun: boolean;
  yes: boolean;
  plain: boolean;
}

/** What the lab owns now, across every region this lab ever ran in on this target. */
export async function labInventory(session: LabSession, env: NodeJS.ProcessEnv): Promise<{ inventory: Inventory; regions: string[] }> {
  const remembered = await readRegionsUsed(regionsPath(configDir(env), session.lab.id, session.settings.target));
  const progress = session.load.kind === 'loaded' ? session.load.file : undefined;
  const regions = labRegions(session.settings.region, remembered, progress);
  // Only what this learner's lab tagged: on a room sandbox, other learners' streams carry other owners.
  return { inventory: await takeInventory(probesFor(session), regions, session.context.labTag ?? session.lab.id), regions };
}

function probesFor(session: LabSession) {
  const progress = session.load.kind === 'loaded' ? session.load.file : undefined;
  const streams = [session.settings.stream, ...(progress ? [progress.settings.stream] : [])];
  return ownedResourceProbes(session.settings, () => labRoleNames(session.lab, streams, progress));
}

/**
 * `kinesis-lab cleanup [--dry-run] [--yes]`: lists what the lab created (by tag, never by name),
 * asks, deletes in order, waits for each to be gone and says what billing it stopped. Exit 0 when
 * nothing the lab made is left, 1 when something could not be searched or deleted.
 */
export async function cleanupCommand(session: LabSession, env: NodeJS.ProcessEnv, opts: CleanupOptions, output: Output, signal?: AbortSignal): Promise<number> {
  const lang = session.settings.lang;
  const t = classroomMessages(lang);
  // The exact tag searched for, owner included, so the learner can see why others' streams are safe.
  const labId = session.context.labTag ?? session.lab.id;
  const { inventory, regions } = await labInventory(session, env);
  output.out(t.cleanupSearching(labId, regions.join(', ')));
  for (const gap of inventory.gaps) output.err(t.cleanupGap(gap.kind, gap.region, errorName(gap.error)));
  if (inventory.resources.length === 0) {
    output.out(t.cleanupNothing);
    return inventory.gaps.length === 0 ? 0 : 1;
  }
  printInventory(inventory.resources, lang, output);
  output.out(t.cleanupSafety(labId));
  if (opts.dryRun) {
    // Nothing was deleted: say what deleting would stop being charged.
    output.out(t.cleanupWouldStop(billingStopped(inventory.resources).shardHoursPerHour, billingStopped(inventory.resources).onDemandStreams));
    output.out(t.cleanupDryRun);
    return inventory.gaps.length === 0 ? 0 : 1;
  }
  if (!(await confirmOrYes({ yes: opts.yes, plain: opts.plain, lang, command: 'cleanup', question: t.cleanupConfirm(inventory.resources.length) }))) {
    output.out(t.notChanged);
    return 1;
  }
  return deleteAndReport(session, inventory.resources, output, signal, inventory.gaps.length > 0);
}

export function printInventory(resources: OwnedResource[], lang: Lang, output: Output, header = true): void {
  const t = classroomMessages(lang);
  if (header) output.out(t.cleanupFound(resources.length));
  for (const r of resources) {
    const detail = r.kind === 'stream' ? (r.onDemand ? t.cleanupOnDemand : t.cleanupShards(r.openShards)) : '';
    output.out(t.cleanupItem(r.kind, r.name, r.region, detail));
  }
}

export async function deleteAndReport(session: LabSession, resources: OwnedResource[], output: Output, signal: AbortSignal | undefined, hadGaps = false): Promise<number> {
  const t = classroomMessages(session.settings.lang);
  const outcome = await deleteOwned(resources, probesFor(session), (e) => {
    const { kind, name, region } = e.resource;
    if (e.type === 'deleting') output.out(t.cleanupDeleting(kind, name, region));
    else if (e.type === 'deleted') output.out(t.cleanupDeleted(kind, name, region));
    else output.err(t.cleanupFailed(kind, name, region, errorName(e.error)));
  }, signal);
  output.out(t.cleanupStopped(outcome.stopped.shardHoursPerHour, outcome.stopped.onDemandStreams));
  return outcome.failed.length === 0 && outcome.deleted.length === resources.length && !hadGaps ? 0 : 1;
}

function errorName(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]}`;
  return String(error);
}
