import stringWidth from 'string-width';
import type { CheckResult } from '../../engine/check-result.js';
import type { AutoFix } from '../../shared/auto-fix.js';
import type { StepProgress } from '../../engine/step-state.js';
import type { Lang, Localized } from '../../i18n/lang.js';
import type { FixWhere, Messages } from '../../i18n/messages.js';
import type { FixActivity } from '../../runner/lab-runner.js';
import { liveRate, type ProducerLive } from '../../runner/producer-live.js';
import { wrapText } from '../wrap-runs.js';
import { splitFirstSentence } from './first-sentence.js';
import type { ScreenBlock, ScreenLine } from './screen-line.js';

export interface ActivityInput {
  progress: StepProgress;
  lang: Lang;
  m: Messages;
  width: number;
  /** Seconds since the running action or check began. */
  elapsedSeconds: number;
  streamStatus?: { status: string };
  producer?: ProducerLive;
  notes: Localized[];
  stopping: boolean;
  comingNext: boolean;
  /** The last result's fix when the learner can apply it with f, and where the lab runs now. */
  fixOffer?: { fix: AutoFix; where: FixWhere };
  /** This step's one-key fix under way or just applied. */
  fix?: FixActivity;
  /** Wall clock (ms), for the fix's countdown. */
  now: number;
}

type Style = Omit<ScreenLine, 'text'>;

/** Text wrapped to the width, every row in one style; `indent` starts the wrapped rows. */
export function wrapped(text: string, width: number, style: Style = {}, indent = ''): ScreenLine[] {
  return wrapText(text, width, indent).map((line) => ({ text: line, ...style }));
}

/** A spinner's label: the spinner and its space take two columns of the first row. */
function spinning(text: string, width: number): ScreenLine[] {
  const [first = '', ...rest] = wrapText(text, width - 2, '');
  return [{ text: first, spinner: true }, ...rest.map((line) => ({ text: `  ${line}` }))];
}

/** A highlighted key followed by what it does, the wrapped rows lined up after the key. */
export function keyed(key: string, text: string, width: number, style: Style = {}): ScreenLine[] {
  const pad = ' '.repeat(stringWidth(key) + 1);
  const [first = '', ...rest] = wrapText(text, width - pad.length);
  return [{ text: first, key, ...style }, ...rest.map((line) => ({ text: pad + line, ...style }))];
}

/**
 * What is happening on the current step, ranked: the status or verdict, the fix's first sentence and
 * what f does are kept; evidence, the rest of the fix, notes and the producer's log give way.
 */
export function activityBlocks(input: ActivityInput): ScreenBlock[] {
  const { progress, lang, m, width, elapsedSeconds, streamStatus, producer, notes, stopping, comingNext, fixOffer, fix, now } = input;
  const all = (lines: ScreenLine[]): ScreenBlock => ({ lines, keep: lines.length });
  const some = (lines: ScreenLine[], keep = 0): ScreenBlock => ({ lines, keep });
  if (comingNext) return [all(wrapped(m.comingNextBody, width, { dimColor: true }))];
  const status = progress.status;
  const blocks: ScreenBlock[] = [];
  const elapsed = m.elapsed(elapsedSeconds);
  const withStream = streamStatus ? ` · ${m.streamStatus(streamStatus.status)}` : '';
  if (status === 'acting') blocks.push(all(spinning(`${m.acting} · ${elapsed}${withStream}`, width)));
  if (status === 'checking' && !fix) blocks.push(all(spinning(`${m.checking} · ${elapsed}`, width)));
  if (status === 'checking' && fix) blocks.push(all(fixProgressLines(fix, m, now, elapsedSeconds, width, streamStatus)));
  if (producer) {
    const api = producer.api === 'put-record' ? 'PutRecord' : 'PutRecords';
    const counters = wrapped(`${m.producerTitle(api)} · ${m.producerCounters(producer.sent, producer.failed, producer.retried, liveRate(producer))}`, width, { bold: true, color: 'green' });
    if (producer.throttled > 0) counters.push(...wrapped(m.producerThrottled(producer.throttled), width, { color: 'yellow' }));
    const log: ScreenLine[] = [];
    if (status === 'acting' && producer.log.length > 0) {
      log.push({ text: m.producerLogHeader, dimColor: true });
      for (const line of producer.log) {
        const what = line.records > 1 || producer.api === 'put-records' ? m.producerBatch(line.records, line.failed) : `${line.shardId.padEnd(21)} ${line.sequenceNumber}`;
        log.push({ text: `${line.requestId.padEnd(38)} ${String(line.httpStatus).padEnd(5)}${what}`, ...(line.httpStatus === 200 ? {} : { color: 'red' }) });
      }
    }
    // While it runs the counters are the news; once it ended, the check's verdict is.
    blocks.push(some([...counters, ...log], status === 'acting' ? counters.length : 0));
    if (stopping && status === 'acting') blocks.push(all(wrapped(m.producerStopping, width, { color: 'yellow' })));
  }
  const settled = status === 'passed' || status === 'failed';
  if (settled && fix?.phase === 'done') blocks.push(all(fixProgressLines(fix, m, now, elapsedSeconds, width)));
  if (settled && progress.lastResult) blocks.push(...resultBlocks(progress.lastResult, lang, m, width, status === 'failed' ? fixOffer : undefined));
  if (status !== 'acting' && notes.length > 0) blocks.push(some(notes.flatMap((note) => wrapped(note[lang], width, { color: 'cyan' }))));
  if (status === 'pending' || status === 'in-progress') blocks.push(all(wrapped(progress.mode === 'manual' ? m.manualWaiting : m.chooseMode, width)));
  return blocks;
}

