import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reconcileState, type ProgressFile } from '../engine/progress-codec.js';
import { configDir, loadProgress, progressPath, ProgressSaveError, ProgressStore, saveProgress } from './progress-store.js';
import { initialState } from '../engine/step-state.js';
import { emptyLedger, recordRun, type ProducerRun } from '../engine/session-ledger.js';

const sample = (): ProgressFile => ({
  formatVersion: 1,
  savedAt: '2026-11-22T04:00:00.000Z',
  settings: { stream: 'input-stream', region: 'ap-northeast-2' },
  state: initialState('kds', ['a', 'b', 'c'], ['c']),
  ledger: emptyLedger(),
});

describe('progress store', () => {
  it('round-trips a progress file through disk', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-progress-'));
    const path = progressPath(dir, 'kds', 'sandbox');
    await saveProgress(path, sample());
    expect(await loadProgress(path)).toEqual({ kind: 'loaded', file: sample() });
    // No temp files left behind by the atomic write.
    expect(await readdir(join(dir, 'progress'))).toEqual(['kds-sandbox.json']);
  });

  it('reports a missing file as missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-progress-'));
    expect(await loadProgress(join(dir, 'nope.json'))).toEqual({ kind: 'missing' });
  });

  it.each([
    ['truncated JSON', '{"formatVersion": 1, "savedAt": "x", "sett', /not JSON/],
    ['wrong shape', '{"formatVersion": 1, "savedAt": "x", "settings": {}, "state": {}, "ledger": {"runs": []}}', /^settings\.stream/],
    ['a newer format', '{"formatVersion": 2}', /^formatVersion/],
  ])('moves a corrupt file (%s) aside instead of resetting silently', async (_name, text, reason) => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-progress-'));
    const path = join(dir, 'p.json');
    await writeFile(path, text);
    const result = await loadProgress(path, () => Date.parse('2026-11-22T05:06:07.000Z'));
    expect(result.kind).toBe('corrupt');
    if (result.kind !== 'corrupt') return;
    expect(result.reason).toMatch(reason);
    expect(result.backup).toBe(`${path}.corrupt-2026-11-22T05-06-07-000Z`);
    expect(await readFile(result.backup, 'utf8')).toBe(text);
    expect(await loadProgress(path)).toEqual({ kind: 'missing' });
  });

  it('finds its folder from KINESIS_LAB_HOME, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configDir({ KINESIS_LAB_HOME: '/x' })).toBe('/x');
    expect(configDir({ XDG_CONFIG_HOME: '/y' })).toBe('/y/kinesis-lab');
    expect(configDir({})).toMatch(/\.config\/kinesis-lab$/);
  });
});

function run(startedAt: number): ProducerRun {
  return { api: 'put-record', stream: 'input-stream', region: 'ap-northeast-2', startedAt, endedAt: startedAt + 1, sent: 5, failed: 0, retried: 0, bytes: 500, recordsPerSecond: 5, samples: [] };
}

describe('ProgressStore: saves that merge', () => {
  it('keeps the runs of writers that save at the same moment (two produce runs on one home)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-progress-'));
    const path = progressPath(dir, 'kds', 'sandbox');
    const base = sample();
    await saveProgress(path, base);
    const writers = Array.from({ length: 8 }, () => new ProgressStore(path, base));
    await Promise.all(writers.map((store, i) => store.save({ ...base, ledger: recordRun(base.ledger, run(1000 + i)) })));
    const loaded = await loadProgress(path);
    expect(loaded.kind === 'loaded' && loaded.file.ledger.runs.map((r) => r.startedAt)).toEqual([1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007]);
    expect(await readdir(join(dir, 'progress'))).toEqual(['kds-sandbox.json']);
  });

  it('names the file and the system\'s reason when the disk is full, and leaves the old file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-progress-'));
    const path = progressPath(dir, 'kds', 'sandbox');
    await saveProgress(path, sample());
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const store = new ProgressStore(path, sample(), { write: () => Promise.reject(full) });
    const error = await store.save({ ...sample(), ledger: recordRun(emptyLedger(), run(1)) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProgressSaveError);
    expect(error).toMatchObject({ path, code: 'ENOSPC', message: `cannot save progress to ${path} (ENOSPC)` });
    expect(await loadProgress(path)).toEqual({ kind: 'loaded', file: sample() });
    expect(await readdir(join(dir, 'progress'))).toEqual(['kds-sandbox.json']);
  });

  it('moves a file damaged since it was read aside before saving, and says so', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kl-progress-'));
    const path = progressPath(dir, 'kds', 'sandbox');
    await saveProgress(path, sample());
    const store = new ProgressStore(path, sample(), { now: () => Date.parse('2026-11-22T05:06:07.000Z') });
    await writeFile(path, '{"formatVersion": 1, "sav');
    const saved = await store.save(sample());
    expect(saved.movedAside).toEqual({ path, backup: `${path}.corrupt-2026-11-22T05-06-07-000Z`, reason: expect.stringMatching(/^not JSON/) as unknown });
    expect((await loadProgress(path)).kind).toBe('loaded');
  });
});

describe('reconcileState', () => {
  it('keeps finished steps, adds new ones, drops removed ones and un-sticks busy ones', () => {
    const saved = initialState('kds', ['a', 'b', 'old'], []);
    saved.steps.a = { status: 'passed', attempts: 1, passedAt: 5 };
    saved.steps.b = { status: 'checking', attempts: 0 };
    saved.current = 'b';
    const fresh = initialState('kds', ['a', 'b', 'new'], ['new']);
    const merged = reconcileState(saved, fresh);
    expect(merged.steps).toEqual({
      a: { status: 'passed', attempts: 1, passedAt: 5 },
      b: { status: 'in-progress', attempts: 0 },
      new: { status: 'pending', attempts: 0 },
    });
    expect(merged.current).toBe('b');
    expect(merged.locked).toEqual(['new']);
  });

  it('falls back to the first playable step when the saved one is gone or locked', () => {
    const saved = { ...initialState('kds', ['a', 'b'], []), current: 'b' };
    expect(reconcileState(saved, initialState('kds', ['a', 'b'], ['b'])).current).toBe('a');
  });
});
