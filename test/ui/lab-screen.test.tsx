import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Lab } from '../../src/content/lab-model.js';
import { emptyLedger, recordRun } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import { messages } from '../../src/i18n/messages.js';
import type { RunnerView } from '../../src/runner/lab-runner.js';
import { applyProducerEvent, startLive } from '../../src/runner/producer-live.js';
import { LabScreen } from '../../src/ui/LabScreen.js';
import type { ScreenInfo } from '../../src/ui/screen-info.js';
import { initialUiState } from '../../src/ui/ui-state.js';

const t = (en: string, ko: string) => ({ en, ko });
const lab: Lab = {
  formatVersion: 1,
  id: 'fixture',
  dir: '/nowhere',
  title: t('Fixture lab', '연습 실습'),
  summary: t('s', 's'),
  steps: [
    { id: 'create-stream', title: t('Create the stream', '스트림 만들기'), body: t('# Create the stream\n\nShards hold **records**.', '# 스트림 만들기\n\n샤드에 **레코드**가 담깁니다.'), check: { kind: 'stream-active', params: {} }, action: { kind: 'create-stream', params: {} }, hints: [t('Same region as the producer.', '프로듀서와 같은 리전.')], comingNext: false },
    { id: 'put-records', title: t('Batches', '묶어서 보내기'), body: t('Batch text.', '묶음 설명.'), check: { kind: 'put-records-landed', params: {} }, action: { kind: 'produce', params: { api: 'put-records' } }, hints: [], comingNext: false },
    { id: 'metrics', title: t('Metrics', '지표'), body: t('Later.', '나중에.'), hints: [], comingNext: true },
  ],
};
const info: ScreenInfo = { target: 'sandbox', endpoint: 'http://127.0.0.1:4567', region: 'us-east-1', regionSource: 'sandbox-default', stream: 'input-stream', notices: [] };

function view(patch: Partial<RunnerView> = {}): RunnerView {
  return { state: initialState('fixture', ['create-stream', 'put-records', 'metrics'], ['metrics']), ledger: emptyLedger(), notes: [], completed: false, ...patch };
}

function frame(v: RunnerView, lang: 'en' | 'ko' = 'en', ui = initialUiState) {
  const { lastFrame, unmount } = render(
    <LabScreen lab={lab} view={v} ui={ui} info={info} lang={lang} m={messages(lang)} columns={100} rows={32} now={10_000} stopping={false} captureKeys={() => undefined} />,
  );
  const text = lastFrame() ?? '';
  unmount();
  return text;
}

describe('LabScreen', () => {
  it('shows where it runs, the steps with their state, the text and the choice', () => {
    const text = frame(view());
    expect(text).toContain('Kinesis Data Streams lab · Fixture lab');
    expect(text).toContain('sandbox http://127.0.0.1:4567 · region us-east-1 (sandbox-default) · stream input-stream');
    expect(text).toContain('○ 1. Create the stream');
    expect(text).toContain('· 3. Metrics');
    expect(text).toContain('coming next');
    expect(text).toContain('Shards hold records.');
    expect(text).toContain('Press d and kinesis-lab does this step for you, or m to do it yourself.');
    expect(text).toContain('d do it for me');
    // The text's own "# Create the stream" is not printed twice under the numbered title.
    expect(text.match(/Create the stream/g)).toHaveLength(2);
  });

  it('renders everything in Korean', () => {
    const text = frame(view(), 'ko');
    expect(text).toContain('Kinesis Data Streams 실습 · 연습 실습');
    expect(text).toContain('샌드박스 http://127.0.0.1:4567 · 리전 us-east-1');
    expect(text).toContain('샤드에 레코드가 담깁니다.');
    expect(text).toContain('d 대신 해 주세요');
    expect(text).toContain('곧 추가');
  });

  it('shows a passed check with what it looked at', () => {
    const v = view();
    v.state.steps['create-stream'] = {
      status: 'passed',
      attempts: 1,
      lastResult: { step: 'create-stream', outcome: 'passed', summary: t('Stream input-stream is ACTIVE.', 'ACTIVE입니다.'), evidence: [t('open shards: 1', '열린 샤드: 1개')] },
    };
    const text = frame(v);
    expect(text).toContain('✔ 1. Create the stream');
    expect(text).toContain('✔ Check passed: Stream input-stream is ACTIVE.');
    expect(text).toContain('What the check looked at');
    expect(text).toContain('• open shards: 1');
  });

  it('shows a failure with its fix', () => {
    const v = view();
    v.state.steps['create-stream'] = {
      status: 'failed',
      attempts: 1,
      lastResult: { step: 'create-stream', outcome: 'error', summary: t('Stream input-stream not found in us-west-2.', 'x'), evidence: [], fix: t('It exists in ap-northeast-2: run with --region ap-northeast-2.', 'x'), errorKind: 'stream-not-found' },
    };
    const text = frame(v);
    expect(text).toContain('✘ 1. Create the stream');
    expect(text).toContain('✘ Something went wrong: Stream input-stream not found in us-west-2.');
    expect(text).toContain('What to do');
    expect(text).toContain('It exists in ap-northeast-2: run with --region ap-northeast-2.');
  });

  it('shows a running producer with its log, then PutRecord vs PutRecords side by side', () => {
    let live = startLive('put-records', 0);
    live = applyProducerEvent(live, { type: 'batch-sent', at: 1000, records: 500, failed: 2, bytes: 100_000, requestId: 'req-1', httpStatus: 200 });
    live = applyProducerEvent(live, { type: 'retry', at: 1000, api: 'put-records', records: 2, reason: 'ProvisionedThroughputExceededException', delayMs: 50 });
    const v = view({ actionStep: 'put-records', actionStartedAt: 0, producer: live });
    v.state.current = 'put-records';
    v.state.steps['put-records'] = { status: 'acting', mode: 'auto', attempts: 0 };
    v.ledger = recordRun(emptyLedger(), { api: 'put-record', stream: 'input-stream', region: 'us-east-1', startedAt: 0, endedAt: 1000, sent: 400, failed: 0, retried: 0, bytes: 1, recordsPerSecond: 400, samples: [] });
    v.ledger = recordRun(v.ledger, { api: 'put-records', stream: 'input-stream', region: 'us-east-1', startedAt: 0, endedAt: 1000, sent: 8000, failed: 0, retried: 0, bytes: 1, recordsPerSecond: 8000, samples: [] });
    const text = frame(v);
    expect(text).toContain('Producer · PutRecords · sent 498 · failed 0 · retried 2 · 498 records/s');
    expect(text).toContain('req-1');
    expect(text).toContain('500 records, 2 failed');
    expect(text).toContain('PutRecord   400 records/s');
    expect(text).toContain('PutRecords  8000 records/s');
    expect(text).toContain('PutRecords is 20.0× faster here');
    expect(text).toContain('x stop');
  });

  it('opens the code panel and the hint on request', () => {
    const code = { cli: 'aws kinesis create-stream --stream-name input-stream', typescript: 'ts', python: 'py' };
    const { lastFrame, unmount } = render(
      <LabScreen lab={lab} view={view()} ui={{ ...initialUiState, showCode: true, hint: 0 }} info={info} lang="en" m={messages('en')} columns={100} rows={32} code={code} now={0} stopping={false} captureKeys={() => undefined} />,
    );
    const text = lastFrame() ?? '';
    unmount();
    expect(text).toContain('The same step by hand');
    expect(text).toContain('│ aws kinesis create-stream --stream-name input-stream');
    expect(text).toContain('Hint 1/1: Same region as the producer.');
  });
});
