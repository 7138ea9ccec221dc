import { describe, expect, it } from 'vitest';
import type { ProgressFile } from './progress-codec.js';
import { labReport } from './lab-summary.js';
import { initialState } from './step-state.js';
import type { ProducerRun } from './session-ledger.js';

const run = (api: ProducerRun['api'], sent: number, stream = 'taxi', region = 'ap-northeast-2'): ProducerRun => ({
  api, stream, region, startedAt: 0, endedAt: 1, sent, failed: 0, retried: 0, bytes: 0, recordsPerSecond: 1, samples: [],
});

function file(): ProgressFile {
  const state = initialState('kds', ['create-stream', 'put-record', 'put-records', 'pipe'], ['pipe']);
  state.steps['create-stream'] = { status: 'passed', mode: 'auto', attempts: 1, startedAt: 1_000, passedAt: 61_000 };
  state.steps['put-record'] = { status: 'passed', mode: 'manual', attempts: 3, startedAt: 70_000, passedAt: 190_000 };
  state.steps['put-records'] = {
    status: 'failed', attempts: 2, startedAt: 200_000,
    lastResult: { step: 'put-records', outcome: 'error', summary: { en: 'x', ko: 'x' }, evidence: [], errorKind: 'stream-not-found' },
  };
  state.current = 'put-records';
  return {
    formatVersion: 1, savedAt: '2026-11-22T04:00:00.000Z', settings: { stream: 'taxi', region: 'ap-northeast-2' }, state,
    ledger: { runs: [run('put-record', 200), run('put-records', 5000), run('put-record', 50), run('put-record', 999, 'other'), run('put-record', 7, 'taxi', 'us-east-1')] },
  };
}

describe('labReport', () => {
  it('sums records sent to this run\'s stream and region only, per API', () => {
    expect(labReport(file()).recordsSent).toEqual({ 'put-record': 250, 'put-records': 5000, total: 5250 });
  });

  it('gives each step its status, attempts, time to pass and last error kind', () => {
    const report = labReport(file());
    expect(report.steps).toEqual([
      { id: 'create-stream', status: 'passed', mode: 'auto', attempts: 1, startedAt: 1_000, passedAt: 61_000, durationMs: 60_000 },
      { id: 'put-record', status: 'passed', mode: 'manual', attempts: 3, startedAt: 70_000, passedAt: 190_000, durationMs: 120_000 },
      { id: 'put-records', status: 'failed', attempts: 2, startedAt: 200_000, lastErrorKind: 'stream-not-found' },
      { id: 'pipe', status: 'pending', attempts: 0 },
    ]);
    expect(report.totalMs).toBe(180_000);
    expect(report.complete).toBe(false);
    expect(report.current).toBe('put-records');
  });

  it('lists the stream as built once step 1 passed, and completes when every playable step passed', () => {
    const f = file();
    expect(labReport(f).built).toEqual([{ kind: 'stream', name: 'taxi', region: 'ap-northeast-2' }]);
    f.state.steps['put-records'] = { status: 'passed', attempts: 3, startedAt: 200_000, passedAt: 200_500 };
    expect(labReport(f).complete).toBe(true);
    f.state.steps['create-stream'] = { status: 'pending', attempts: 0 };
    expect(labReport(f).built).toEqual([]);
  });
});
