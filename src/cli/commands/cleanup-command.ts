import { billingStopped, type OwnedResource } from '../../cleanup/owned-resource.js';
import { deleteOwned, takeInventory, type Inventory } from '../../cleanup/run-cleanup.js';
import { labRegions, readFootprint, regionsPath } from '../../cleanup/lab-regions.js';
import { ownershipOf } from '../../resources/ownership.js';
import { configDir } from '../../files/progress-store.js';
import { classroomMessages } from '../../i18n/classroom-messages.js';
import type { Lang } from '../../i18n/lang.js';
import { askYesNo, canAsk, confirmOrYes } from '../confirm.js';
import { labCommandLine } from '../lab-command-line.js';
import type { LabSession } from '../lab-session.js';
import type { Output } from '../output.js';
import { labRoleNames, ownedResourceProbes } from '../owned-resource-probes.js';
import { deleteCommand, leftAlone } from '../../cleanup/left-alone.js';
import { surveyWorld } from '../../checks/world-survey.js';
import type { SurveyedResource } from '../../engine/world-survey-types.js';
import { buildLabContext } from '../build-lab-context.js';

export interface CleanupOptions {
  dryRun: boolean;
  yes: boolean;
  plain: boolean;
}

/** What the lab owns now, across every region this lab ever ran in on this target. */
export async function labInventory(session: LabSession, env: NodeJS.ProcessEnv): Promise<{ inventory: Inventory; regions: string[] }> {
  const remembered = (await readFootprint(regionsPath(configDir(env), session.lab.id, session.settings.target))).regions;
  const progress = session.load.kind === 'loaded' ? session.load.file : undefined;
  const regions = labRegions(session.settings.region, remembered, progress);
  // Only what is this learner's by its tag: on a room sandbox, other learners' resources carry other owners.
  return { inventory: await takeInventory(probesFor(session), regions, sessionOwnership(session)), regions };
}

/** The run's ownership; the lab's own id when a session was put together without a context's. */
function sessionOwnership(session: LabSession) {
  const { labTag, ownership } = session.context;
  return ownershipOf({ labId: session.lab.id, ...(labTag !== undefined ? { labTag } : {}), ...(ownership ? { ownership } : {}) });
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
  const hadGaps = inventory.gaps.length > 0;
  // Under the lab's names but not the lab's (no tag of this learner's, nor the older form): listed, never deleted.
  const others = leftAlone(await lookUnderLabNames(session, regions), [...inventory.resources, ...inventory.unconfirmed]);
  if (inventory.unconfirmed.length > 0) {
    output.out(t.cleanupUnconfirmed(inventory.unconfirmed.length, session.lab.id));
    printInventory(inventory.unconfirmed, lang, output, false);
  }
  // Resources tagged the older way are deleted only when the learner says, at a terminal, they are theirs.
  const confirmed = inventory.unconfirmed.length > 0 && !opts.dryRun && canAsk(opts.plain) && (await askYesNo(t.cleanupUnconfirmedAsk, lang));
  if (inventory.unconfirmed.length > 0 && !confirmed) output.out(t.cleanupUnconfirmedLeft(labCommandLine(session.settings, 'cleanup')));
  const resources = confirmed ? [...inventory.resources, ...inventory.unconfirmed] : inventory.resources;
  if (resources.length === 0) {
    // "Nothing to clean up" only when every search answered: a failed search may hide something.
    if (!hadGaps) output.out(others.length === 0 ? t.cleanupNothing : t.cleanupNothingOwned);
    else output.out(inventory.gaps.length === inventory.searched ? t.cleanupNoSearch(labCommandLine(session.settings, 'cleanup')) : t.cleanupNothingWhereSearched(inventory.gaps.length, labCommandLine(session.settings, 'cleanup')));
    printLeftAlone(others, session, output);
    return hadGaps ? 1 : 0;
  }
  printInventory(resources, lang, output);
  output.out(t.cleanupSafety(labId));
  printLeftAlone(others, session, output);
  if (opts.dryRun) {
    // Nothing was deleted: say what deleting would stop being charged.
    output.out(t.cleanupWouldStop(billingStopped(resources).shardHoursPerHour, billingStopped(resources).onDemandStreams));
    output.out(t.cleanupDryRun(labCommandLine(session.settings, 'cleanup')));
    return hadGaps ? 1 : 0;
  }
  if (!confirmed && !(await confirmOrYes({ yes: opts.yes, plain: opts.plain, lang, command: 'cleanup', question: t.cleanupConfirm(resources.length) }))) {
    output.out(t.notChanged);
    return 1;
  }
  return deleteAndReport(session, resources, output, signal, hadGaps);
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
  if (signal?.aborted && outcome.deleted.length < resources.length) output.err(t.cleanupInterrupted(labCommandLine(session.settings, 'cleanup')));
  return outcome.failed.length === 0 && outcome.deleted.length === resources.length && !hadGaps ? 0 : 1;
}

function errorName(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]}`;
  return String(error);
}

/** Everything under the lab's names in the regions cleanup searched, tagged or not (read-only). */
async function lookUnderLabNames(session: LabSession, regions: string[]): Promise<SurveyedResource[]> {
  const progress = session.load.kind === 'loaded' ? session.load.file : undefined;
  const streams = [...new Set([session.settings.stream, ...(progress ? [progress.settings.stream] : [])])];
  const ledger = progress?.ledger ?? session.initial.ledger;
  const looks = regions.flatMap((region) => streams.map((stream) => surveyWorld(buildLabContext({ ...session.settings, region, stream }, session.lab.id), ledger, { records: false })));
  const surveys = await Promise.all(looks.map((look) => look.catch(() => undefined)));
  return surveys.flatMap((survey) => survey?.resources ?? []);
}

/** "Not made by the lab, left alone", each with the command that deletes it and, on AWS, what it is billed. */
function printLeftAlone(resources: SurveyedResource[], session: LabSession, output: Output): void {
  if (resources.length === 0) return;
  const t = classroomMessages(session.settings.lang);
  const aws = session.settings.target === 'aws';
  // The embedded sandbox stops with this process: a command aimed at its port would find nothing.
  const endpoint = aws || session.settings.embeddedSandbox ? undefined : session.settings.endpoint;
  output.out(t.cleanupLeftAloneTitle);
  for (const r of resources) {
    output.out(t.cleanupLeftAloneItem(r.kind, r.name, r.region, aws ? costOf(r, t) : ''));
    if (!session.settings.embeddedSandbox) output.out(t.cleanupLeftAloneCommand(deleteCommand(r, endpoint)));
  }
}

function costOf(r: SurveyedResource, t: ReturnType<typeof classroomMessages>): string {
  switch (r.kind) {
    case 'stream':
      return r.onDemand ? t.costOnDemand : t.costShardHours(r.openShards ?? 0);
    case 'pipe':
      return t.costPipe;
    case 'iam-role':
      return t.costRole;
    case 'log-group':
      return t.costLogGroup;
  }
}
