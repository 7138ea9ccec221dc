import { billingStopped } from '../cleanup/owned-resource.js';
import { labReport } from '../engine/lab-summary.js';
import { lookFrom } from './look-at-world.js';
import { loadProgress } from '../files/progress-store.js';
import { classroomMessages } from '../i18n/classroom-messages.js';
import { deleteAndReport, labInventory, printInventory } from './commands/cleanup-command.js';
import { reportLines } from './commands/report-command.js';
import { askYesNo } from './confirm.js';
import { labCommandLine } from './lab-command-line.js';
import type { LabSession } from './lab-session.js';
import type { Output } from './output.js';

/**
 * After the lab screen closes: the completion summary when every step passed, and on real AWS a
 * warning when what the lab created is still running (and billed), with the offer to delete it now.
 * On a sandbox nothing costs money, so nothing is asked.
 */
export async function afterLab(session: LabSession, env: NodeJS.ProcessEnv, output: Output, opts: { canAsk: boolean }): Promise<void> {
  const lang = session.settings.lang;
  const t = classroomMessages(lang);
  const load = await loadProgress(session.progressFile);
  if (load.kind === 'loaded' && labReport(load.file).complete) {
    // What really exists and what the learner's own scripts sent, not only what progress recorded.
    const look = await lookFrom(session, load.file.ledger);
    const report = labReport(load.file, 'survey' in look ? look.survey : undefined);
    output.out('');
    output.out(t.summaryTitle);
    for (const line of reportLines(report, session.lab, lang, session.settings.target)) output.out(`  ${line}`);
    if ('error' in look) output.out(`  ${t.reportNotLooked(look.error)}`);
    output.out(t.summaryCleanupHint(labCommandLine(session.settings, 'cleanup')));
  }
  if (session.settings.target !== 'aws') return;
  let found;
  try {
    found = await labInventory(session, env);
  } catch {
    // No network or no permission: the learner is leaving; cleanup can be run later.
    return;
  }
  const resources = found.inventory.resources;
  if (resources.length === 0) return;
  output.out('');
  output.out(t.exitStillRunning(resources.length, billingStopped(resources).shardHoursPerHour));
  printInventory(resources, lang, output, false);
  if (opts.canAsk && (await askYesNo(t.exitOfferCleanup, lang))) {
    await deleteAndReport(session, resources, output, undefined);
  } else {
    output.out(t.summaryCleanupHint(labCommandLine(session.settings, 'cleanup')));
  }
}
