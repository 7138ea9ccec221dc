import type { ProgressFile } from './progress-codec.js';
import type { StepStatus } from './step-state.js';
import type { WorldSurvey } from './world-survey-types.js';

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
  /**
   * The lab's resources: those that exist now under the lab's names when the world was looked at
   * (`looked`), else what the passed steps built (the stream after step 1).
   */
  built: { kind: string; name: string; region: string }[];
  /** True when `built` and `records` come from looking at the world now, not from the progress file. */
  looked: boolean;
  /** Records in the lab's stream now and who sent them (when the world was looked at and the stream is there). */
  records?: { inStream: number; byLab: number; byScripts: number; counted: 'stream' | 'cloudwatch' };
  /** Sum of the passed steps' durations. */
  totalMs: number;
}

/** Which passed step means which resource exists; a step that builds something new adds a line. */
const BUILT_BY_STEP: Record<string, (file: ProgressFile) => LabReport['built'][number]> = {
  'create-stream': (f) => ({ kind: 'stream', name: f.settings.stream, region: f.settings.region }),
};

/**
 * The report of a progress file; with a survey of the world now (checks/world-survey.ts) its
 * records count what the learner's own scripts sent and `built` lists what really exists.
 */
export function labReport(file: ProgressFile, survey?: WorldSurvey): LabReport {
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
  let built = steps.filter((s) => s.status === 'passed' && BUILT_BY_STEP[s.id]).map((s) => BUILT_BY_STEP[s.id]!(file));
  let records: LabReport['records'];
  if (survey) {
    built = survey.resources.map(({ kind, name, region }) => ({ kind, name, region }));
    if (survey.records) {
      // Only runs that went to the stream as it is now, as the checks count them.
      const { inStream, byLab: lab, counted } = survey.records;
      [recordsSent['put-record'], recordsSent['put-records']] = [lab['put-record'], lab['put-records']];
      recordsSent.total = lab['put-record'] + lab['put-records'];
      records = { inStream, byLab: recordsSent.total, byScripts: Math.max(0, inStream - recordsSent.total), counted };
    }
  }
  return {
    labId: state.labId,
    stream: settings.stream,
    region: settings.region,
    current: state.current,
    complete: playable.length > 0 && playable.every((id) => state.steps[id]?.status === 'passed'),
    steps,
    recordsSent,
    built,
    looked: survey !== undefined,
    ...(records ? { records } : {}),
    totalMs: steps.reduce((n, s) => n + (s.durationMs ?? 0), 0),
  };
}

/** Every record sent to the lab's stream as far as the report knows: the lab's and, when it looked, the learner's scripts'. */
export function recordsTotal(report: LabReport): number {
  return report.records ? report.records.byLab + report.records.byScripts : report.recordsSent.total;
}
