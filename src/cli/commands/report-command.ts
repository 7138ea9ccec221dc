import type { Lab } from '../../content/lab-model.js';
import { labReport, type LabReport } from '../../engine/lab-summary.js';
import { loadProgress } from '../../files/progress-store.js';
import { classroomMessages } from '../../i18n/classroom-messages.js';
import type { Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/messages.js';
import { sameTargetCommandLine } from '../lab-command-line.js';
import type { Output } from '../output.js';
import type { Command } from '../parse-args.js';
import { locateProgress, progressOnOtherTarget } from '../progress-location.js';
import { movedAsideNotice } from '../progress-problems.js';
import { printNotices } from '../output.js';
import { lookAtWorld } from '../look-at-world.js';

type ReportCommand = Extract<Command, { name: 'report' }>;

/**
 * `kinesis-lab report [--json]`: the learner's state without the UI, so an instructor can ask for it
 * and a script can read it: the steps from the progress file, and — looking read-only at where the
 * lab runs — the records in the stream (the learner's own scripts' too) and every lab resource that
 * exists now. When it cannot look, it says why and reports from the file alone. Exit 0 when the lab is
 * complete, 1 when steps remain, 2 on bad usage.
 */
export async function reportCommand(cmd: ReportCommand, env: NodeJS.ProcessEnv, output: Output): Promise<number> {
  const { lab, settings, path, configDir } = await locateProgress(cmd.global, env);
  const load = await loadProgress(path);
  if (load.kind === 'corrupt') printNotices(output, [movedAsideNotice(load)], settings.lang, cmd.json);
  if (load.kind !== 'loaded') {
    if (cmd.json) output.out(JSON.stringify({ labId: lab.id, target: settings.target, started: false }));
    else output.out(classroomMessages(settings.lang).reportNoProgress(sameTargetCommandLine(cmd.global)));
    const other = await progressOnOtherTarget(configDir, lab.id, settings.target);
    if (other) output.err(classroomMessages(settings.lang).progressElsewhere(other));
    return 1;
  }
  const look = await lookAtWorld(cmd.global, env, load.file.ledger);
  const report = labReport(load.file, 'survey' in look ? look.survey : undefined);
  const lookError = 'error' in look ? look.error : undefined;
  if (cmd.json) output.out(JSON.stringify({ target: settings.target, started: true, ...report, ...(lookError ? { lookError } : {}) }));
  else {
    for (const line of reportLines(report, lab, settings.lang, settings.target)) output.out(line);
    if (lookError) output.out(classroomMessages(settings.lang).reportNotLooked(lookError));
  }
  return report.complete ? 0 : 1;
}

/** The report as plain lines: also the completion summary after the TUI and in plain mode. */
export function reportLines(report: LabReport, lab: Lab, lang: Lang, target: 'sandbox' | 'aws'): string[] {
  const t = classroomMessages(lang);
  const m = messages(lang);
  const lines = [t.reportTitle(lab.title[lang]), t.reportWhere(report.stream, report.region, target === 'sandbox' ? 'sandbox' : 'AWS'), ''];
  report.steps.forEach((step, i) => {
    const title = lab.steps.find((s) => s.id === step.id)?.title[lang] ?? step.id;
    const status = lab.steps.find((s) => s.id === step.id)?.comingNext ? m.comingNext : m.status[step.status];
    const detail = [
      step.attempts > 0 ? t.reportAttempts(step.attempts) : '',
      step.durationMs !== undefined ? t.reportTook(t.duration(step.durationMs)) : '',
      step.lastErrorKind ? t.reportLastError(step.lastErrorKind) : '',
    ].filter(Boolean).join(', ');
    lines.push(t.reportStep(i + 1, title, status, detail));
  });
  lines.push('');
  const r = report.records;
  if (r) {
    const where = r.counted === 'stream' ? t.reportCountedIn(report.stream) : t.reportCountedByCloudWatch;
    lines.push(t.reportRecordsSeen(r.byLab + r.byScripts, r.byLab, report.recordsSent['put-record'], report.recordsSent['put-records'], r.byScripts, where));
  } else {
    lines.push(t.reportRecords(report.recordsSent.total, report.recordsSent['put-record'], report.recordsSent['put-records']));
  }
  if (report.looked) {
    if (report.built.length === 0) lines.push(t.reportNothingExists);
    for (const b of report.built) lines.push(t.reportExists(b.kind, b.name, b.region));
  } else {
    if (report.built.length === 0) lines.push(t.reportNothingBuilt);
    for (const b of report.built) lines.push(t.reportBuilt(b.kind, b.name, b.region));
  }
  lines.push(t.reportTotal(t.duration(report.totalMs)));
  if (report.complete) lines.push(t.reportComplete);
  return lines;
}
