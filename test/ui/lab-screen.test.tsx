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
    expect(text).toContain('stream input-stream · region us-east-1 (sandbox default) · sandbox http://127.0.0.1:4567');
    // The strip marks every step; the current one's whole title follows.
    expect(text).toContain('○1 ○2 ·3  1. Create the stream');
    expect(text).toContain('Shards hold records.');
    expect(text).toContain('Press d and kinesis-lab does this step for you, or m to do it yourself.');
    expect(text).toContain('d do it for me');
    // The text's own "# Create the stream" is not printed twice under the numbered title.
    expect(text.match(/Create the stream/g)).toHaveLength(1);
  });

  it('renders everything in Korean', () => {
    const text = frame(view(), 'ko');
    expect(text).toContain('Kinesis Data Streams 실습 · 연습 실습');
    expect(text).toContain('스트림 input-stream · 리전 us-east-1 (샌드박스 기본값) · 샌드박스 http://127.0.0.1:4567');
    expect(text).toContain('샤드에 레코드가 담깁니다.');
    expect(text).toContain('d 대신 해 주세요');
    expect(text).toContain('1. 스트림 만들기');
  });

  it('shows a passed check with what it looked at', () => {
    const v = view();
    v.state.steps['create-stream'] = {
      status: 'passed',
      attempts: 1,
      lastResult: { step: 'create-stream', outcome: 'passed', summary: t('Stream input-stream is ACTIVE.', 'ACTIVE입니다.'), evidence: [t('open shards: 1', '열린 샤드: 1개')] },
    };
    const text = frame(v);
    expect(text).toContain('✔1 ○2 ·3  1. Create the stream');
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
    expect(text).toContain('✘1 ○2 ·3  1. Create the stream');
    // The same heading as every other step's failure, even when the check could not look.
    expect(text).toContain('✘ Check failed: Stream input-stream not found in us-west-2.');
    expect(text).toContain('What to do: It exists in ap-northeast-2: run with --region ap-northeast-2.');
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
    // Full width: no step list beside the code, so a mouse selection takes only code.
    expect(text.split('\n').find((l) => l.includes('aws kinesis create-stream'))).toBe('│ aws kinesis create-stream --stream-name input-stream');
    expect(text).toContain('Hint 1/1: Same region as the producer.');
  });
});

