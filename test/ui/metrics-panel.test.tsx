/**
 * Step 4's panel: the chart and per-minute table once CloudWatch has data, the wait panel while it has
 * none (AWS and sandbox wording), and the container reading through the lab's services.
 */
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { STREAM_METRICS, type StreamMetrics } from '../../src/aws/stream-metrics-reader.js';
import type { LabContext } from '../../src/checks/check-context.js';
import { AWS_METRICS_DELAY, sandboxMetricsDelay, type MetricsDelay, type StreamMetricsSource } from '../../src/aws/stream-metrics-source.js';
import type { LabStep } from '../../src/content/lab-model.js';
import { emptyLedger, recordRun, type ProducerRun } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import type { Lang } from '../../src/i18n/lang.js';
import { messages } from '../../src/i18n/messages.js';
import { LabServicesProvider } from '../../src/ui/lab-services.js';
import { metricsPanelModel } from '../../src/ui/panels/metrics/metrics-panel-model.js';
import { metricsPanelText } from '../../src/ui/panels/metrics/metrics-panel-text.js';
import { MetricsView } from '../../src/ui/panels/metrics/MetricsView.js';
import { MetricsPanel } from '../../src/ui/panels/MetricsPanel.js';

const T0 = Date.UTC(2026, 10, 22, 4, 0, 0);
const MIN = 60_000;

function metricsOf(points: Partial<Record<string, [number, number][]>>): StreamMetrics {
  const series = Object.fromEntries(
    STREAM_METRICS.map((m) => {
      const list = points[m.name] ?? [];
      return [m.name, { metric: m.name, stat: m.stat, unit: m.unit, timestamps: list.map(([t]) => new Date(t)), values: list.map(([, v]) => v), status: 'Complete', messages: [] }];
    }),
  );
  return { stream: 'input-stream', start: new Date(T0), end: new Date(T0 + 10 * MIN), periodSeconds: 60, series, complete: true } as unknown as StreamMetrics;
}

function run(patch: Partial<ProducerRun>): ProducerRun {
  return { api: 'put-record', stream: 'input-stream', region: 'us-east-1', startedAt: T0 + 10_000, endedAt: T0 + 20_000, sent: 100, failed: 0, retried: 0, bytes: 1, recordsPerSecond: 10, samples: [], ...patch };
}

function frame(options: { metrics: StreamMetrics; runs: ProducerRun[]; now: number; delay: MetricsDelay; lang: Lang; intervalMs?: number }): string {
  const model = metricsPanelModel(options.metrics, options.runs, options.now, options.delay);
  const { lastFrame, unmount } = render(
    <MetricsView
      model={model}
      poll={{ metrics: options.metrics, readAt: options.now, reading: false }}
      delay={options.delay}
      stream="input-stream"
      region="us-east-1"
      metricCount={13}
      intervalMs={options.intervalMs ?? 30_000}
      lookbackMinutes={30}
      now={options.now}
      width={100}
      height={16}
      t={metricsPanelText(options.lang)}
    />,
  );
  const text = stripAnsi(lastFrame() ?? '');
  unmount();
  return text;
}

