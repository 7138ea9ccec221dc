import type { ProgressFile } from './progress-codec.js';
import type { StepStatus } from './step-state.js';

/** One step in the completion summary and `kinesis-lab report`. */
export interface StepReport {
  id: string;
  status: StepStatus;
  mode?: 'auto' | 'manual';
  attempts: number;
  startedAt?: number;
  passedAt?: number;
  /** From first opening the step to its first passing check; absent until it passed. */
  durationMs?: number;
  /** The diagnosis kind of the latest failed check or action, when it did not pass. */
  lastErrorKind?: string;
}

/** Everything `report --json` prints and the completion screen shows; built from the progress file only. */
export interface LabReport {
  labId: string;
  stream: string;
  region: string;
  current: string;
  complete: boolean;
  steps: StepReport[];
  /** Records this learner's producers got acknowledged for the lab's stream, per API. */
  recordsSent: { 'put-record': number; 'put-records': number; total: number };
  /** What the passed steps built (the stream after step 1, the pipe after the pipe step). */
  built: { kind: string; name: string; region: string }[];
  /** Sum of the passed steps' durations. */
  totalMs: number;
}

/** Which passed step means which resource exists; a step that builds something new adds a line. */
const BUILT_BY_STEP: Record<string, (file: ProgressFile) => LabReport['built'][number]> = {
  'create-stream': (f) => ({ kind: 'stream', name: f.settings.stream, region: f.settings.region }),
};

export function labReport(file: ProgressFile): LabReport {
  const { state, ledger, settings } = file;
  const playable = state.order.filter((id) => !state.locked.includes(id));
  const steps: StepReport[] = state.order.map((id) => {
    const p = state.steps[id] ?? { status: 'pending' as const, attempts: 0 };
    const report: StepReport = { id, status: p.status, attempts: p.attempts };
    if (p.mode) report.mode = p.mode;
    if (p.startedAt !== undefined) report.startedAt = p.startedAt;
    if (p.passedAt !== undefined) report.passedAt = p.passedAt;
    if (p.startedAt !== undefined && p.passedAt !== undefined) report.durationMs = Math.max(0, p.passedAt - p.startedAt);
    if (p.status !== 'passed' && p.lastResult?.errorKind) report.lastErrorKind = p.lastResult.errorKind;
    return report;
  });
  const runs = ledger.runs.filter((r) => r.stream === settings.stream && r.region === settings.region);
  const sent = (api: 'put-record' | 'put-records') => runs.filter((r) => r.api === api).reduce((n, r) => n + r.sent, 0);
  const recordsSent = { 'put-record': sent('put-record'), 'put-records': sent('put-records'), total: 0 };
  recordsSent.total = recordsSent['put-record'] + recordsSent['put-records'];
  const built = steps.filter((s) => s.status === 'passed' && BUILT_BY_STEP[s.id]).map((s) => BUILT_BY_STEP[s.id]!(file));
  return {
    labId: state.labId,
    stream: settings.stream,
    region: settings.region,
    current: state.current,
    complete: playable.length > 0 && playable.every((id) => state.steps[id]?.status === 'passed'),
    steps,
    recordsSent,
    built,
    totalMs: steps.reduce((n, s) => n + (s.durationMs ?? 0), 0),
  };
}

/** `1h 02m`, `4m 05s`, `12s`: short and the same in both languages. */
export function formatDuration(ms: number, units: DurationUnits = { h: 'h', m: 'm', s: 's' }): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}${units.h} ${String(m).padStart(2, '0')}${units.m}`;
  if (m > 0) return `${m}${units.m} ${String(s).padStart(2, '0')}${units.s}`;
  return `${s}${units.s}`;
}

/** What follows each number in a duration: `h`/`m`/`s`, or 시간/분/초. */
export interface DurationUnits {
  h: string;
  m: string;
  s: string;
}
