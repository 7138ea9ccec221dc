import { describe, expect, it } from 'vitest';
import type { Lab } from '../../content/lab-model.js';
import { initialState } from '../../engine/step-state.js';
import { completionLines } from './extra-blocks.js';

const lab = { steps: [{ id: 'create-stream' }, { id: 'put-record' }] } as unknown as Lab;
const state = initialState('kds', ['create-stream', 'put-record']);
state.steps['create-stream'] = { status: 'passed', attempts: 1, startedAt: 0, passedAt: 62_000 };
state.steps['put-record'] = { status: 'passed', attempts: 2, startedAt: 70_000, passedAt: 115_000 };
const ledger = { runs: [{ api: 'put-record' as const, stream: 'taxi', region: 'ap-northeast-2', startedAt: 0, endedAt: 1, sent: 200, failed: 0, retried: 0, bytes: 0, recordsPerSecond: 9, samples: [] }] };

describe('completionLines', () => {
  it('says what was built, records sent, time per step, and that q on AWS offers cleanup', () => {
    const lines = completionLines(lab, { state, ledger }, { stream: 'taxi', region: 'ap-northeast-2', target: 'aws' }, 'en', 80).map((l) => l.text);
    expect(lines).toEqual([
      'What you did',
      'Built: stream taxi in ap-northeast-2',
      'Records sent: 200 · time on the steps: 1m 47s',
      'Time per step: 1. 1m 02s · 2. 45s',
      'Press q to finish: kinesis-lab then lists what still runs (and costs) on AWS and',
      'offers to delete it.',
    ]);
  });

  it('tells a sandbox learner nothing costs money, in Korean, with Korean durations', () => {
    const text = completionLines(lab, { state, ledger }, { stream: 'taxi', region: 'ap-northeast-2', target: 'sandbox' }, 'ko', 100).map((l) => l.text).join('\n');
    expect(text).toContain('이번 실습에서 한 일');
    expect(text).toContain('보낸 레코드 200개 · 단계에 쓴 시간 1분 47초');
    expect(text).toContain('단계별 시간: 1. 1분 02초 · 2. 45초');
    expect(text).toContain('샌드박스에서는 요금이 나가지 않으며');
  });
});