describe('LabScreen at 80×24', () => {
  const longText = t(`# Create the stream\n\n${'Shards hold records. '.repeat(80)}`, `# 스트림 만들기\n\n${'샤드에 레코드가 담깁니다. '.repeat(80)}`);
  const longLab: Lab = { ...lab, steps: [{ ...lab.steps[0]!, body: longText }, ...lab.steps.slice(1)] };
  const failing = (_lang: 'en' | 'ko') => {
    const v = view();
    v.state.steps['create-stream'] = {
      status: 'failed',
      attempts: 1,
      lastResult: {
        step: 'create-stream',
        outcome: 'failed',
        summary: t('No stream "input_stream" in us-east-1 on the sandbox.', '샌드박스의 us-east-1 리전에 "input_stream" 스트림이 없습니다.'),
        evidence: Array.from({ length: 12 }, (_, i) => t(`fact ${i + 1}`, `사실 ${i + 1}`)),
        fix: t('Press the key below to use "input-stream". Or fix the name in your script.', '아래 키를 눌러 "input-stream" 스트림을 쓰세요. 또는 스크립트의 이름을 고치세요.'),
        autoFix: { type: 'switch-stream', stream: 'input-stream' },
      },
    };
    return v;
  };
  async function screen(v: RunnerView, lang: 'en' | 'ko', extra: Partial<Parameters<typeof LabScreen>[0]> = {}) {
    const { lastFrame, unmount } = render(
      <LabScreen lab={longLab} view={v} ui={initialUiState} info={{ ...info, stream: 'a-rather-long-stream-name-for-the-class' }} lang={lang} m={messages(lang)} columns={80} rows={24} now={0} stopping={false} captureKeys={() => undefined} fixOffer={{ type: 'switch-stream', stream: 'input-stream' }} {...extra} />,
    );
    // The step text measures itself after the first frame; its "more" sign comes with the next one.
    await new Promise((done) => setTimeout(done, 20));
    const text = lastFrame() ?? '';
    unmount();
    return text.split('\n');
  }

  it.each(['en', 'ko'] as const)('keeps the header, title, verdict, first sentence of the fix, f and the keys (%s)', async (lang) => {
    const lines = await screen(failing(lang), lang);
    expect(lines.length).toBeLessThanOrEqual(23);
    const text = lines.join('\n');
    expect(text).toContain(lang === 'en' ? 'stream a-rather-long-stream-name-for-the-class · region us-east-1' : '스트림 a-rather-long-stream-name-for-the-class · 리전 us-east-1');
    expect(text).toContain(lang === 'en' ? '1. Create the stream' : '1. 스트림 만들기');
    expect(text).toContain(lang === 'en' ? '✘ Check failed: No stream "input_stream" in us-east-1 on the sandbox.' : '✘ 확인 실패: 샌드박스의 us-east-1 리전에 "input_stream" 스트림이 없습니다.');
    expect(text).toContain(lang === 'en' ? 'What to do: Press the key below to use "input-stream".' : '해결 방법: 아래 키를 눌러 "input-stream" 스트림을 쓰세요.');
    expect(lines.some((l) => l.startsWith('f '))).toBe(true);
    expect(text).toContain(lang === 'en' ? 'f apply the fix' : 'f 해결 방법 적용');
    // The evidence gave way, with a sign and the key that shows all of it.
    expect(text).toMatch(lang === 'en' ? /… \d+ more lines: press r for the full result/ : /… \d+줄 더 있습니다: r을 누르면 결과 전체를 봅니다/);
    expect(text).toContain(lang === 'en' ? 'q quit' : 'q 종료');
    // The step text shrank to a window with its own sign.
    expect(text).toMatch(lang === 'en' ? /↓ \d+ more lines \(↑↓ PgUp PgDn\)/ : /↓ 아래에 \d+줄 더/);
  });

  it('shows every line of the result in the full result view', async () => {
    const lines = await screen(failing('en'), 'en', { ui: { ...initialUiState, resultScroll: 0 } });
    const text = lines.join('\n');
    expect(text).toContain('Full result (↑↓ to scroll, r or Esc to go back)');
    for (let i = 1; i <= 8; i++) expect(text).toContain(`• fact ${i}`);
    expect(text).toContain('r back');
  });

  it('below 80×24 says how big the terminal must be', () => {
    const { lastFrame, unmount } = render(<LabScreen lab={lab} view={view()} ui={initialUiState} info={info} lang="en" m={messages('en')} columns={79} rows={24} now={0} stopping={false} captureKeys={() => undefined} />);
    const text = lastFrame() ?? '';
    unmount();
    expect(text.replace(/\n/g, ' ')).toContain('This terminal is 79×24. The lab needs at least 80×24 so the check result and the fix always fit');
  });

  it('opens the code full width, at its top, with the sandbox lines to paste from the session', async () => {
    const code = { cli: Array.from({ length: 40 }, (_, i) => `echo line-${i + 1} --region us-east-1 --endpoint-url http://127.0.0.1:4567 --stream-name a-very-long-name`).join('\n'), typescript: 'ts', python: 'py' };
    const lines = await screen(view(), 'en', { code, ui: { ...initialUiState, showCode: true, scroll: 30 }, info: { ...info, sandboxCredentials: { accessKeyId: 'AKIALEARNER7', secretAccessKey: 'per-learner-secret' } } });
    const text = lines.join('\n');
    // Whole rows with no gutter: a mouse selection pastes into a shell as it is.
    expect(lines).toContain('export AWS_ENDPOINT_URL=http://127.0.0.1:4567');
    expect(lines).toContain('export AWS_ACCESS_KEY_ID=AKIALEARNER7');
    expect(lines).toContain('export AWS_SECRET_ACCESS_KEY=per-learner-secret');
    expect(lines).toContain('export AWS_REGION=us-east-1');
    // Wrapped at a space, the rest marked as the same line: no flag is cut in two.
    const first = lines.findIndex((l) => l.startsWith('│ echo line-1 '));
    expect(lines[first]!.length).toBeLessThanOrEqual(80);
    expect(lines[first + 1]).toMatch(/^┆ /);
    expect(lines.filter((l) => /--regio$|^┆ n /.test(l))).toEqual([]);
    expect(text).toContain('w save code files');
  });
});