/** A check's result: the verdict and the fix's first sentence (and f's offer) kept, the rest after. */
export function resultBlocks(result: CheckResult, lang: Lang, m: Messages, width: number, fixOffer?: { fix: AutoFix; where: FixWhere }): ScreenBlock[] {
  const passed = result.outcome === 'passed';
  // One heading for every step that did not pass; the summary says whether the check could look at all.
  const heading = passed ? m.passed : m.failed;
  const verdict = wrapped(`${passed ? '✔' : '✘'} ${heading}: ${result.summary[lang]}`, width, { bold: true, color: passed ? 'green' : 'red' }, '  ');
  const blocks: ScreenBlock[] = [{ lines: verdict, keep: verdict.length }];
  const fix = result.fix ? splitFirstSentence(result.fix[lang]) : undefined;
  if (fix) {
    const first = wrapped(`${m.whatToDo}: ${fix.first}`, width, { color: 'yellow' }, '  ');
    blocks.push({ lines: first, keep: first.length });
  }
  // The rest of the fix reads on from its first sentence; f's offer follows and, unlike the rest, always shows.
  if (fix?.rest) blocks.push({ lines: wrapped(fix.rest, width - 2).map((l) => ({ ...l, text: `  ${l.text}` })), keep: 0 });
  if (fixOffer) {
    const offer = keyed('f', m.fixOffer(fixOffer.fix, fixOffer.where), width);
    blocks.push({ lines: offer, keep: offer.length });
  }
  if (result.evidence.length > 0) {
    const evidence = [{ text: m.whatWeLookedAt, dimColor: true }, ...result.evidence.flatMap((line) => wrapped(`• ${line[lang]}`, width - 2, {}, '  ').map((l) => ({ ...l, text: `  ${l.text}` })))];
    blocks.push({ lines: evidence, keep: 0 });
  }
  return blocks;
}

/** A one-key fix under way (countdown, what it is doing) or, once the step was checked again, what it changed. */
function fixProgressLines(activity: FixActivity, m: Messages, now: number, elapsedSeconds: number, width: number, streamStatus?: { status: string }): ScreenLine[] {
  const { fix, phase } = activity;
  if (phase === 'done') return wrapped(m.fixDone(fix, activity.from), width, { color: 'cyan' });
  if (phase === 'waiting') return spinning(m.fixWaiting(Math.max(0, Math.ceil(((activity.until ?? now) - now) / 1000))), width);
  if (phase === 'applying') return spinning(`${m.fixApplying(fix)} · ${m.elapsed(elapsedSeconds)}${streamStatus ? ` · ${m.streamStatus(streamStatus.status)}` : ''}`, width);
  return spinning(`${m.checking} · ${m.elapsed(elapsedSeconds)}`, width);
}
