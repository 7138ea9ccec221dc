import { recordRun, runFromSummary } from '../../engine/session-ledger.js';
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
  let maxRecordBytes: number | undefined;
  try {
    maxRecordBytes = (await context.kinesis.describeStreamSummary(settings.stream)).maxRecordBytes;
  } catch (error) {
    // Stopped before the first record: the producer below stops at once and still says so in its line.
    if (!signal.aborted) return reportError(session, error, output, cmd.json);
  }
  const summary = await runProducer({
    port: context.producerKinesis,
    stream: settings.stream,
    ...producerRunOptions({ api: cmd.api, ...options }),
    ...(maxRecordBytes !== undefined ? { maxRecordBytes } : {}),
    signal,
  });
  const ledger = recordRun(session.initial.ledger, runFromSummary(summary, settings.stream, settings.region));
  await saveSessionProgress(session, { settings: { stream: settings.stream, region: settings.region }, state: session.initial.state, ledger });
  if (cmd.json) {
    const { error: _error, ...rest } = summary;
    output.out(JSON.stringify(rest));
  } else {
    output.out(formatSummaryLine(summary, settings.lang));
  }
  if (summary.stoppedBy === 'error') return reportError(session, summary.error, output, cmd.json);
  return summary.failed > 0 ? 1 : 0;
}

async function reportError(session: LabSession, error: unknown, output: Output, json: boolean): Promise<number> {
  const { context, settings } = session;
  const d = await context.diagnose(error, diagnosisContext(context));
  const lang = settings.lang;
  if (json) output.err(JSON.stringify({ error: d.kind, what: d.what[lang], why: d.why[lang], fix: d.fix[lang] }));
  else for (const line of [d.what[lang], d.why[lang], d.fix[lang]]) output.err(line);
  return 1;
}
