import type { ProgressFile } from './progress-codec.js';
import { MAX_LEDGER_RUNS, type ProducerRun } from './session-ledger.js';

/** What a writer saves: the progress file without its envelope. */
export type ProgressContent = Pick<ProgressFile, 'settings' | 'state' | 'ledger'>;

/**
 * Three-way merge of progress, so two kinesis-lab processes on one home never lose each other's work
 * (the file is read and written under a lock, see files/progress-store.ts):
 *
 * - `base` is what this writer last read or wrote, `mine` what it wants to write now, `disk` what is
 *   in the file now (another process may have written since).
 * - A piece this writer did not change since `base` (the settings, the current step, each step, each
 *   step's choices) is taken from disk; a piece it changed is its own. When both changed one piece,
 *   this writer's wins: it is the later write.
 * - Producer runs are only ever added, so they are the union of both, oldest first, capped as always.
 */
export function mergeProgress(base: ProgressContent | undefined, mine: ProgressContent, disk: ProgressContent | undefined): ProgressContent {
  if (disk === undefined) return { settings: mine.settings, state: mine.state, ledger: mine.ledger };
  const changed = (from: unknown, to: unknown) => base === undefined || !sameValue(from, to);
  const steps: ProgressContent['state']['steps'] = {};
  for (const id of mine.state.order) {
    const own = mine.state.steps[id];
    const theirs = disk.state.steps[id];
    const pick = changed(base?.state.steps[id], own) || theirs === undefined ? own : theirs;
    if (pick !== undefined) steps[id] = pick;
  }
  const current = changed(base?.state.current, mine.state.current) || !mine.state.order.includes(disk.state.current) ? mine.state.current : disk.state.current;
  const choices = mergeRecords(base?.ledger.choices, mine.ledger.choices, disk.ledger.choices, base === undefined);
  return {
    settings: changed(base?.settings, mine.settings) ? mine.settings : disk.settings,
    state: { ...mine.state, current, steps },
    ledger: { ...mine.ledger, runs: unionRuns(disk.ledger.runs, mine.ledger.runs), ...(choices ? { choices } : {}) },
  };
}

/** Per key: this writer's value where it changed it, else disk's. */
function mergeRecords<T>(base: Record<string, T> | undefined, mine: Record<string, T> | undefined, disk: Record<string, T> | undefined, noBase: boolean): Record<string, T> | undefined {
  if (mine === undefined && disk === undefined) return undefined;
  const out: Record<string, T> = { ...disk };
  for (const [key, value] of Object.entries(mine ?? {})) {
    if (noBase || !sameValue(base?.[key], value)) out[key] = value;
  }
  return out;
}

/** Both lists' runs once each (a run is known by what it was: API, stream, times, counts, first record). */
export function unionRuns(disk: readonly ProducerRun[], mine: readonly ProducerRun[]): ProducerRun[] {
  const seen = new Set(disk.map(runKey));
  const added = mine.filter((run) => !seen.has(runKey(run)));
  if (added.length === 0) return [...disk].slice(-MAX_LEDGER_RUNS);
  return [...disk, ...added].sort((a, b) => a.endedAt - b.endedAt).slice(-MAX_LEDGER_RUNS);
}

function runKey(run: ProducerRun): string {
  return [run.api, run.stream, run.region, run.startedAt, run.endedAt, run.sent, run.samples[0]?.sequenceNumber ?? ''].join('|');
}

/** Equal as JSON would store them: key order and undefined properties do not count. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
