import { describe, expect, it } from 'vitest';
import { diagnosedResult } from '../../src/checks/diagnosed-result.js';
import { checkJsonLine } from '../../src/cli/format-check.js';
import type { Diagnosis } from '../../src/diagnose/diagnosis.js';
import { decodeProgress, encodeProgress, type ProgressFile } from '../../src/engine/progress-codec.js';
import { emptyLedger } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';

const notFound: Diagnosis = {
  kind: 'stream-in-other-region',
  what: { en: 'Stream input-stream is not in us-east-1.', ko: 'us-east-1에 input-stream 스트림이 없습니다.' },
  why: { en: 'It exists in ap-northeast-2.', ko: 'ap-northeast-2에 있습니다.' },
  fix: { en: 'Switch to ap-northeast-2.', ko: 'ap-northeast-2로 바꾸세요.' },
  autoFix: { type: 'switch-region', region: 'ap-northeast-2' },
};

describe('a diagnosis\'s one-key fix travels with the check result', () => {
  it('diagnosedResult keeps autoFix; check --json shows it; a result without one has no key', () => {
    const result = diagnosedResult('create-stream', notFound);
    expect(result.autoFix).toEqual({ type: 'switch-region', region: 'ap-northeast-2' });
    expect(JSON.parse(checkJsonLine(result, 'en'))).toEqual({
      step: 'create-stream', ok: false, summary: 'Stream input-stream is not in us-east-1.', evidence: ['It exists in ap-northeast-2.'], fix: 'Switch to ap-northeast-2.',
      autoFix: { type: 'switch-region', region: 'ap-northeast-2' },
    });
    const { autoFix: _none, ...plain } = notFound;
    expect('autoFix' in JSON.parse(checkJsonLine(diagnosedResult('create-stream', plain), 'en'))).toBe(false);
  });

  it.each([
    { type: 'switch-region', region: 'ap-northeast-2' },
    { type: 'switch-stream', stream: 'input_stream' },
    { type: 'wait-and-retry', delayMs: 5000 },
    { type: 'create-stream', stream: 'input-stream' },
  ] as const)('the progress file keeps %j', (autoFix) => {
    const state = initialState('kds', ['create-stream']);
    const step = state.steps['create-stream'];
    if (!step) throw new Error('no step');
    step.lastResult = { ...diagnosedResult('create-stream', notFound), autoFix };
    const file: ProgressFile = { formatVersion: 1, savedAt: '2026-11-22T04:00:00.000Z', settings: { stream: 'input-stream', region: 'us-east-1' }, state, ledger: emptyLedger() };
    const decoded = decodeProgress(encodeProgress(file));
    expect(decoded.ok && decoded.file.state.steps['create-stream']?.lastResult?.autoFix).toEqual(autoFix);
  });

  it('an unknown fix kind in a progress file is refused, not trusted', () => {
    const state = initialState('kds', ['create-stream']);
    const file: ProgressFile = { formatVersion: 1, savedAt: '2026-11-22T04:00:00.000Z', settings: { stream: 'input-stream', region: 'us-east-1' }, state, ledger: emptyLedger() };
    const raw = JSON.parse(encodeProgress(file)) as { state: { steps: Record<string, Record<string, unknown>> } };
    const step = raw.state.steps['create-stream']!;
    step.lastResult = { step: 'create-stream', outcome: 'error', summary: { en: 'x', ko: 'x' }, evidence: [], autoFix: { type: 'rm-rf' } };
    expect(decodeProgress(JSON.stringify(raw)).ok).toBe(false);
    step.lastResult = { step: 'create-stream', outcome: 'error', summary: { en: 'x', ko: 'x' }, evidence: [] };
    expect(decodeProgress(JSON.stringify(raw)).ok).toBe(true);
  });
});