describe('the metrics panel', () => {
  it('charts records per minute by API and compares each minute with what this session sent', () => {
    const text = frame({
      metrics: metricsOf({ 'PutRecord.Success': [[T0, 100]], 'PutRecords.SuccessfulRecords': [[T0 + MIN, 300]], 'PutRecords.ThrottledRecords': [[T0 + MIN, 20]] }),
      runs: [run({}), run({ api: 'put-records', sent: 500, startedAt: T0 + MIN + 5_000, endedAt: T0 + MIN + 9_000 })],
      now: T0 + 2 * MIN + 5_000,
      delay: sandboxMetricsDelay(10_000, true),
      lang: 'en',
      intervalMs: 10_000,
    });
    expect(text).toBe(
      [
        'CloudWatch · input-stream · us-east-1 · read 04:02:05 UTC, every 10 s',
        'records per minute (Sum) ── PutRecord.Success ── PutRecords.SuccessfulRecords',
        '    300 ┼           ╭─────',
        '    257 ┤           │',
        '    214 ┤           │',
        '    171 ┤           │',
        '    129 ┤           │',
        '     86 ┤     ╭─────│',
        '     43 ┤     │     │',
        '      0 ┼───────────╯─────',
        '         03:59 … 04:01 UTC',
        'minute  PutRecord sent  CW counted  PutRecords sent  CW counted  failed/throttled',
        '04:00              100         100                0           0                 0  ✓ counted',
        '04:01                0           0              500         300                20  … counting',
      ].join('\n'),
    );
  });

  it('on AWS, while nothing has arrived, shows the wait, the reason, the cost of polling and the console link', () => {
    const text = frame({ metrics: metricsOf({}), runs: [run({})], now: T0 + 3 * MIN, delay: AWS_METRICS_DELAY, lang: 'en' });
    expect(text).toBe(
      [
        'CloudWatch · input-stream · us-east-1 · read 04:03:00 UTC, every 30 s',
        'Waiting for CloudWatch · 2 min 50 s since your first record (04:00:10 UTC)',
        '███████████████████░░░░░░░░░░░░░░░░░░░░░ expected by about 04:06:00 UTC (in 3 min 00 s)',
        'Why: Kinesis adds up each minute and sends the totals after the minute ends; they reach CloudWatch',
        'asynchronously. On AWS data usually shows 5–7 minutes after sending; refreshing does not speed it',
        'up.',
        'minute  PutRecord sent  CW counted  PutRecords sent  CW counted  failed/throttled',
        '04:00              100           0                0           0                 0  … on its way',
        'This panel makes one GetMetricData call every 30 s, asking for 13 metrics. GetMetricData is not in',
        'the free tier: it is billed per 1,000 metrics requested (about US$0.01 in us-east-1; see CloudWatch',
        'pricing), so ten minutes here cost a fraction of a cent. The stream metrics themselves are free.',
        'On the AWS console (Monitoring tab):',
        'https://us-east-1.console.aws.amazon.com/kinesis/home?region=us-east-1#/streams/details/input-stream',
        '/monitoring',
      ].join('\n'),
    );
  });

  it('in Korean on the sandbox, names the sandbox delay and what AWS does, and says when it is late', () => {
    const text = frame({ metrics: metricsOf({}), runs: [run({})], now: T0 + 4 * MIN, delay: sandboxMetricsDelay(10_000, false), lang: 'ko', intervalMs: 10_000 });
    expect(text).toBe(
      [
        'CloudWatch · input-stream · us-east-1 · 04:04:00 UTC 조회, 10초마다 갱신',
        'CloudWatch 기다리는 중 · 첫 레코드(04:00:10 UTC) 이후 3분 50초 지남',
        '████████████████████████████████████████ 04:01:10 UTC쯤 보일 예정(…)',
        '평소보다 늦습니다. c를 누르면 다른 리전과 비슷한 이름의 스트림에서도 지표를 찾아봅니다.',
        '이유: 샌드박스도 AWS처럼 1분이 끝난 뒤에야 그 1분을 보여 주며, 여기서는 10초 뒤입니다(기본값).',
        'AWS에서는 보낸 뒤 보통 5~7분 지나야 보입니다.',
        '분     PutRecord 보냄  CW 집계  PutRecords 보냄  CW 집계  실패/스로틀링',
        '04:00             100        0                0        0              0  ✗ 모자람',
      ].join('\n'),
    );
  });

  it('splits a run that crossed a minute by its time in each minute, and says the split is an estimate', () => {
    // 04:00:50–04:01:10: half of the run in each minute (rounded); the last minute takes the remainder.
    const text = frame({
      metrics: metricsOf({ 'PutRecords.SuccessfulRecords': [[T0, 250], [T0 + MIN, 251]] }),
      runs: [run({ api: 'put-records', sent: 501, startedAt: T0 + 50_000, endedAt: T0 + 70_000 })],
      now: T0 + 3 * MIN,
      delay: AWS_METRICS_DELAY,
      lang: 'en',
    });
    expect(text.split('\n').slice(-6, -3)).toEqual([
      '04:00                0           0              251         250                 0  … counting',
      '04:01                0           0              250         251                 0  ✓ counted',
      "sent = this session's producers; a run across minutes is split by time (estimate)",
    ]);
  });

  it('asks for records when neither this session nor CloudWatch has any', () => {
    const text = frame({ metrics: metricsOf({}), runs: [], now: T0, delay: AWS_METRICS_DELAY, lang: 'en' });
    expect(text.split('\n').slice(0, 3)).toEqual([
      'CloudWatch · input-stream · us-east-1 · read 04:00:00 UTC, every 30 s',
      'No records from this session yet, and CloudWatch shows none in the last 30 min: press d to send a',
      'sample with both APIs, or run your own script.',
    ]);
  });
});

describe('MetricsPanel', () => {
  it('reads the stream through the lab services from the first run of this session and draws the answer', async () => {
    const reads: [string, number, number][] = [];
    const source: StreamMetricsSource = {
      delay: sandboxMetricsDelay(0, true),
      async read(stream, start, end) {
        reads.push([stream, start.getTime(), end.getTime()]);
        return metricsOf({ 'PutRecord.Success': [[T0, 100]] });
      },
      streamsWithPutMetrics: async () => [],
      regionsWithPutMetrics: async () => [],
    };
    const now = T0 + 2 * MIN;
    const context = { cloudwatch: source, clock: () => now } as unknown as LabContext;
    const ledger = recordRun(emptyLedger(), run({}));
    const view = { state: initialState('lab', ['metrics'], []), ledger, notes: [], completed: false };
    const step: LabStep = { id: 'metrics', title: { en: 'M', ko: 'M' }, body: { en: 'b', ko: 'b' }, hints: [], comingNext: false };
    const info = { target: 'sandbox' as const, region: 'us-east-1', regionSource: 'sandbox-default' as const, stream: 'input-stream', notices: [] };
    const { lastFrame, unmount } = render(
      <LabServicesProvider context={context}>
        <MetricsPanel step={step} view={view} info={info} lang="en" m={messages('en')} width={100} height={16} now={now} captureKeys={() => undefined} />
      </LabServicesProvider>,
    );
    await expect.poll(() => stripAnsi(lastFrame() ?? '')).toContain('04:00              100         100                0           0                 0  ✓ counted');
    expect(reads[0]).toEqual(['input-stream', T0 + 10_000, now]);
    expect(stripAnsi(lastFrame() ?? '').split('\n')[0]).toBe('CloudWatch · input-stream · us-east-1 · read 04:02:00 UTC, every 10 s');
    unmount();
  });
});
