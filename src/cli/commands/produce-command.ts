import type { StreamSummary } from '../../aws/kinesis-port.js';
import { identityOf } from '../../checks/current-stream.js';
import { recordRun, runFromSummary, type ProducerRun } from '../../engine/session-ledger.js';
import { progressMessages, saveFailureOf } from '../../i18n/progress-messages.js';
import { printSaveFailure } from '../progress-problems.js';
import { printNotices } from '../output.js';
import { formatSummaryLine } from '../../producer/format-summary.js';
import { runProducer } from '../../producer/run-producer.js';
import { validateBatchSize, validateDuration, validateRate, validateRecordCount } from '../../validate/producer-options.js';
import type { Command } from '../parse-args.js';
import { saveSessionProgress, type LabSession } from '../lab-session.js';
import type { Output } from '../output.js';
import { orUsageError } from '../usage-error.js';
import { producerRunOptions } from '../../actions/produce.js';
import { diagnosisContext } from '../../checks/check-context.js';

type ProduceCommand = Extract<Command, { name: 'produce' }>;

export interface ProduceOptions {
  count?: number;
  durationMs?: number;
  rate?: number;
  batchSize?: number;
}

/** Flags → producer options, each checked before anything is sent. */
export function produceOptions(cmd: ProduceCommand): ProduceOptions {
  return {
    count: cmd.count === undefined ? undefined : orUsageError(validateRecordCount(cmd.count), '--count'),
    durationMs: cmd.duration === undefined ? undefined : orUsageError(validateDuration(cmd.duration), '--duration'),
    rate: cmd.rate === undefined ? undefined : orUsageError(validateRate(cmd.rate), '--rate'),
    batchSize: cmd.batchSize === undefined ? undefined : orUsageError(validateBatchSize(cmd.batchSize), '--batch-size'),
  };
}

/**
 * `kinesis-lab produce`: the producer without the TUI. Ctrl+C stops it cleanly; it always ends with one
 * summary line (or one JSON object with --json), and the run is recorded so `check put-records` sees it.
 */
export async function produceCommand(session: LabSession, cmd: ProduceCommand, options: ProduceOptions, output: Output, signal: AbortSignal): Promise<number> {
  const { context, settings } = session;
  let source: StreamSummary | undefined;
  try {
    source = await context.kinesis.describeStreamSummary(settings.stream);
  } catch (error) {
    // Stopped before the first record: the producer below stops at once and still says so in its line.
    if (!signal.aborted) return reportError(session, error, output, cmd.json);
  }
  const summary = await runProducer({
    port: context.producerKinesis,
    stream: settings.stream,
    ...producerRunOptions({ api: cmd.api, ...options }),
    ...(source !== undefined ? { maxRecordBytes: source.maxRecordBytes } : {}),
    signal,
  });
  // The summary comes first, whatever happens to the save: the records were sent either way.
  if (cmd.json) {
    const { error: _error, ...rest } = summary;
    output.out(JSON.stringify(rest));
  } else {
    output.out(formatSummaryLine(summary, settings.lang));
  }
  // Tied to the stream as it is now (or only to its name, when the producer was stopped before looking).
  const where = source ? identityOf(context, source) : { stream: settings.stream, region: settings.region };
  const saved = await recordProducerRun(session, runFromSummary(summary, where), output, cmd.json);
  if (summary.stoppedBy === 'error') return reportError(session, summary.error, output, cmd.json);
  return summary.failed > 0 || !saved ? 1 : 0;
}

/**
 * Adds the run to the progress file and nothing else: the step states and settings stay as the file
 * has them (another terminal's lab may be changing them), and a second produce at the same time adds
 * its own run beside this one. False, after saying why, when it could not be saved.
 */
async function recordProducerRun(session: LabSession, run: ProducerRun, output: Output, json: boolean): Promise<boolean> {
  const lang = session.settings.lang;
  const base = session.load.kind === 'loaded' ? session.load.file : { settings: session.initial.target ?? { stream: session.settings.stream, region: session.settings.region }, state: session.initial.state, ledger: session.initial.ledger };
  try {
    const outcome = await saveSessionProgress(session, { settings: base.settings, state: base.state, ledger: recordRun(base.ledger, run) });
    printNotices(output, outcome.warnings ?? [], lang, json);
    return true;
  } catch (error) {
    printSaveFailure(saveFailureOf(error), lang, json, output);
    if (!json) output.err(progressMessages(lang).sentButNotSaved);
    return false;
  }
}

async function reportError(session: LabSession, error: unknown, output: Output, json: boolean): Promise<number> {
  const { context, settings } = session;
  const d = await context.diagnose(error, diagnosisContext(context));
  const lang = settings.lang;
  if (json) output.err(JSON.stringify({ error: d.kind, what: d.what[lang], why: d.why[lang], fix: d.fix[lang] }));
  else for (const line of [d.what[lang], d.why[lang], d.fix[lang]]) output.err(line);
  return 1;
}
