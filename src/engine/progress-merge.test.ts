import { describe, expect, it } from 'vitest';
import { mergeProgress, sameValue, type ProgressContent } from './progress-merge.js';
import { MAX_LEDGER_RUNS, type ProducerRun } from './session-ledger.js';
import { initialState } from './step-state.js';

function run(startedAt: number, sent = 10): ProducerRun {
  return { api: 'put-records', stream: 'input-stream', region: 'us-east-1', startedAt, endedAt: startedAt + 5, sent, failed: 0, retried: 0, bytes: sent * 100, recordsPerSecond: 2, samples: [{ shardId: 'shardId-000000000000', sequenceNumber: String(startedAt) }] };
}

function content(): ProgressContent {
  return { settings: { stream: 'input-stream', region: 'us-east-1' }, state: initialState('kds', ['a', 'b', 'c']), ledger: { runs: [run(1)] } };
}

describe('mergeProgress: two writers on one progress file', () => {
  it('keeps both writers\' producer runs (two produce runs at once)', () => {
    const base = content();
    const mine = { ...base, ledger: { runs: [...base.ledger.runs, run(100)] } };
    const disk = { ...base, ledger: { runs: [...base.ledger.runs, run(50)] } };
    expect(mergeProgress(base, mine, disk).ledger.runs.map((r) => r.startedAt)).toEqual([1, 50, 100]);
  });

  it('takes each step from whoever changed it, and this writer\'s where both did', () => {
    const base = content();
    const mine = structuredClone(base);
    mine.state.steps.a = { status: 'passed', attempts: 1, passedAt: 10 };
    mine.state.steps.c = { status: 'failed', attempts: 1 };
    mine.state.current = 'c';
    const disk = structuredClone(base);
    disk.state.steps.b = { status: 'passed', attempts: 2, passedAt: 20 };
    disk.state.steps.c = { status: 'passed', attempts: 3 };
    disk.state.current = 'b';
    const merged = mergeProgress(base, mine, disk);
    expect(merged.state.steps).toEqual({ a: { status: 'passed', attempts: 1, passedAt: 10 }, b: { status: 'passed', attempts: 2, passedAt: 20 }, c: { status: 'failed', attempts: 1 } });
    expect(merged.state.current).toBe('c');
  });

  it('keeps the other writer\'s settings and current step when this one did not change them', () => {
    const base = content();
    const disk = structuredClone(base);
    disk.settings = { stream: 'input-stream', region: 'ap-northeast-2', regionSwitched: true };
    disk.state.current = 'b';
    const merged = mergeProgress(base, structuredClone(base), disk);
    expect(merged.settings).toEqual(disk.settings);
    expect(merged.state.current).toBe('b');
  });

  it('merges step choices per step', () => {
    const base: ProgressContent = { ...content(), ledger: { runs: [], choices: { pipe: { batchSize: 10 } } } };
    const mine: ProgressContent = { ...base, ledger: { runs: [], choices: { pipe: { batchSize: 10 }, metrics: { x: 1 } } } };
    const disk: ProgressContent = { ...base, ledger: { runs: [], choices: { pipe: { batchSize: 50 } } } };
    expect(mergeProgress(base, mine, disk).ledger.choices).toEqual({ pipe: { batchSize: 50 }, metrics: { x: 1 } });
  });

  it('writes this writer\'s progress whole when there is no file, or when it never read one', () => {
    const mine = content();
    expect(mergeProgress(undefined, mine, undefined)).toEqual(mine);
    const disk = structuredClone(mine);
    disk.state.steps.a = { status: 'passed', attempts: 1 };
    disk.ledger.runs = [run(7)];
    const merged = mergeProgress(undefined, mine, disk);
    expect(merged.state.steps.a).toEqual({ status: 'pending', attempts: 0 });
    expect(merged.ledger.runs.map((r) => r.startedAt)).toEqual([1, 7]);
  });

  it('keeps the newest runs within the ledger\'s cap', () => {
    const base: ProgressContent = { ...content(), ledger: { runs: [] } };
    const mine = { ...base, ledger: { runs: Array.from({ length: MAX_LEDGER_RUNS }, (_, i) => run(2 * i)) } };
    const disk = { ...base, ledger: { runs: Array.from({ length: MAX_LEDGER_RUNS }, (_, i) => run(2 * i + 1)) } };
    const runs = mergeProgress(base, mine, disk).ledger.runs;
    expect(runs).toHaveLength(MAX_LEDGER_RUNS);
    expect(runs[0]?.startedAt).toBe(MAX_LEDGER_RUNS);
    expect(runs.at(-1)?.startedAt).toBe(2 * MAX_LEDGER_RUNS - 1);
  });
});

describe('sameValue', () => {
  it('compares as the file stores values: key order and undefined properties do not count', () => {
    expect(sameValue({ a: 1, b: undefined, c: [1, { d: 2, e: 3 }] }, { c: [1, { e: 3, d: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameValue(undefined, {})).toBe(false);
  });
});
