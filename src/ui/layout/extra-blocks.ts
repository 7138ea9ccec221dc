import type { Lab } from '../../content/lab-model.js';
import { labReport, recordsTotal } from '../../engine/lab-summary.js';
import { classroomMessages } from '../../i18n/classroom-messages.js';
import type { Lang } from '../../i18n/lang.js';
import type { Messages } from '../../i18n/messages.js';
import type { RunnerView } from '../../runner/lab-runner.js';
import type { ScreenInfo } from '../screen-info.js';
import { wrapped } from './activity-blocks.js';
import type { ScreenBlock, ScreenLine } from './screen-line.js';

/** PutRecord vs PutRecords records/s as measured in this session, side by side, and what bounds each (step 3). */
export function rateBlock(putRecord: number | undefined, putRecords: number | undefined, m: Messages, width: number): ScreenBlock {
  const widest = Math.max(putRecord ?? 0, putRecords ?? 0, 1);
  const barWidth = Math.max(5, Math.min(30, width - 30));
  const bar = (rate: number | undefined) => '█'.repeat(rate === undefined ? 0 : Math.max(1, Math.round((rate / widest) * barWidth)));
  const lines: ScreenLine[] = [
    { text: m.compareTitle, bold: true },
    { text: `${m.compareRow('PutRecord', putRecord)} ${bar(putRecord)}`, color: 'cyan' },
    { text: `${m.compareRow('PutRecords', putRecords)} ${bar(putRecords)}`, color: 'green' },
  ];
  if (putRecord !== undefined && putRecords !== undefined && putRecord > 0) lines.push({ text: m.compareGain(putRecords / putRecord), color: 'green', bold: true });
  // What bounds each API, and what the same comparison looks like on AWS.
  if (putRecord !== undefined && putRecord > 0) lines.push(...wrapped(m.compareBoundPutRecord(1000 / putRecord), width, { dimColor: true }));
  if (putRecords !== undefined) lines.push(...wrapped(m.compareBoundPutRecords, width, { dimColor: true }));
  if (putRecord !== undefined && putRecords !== undefined) lines.push(...wrapped(m.compareOnAws, width, { dimColor: true }));
  return { lines, keep: 0 };
}

/** The hint the learner asked for with h: shown whole. */
export function hintBlock(n: number, total: number, text: string, m: Messages, width: number): ScreenBlock {
  const lines = wrapped(`${m.hint(n, total)}: ${text}`, width, { color: 'magenta' }, '  ');
  return { lines, keep: lines.length };
}

/** Once every step passed: the news kept, then what was built, records sent, time per step, and how to finish. */
export function completionBlock(lab: Lab, view: Pick<RunnerView, 'state' | 'ledger' | 'survey'>, info: Pick<ScreenInfo, 'stream' | 'region' | 'target'>, lang: Lang, m: Messages, width: number): ScreenBlock {
  const lines = [...wrapped(m.labComplete, width, { bold: true, color: 'green' }), ...completionLines(lab, view, info, lang, width)];
  return { lines, keep: 1 };
}

/** The completion summary's rows (also `kinesis-lab report`'s facts, from the same report). */
export function completionLines(lab: Lab, view: Pick<RunnerView, 'state' | 'ledger' | 'survey'>, info: Pick<ScreenInfo, 'stream' | 'region' | 'target'>, lang: Lang, width: number): ScreenLine[] {
  const t = classroomMessages(lang);
  // With the runner's look at the world once the lab completed: what exists, and the learner's own scripts' records.
  const report = labReport({ formatVersion: 1, savedAt: '', settings: { stream: info.stream, region: info.region }, state: view.state, ledger: view.ledger }, view.survey);
  const times = report.steps
    .filter((s) => s.durationMs !== undefined)
    .map((s) => `${lab.steps.findIndex((l) => l.id === s.id) + 1}. ${t.duration(s.durationMs!)}`)
    .join(' · ');
  return [
    { text: t.summaryTitle, bold: true },
    ...report.built.flatMap((b) => wrapped(report.looked ? t.reportExists(b.kind, b.name, b.region) : t.reportBuilt(b.kind, b.name, b.region), width, {}, '  ')),
    ...wrapped(t.summaryLine(recordsTotal(report), t.duration(report.totalMs)), width, {}, '  '),
    ...(times !== '' ? wrapped(`${t.summaryStepTimes}: ${times}`, width, {}, '  ') : []),
    ...wrapped(info.target === 'aws' ? t.summaryQuitAws : t.summaryQuitSandbox, width, { dimColor: true }),
  ];
}
