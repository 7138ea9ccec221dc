/**
 * Step 4's check against a fake CloudWatch: the pass paths (this session's runs covered; the
 * learner's own script) and every failure with its errorKind, fix and numbers.
 */
import { describe, expect, it } from 'vitest';
import { STREAM_METRICS, type StreamMetricName, type StreamMetrics } from '../../src/aws/stream-metrics-reader.js';
import type { LabContext } from '../../src/checks/check-context.js';
import { checkPutMetricsVisible } from '../../src/checks/put-metrics-visible.js';
import { AWS_METRICS_DELAY, sandboxMetricsDelay, type MetricsDelay, type StreamMetricsSource } from '../../src/aws/stream-metrics-source.js';
import type { ProducerRun } from '../../src/engine/session-ledger.js';

const T0 = Date.UTC(2026, 10, 22, 4, 0, 0); // 04:00:00 UTC
const MIN = 60_000;

type Points = Partial<Record<StreamMetricName, [minute: number, value: number][]>>;

function metricsOf(points: Points, start: Date, end: Date): StreamMetrics {
  const series = Object.fromEntries(
    STREAM_METRICS.map((m) => {
      const list = points[m.name] ?? [];
      return [m.name, { metric: m.name, stat: m.stat, unit: m.unit, timestamps: list.map(([t]) => new Date(t)), values: list.map(([, v]) => v), status: 'Complete', messages: [] }];
    }),
  ) as unknown as StreamMetrics['series'];
  return { stream: 'input-stream', start, end, periodSeconds: 60, series, complete: true };
}

interface FakeOptions {
  points?: Points;
  delay?: MetricsDelay;
  now?: number;
  runs?: Partial<ProducerRun>[];
  regions?: string[];
  streams?: string[];
  readError?: Error;
  /** When the stream there now was created (default: a day before T0); null: there is no stream. */
  createdAt?: number | null;
}

function setup(options: FakeOptions = {}) {
  const reads: { stream: string; start: Date; end: Date }[] = [];
  const cloudwatch: StreamMetricsSource = {
    delay: options.delay ?? AWS_METRICS_DELAY,
    async read(stream, start, end) {
      reads.push({ stream, start, end });
      if (options.readError) throw options.readError;
      return metricsOf(options.points ?? {}, start, end);
    },
    streamsWithPutMetrics: async () => options.streams ?? [],
    regionsWithPutMetrics: async () => options.regions ?? [],
  };
  const runs: ProducerRun[] = (options.runs ?? []).map((r) => ({
    api: 'put-record',
    stream: 'input-stream',
    region: 'ap-northeast-2',
    startedAt: T0 + 10_000,
    endedAt: T0 + 20_000,
    sent: 100,
    failed: 0,
    retried: 0,
    bytes: 30_000,
    recordsPerSecond: 10,
    samples: [],
    ...r,
  }));
  const createdAt = options.createdAt === undefined ? T0 - 24 * 60 * MIN : options.createdAt;
  const kinesis = {
    describeStreamSummary: async (name: string) => {
      if (createdAt === null) throw Object.assign(new Error(`Stream ${name} under account 123456789012 not found.`), { name: 'ResourceNotFoundException' });
      return { name, arn: `arn:aws:kinesis:ap-northeast-2:123456789012:stream/${name}`, status: 'ACTIVE', mode: 'PROVISIONED', openShardCount: 1, retentionHours: 24, maxRecordBytes: 1_048_576, createdAt: new Date(createdAt) };
    },
  };
  const ctx = {
    kinesis,
    cloudwatch,
    stream: 'input-stream',
    region: 'ap-northeast-2',
    sandbox: cloudwatch.delay.target === 'sandbox',
    ledger: () => ({ runs }),
    clock: () => options.now ?? T0 + 3 * MIN,
    diagnose: async (error: unknown) => ({ kind: 'network', what: { en: (error as Error).message, ko: '네트워크' }, why: { en: 'why', ko: '이유' }, fix: { en: 'fix', ko: '해결' } }),
  } as unknown as LabContext;
  return { ctx, reads };
}

describe('put-metrics-visible', () => {
  it('passes when CloudWatch covers what this session sent with each API, reading from the first run', async () => {
    const { ctx, reads } = setup({
      runs: [{}, { api: 'put-records', sent: 500, startedAt: T0 + 30_000, endedAt: T0 + 70_000 }],
      points: {
        'PutRecord.Success': [[T0, 100]],
        'PutRecords.SuccessfulRecords': [[T0, 300], [T0 + MIN, 200]],
        IncomingRecords: [[T0, 400], [T0 + MIN, 200]],
      },
      now: T0 + 9 * MIN,
    });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(reads).toEqual([{ stream: 'input-stream', start: new Date(T0 + 10_000), end: new Date(T0 + 9 * MIN) }]);
    expect(result).toEqual({
      step: 'metrics',
      outcome: 'passed',
      summary: { en: 'CloudWatch counted all 600 record(s) this session sent to input-stream.', ko: '이번 세션에서 input-stream에 보낸 레코드 600개를 CloudWatch가 모두 집계했습니다.' },
      evidence: [
        {
          en: 'This session sent 100 record(s) with PutRecord and 500 with PutRecords to input-stream (ap-northeast-2), 04:00:10 UTC–04:01:10 UTC.',
          ko: '이번 세션에서 input-stream(ap-northeast-2)에 PutRecord로 100개, PutRecords로 500개를 보냈습니다(04:00:10 UTC~04:01:10 UTC).',
        },
        {
          en: 'GetMetricData, AWS/Kinesis, StreamName=input-stream, 60 s, Sum, 04:00:10 UTC–04:09:00 UTC: PutRecord.Success 100, PutRecords.SuccessfulRecords 500, IncomingRecords 600.',
          ko: 'GetMetricData, AWS/Kinesis, StreamName=input-stream, 60초, 합계, 04:00:10 UTC~04:09:00 UTC: PutRecord.Success 100, PutRecords.SuccessfulRecords 500, IncomingRecords 600.',
        },
        { en: 'Newest minute with data: 04:01:00 UTC.', ko: '데이터가 있는 가장 최근 분: 04:01:00 UTC.' },
      ],
    });
  });

  it('passes on any successful put when the records came from the learner\'s own script', async () => {
    const { ctx, reads } = setup({ points: { 'PutRecords.SuccessfulRecords': [[T0, 3]] }, now: T0 + 10 * MIN });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.outcome).toBe('passed');
    expect(result.summary.en).toBe('CloudWatch counted 3 record(s) put into input-stream in the last 180 minutes.');
    expect(reads[0]!.start).toEqual(new Date(T0 + 10 * MIN - 180 * MIN));
  });

  it('on AWS, inside the normal delay, says the records are on their way and when to expect them', async () => {
    // Sent 04:00:10–04:00:20; minute 04:00 ends 04:01; AWS shows it about 5 min later.
    const { ctx } = setup({ runs: [{}], now: T0 + 3 * MIN });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.outcome).toBe('failed');
    expect(result.errorKind).toBe('metrics-delay');
    expect(result.summary).toEqual({ en: 'CloudWatch has not counted the 100 record(s) yet: they are still on their way.', ko: 'CloudWatch가 레코드 100개를 아직 집계하지 않았습니다. 아직 오는 중입니다.' });
    expect(result.fix).toEqual({
      en: 'Kinesis adds up each minute and delivers it to CloudWatch asynchronously after the minute ends; on AWS that usually takes about 5–7 minutes after sending. Expect the data by about 04:06:00 UTC (in about 3 min), then check again (c).',
      ko: 'Kinesis는 1분 단위로 합산한 값을 그 1분이 끝난 뒤 CloudWatch에 비동기로 전달합니다. AWS에서는 보낸 뒤 보통 5~7분쯤 걸립니다. 04:06:00 UTC쯤(약 3분 뒤) 데이터가 보일 테니 그때 다시 확인하세요(c).',
    });
    expect(result.evidence.at(-1)).toEqual({ en: 'CloudWatch has no put data point for this stream in the window yet.', ko: '이 기간에 이 스트림의 put 데이터 포인트가 CloudWatch에 아직 없습니다.' });
  });

  it('on the sandbox, names its delay and counts what has arrived so far', async () => {
    const { ctx } = setup({
      delay: sandboxMetricsDelay(10_000, true),
      runs: [{}, { api: 'put-records', sent: 500, startedAt: T0 + 50_000, endedAt: T0 + 65_000 }],
      points: { 'PutRecord.Success': [[T0, 100]], 'PutRecords.SuccessfulRecords': [[T0, 400]] },
      now: T0 + MIN + 30_000,
    });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.errorKind).toBe('metrics-delay');
    expect(result.summary.en).toBe('CloudWatch has counted 500 of 600 record(s) so far; the rest are on their way.');
    expect(result.fix!.en).toBe(
      'The sandbox shows a minute 10 s after it ends; on AWS it usually takes about 5–7 minutes after sending. Expect the data by about 04:02:10 UTC (in about 40 s), then check again (c).',
    );
    expect(result.fix!.ko).toBe(
      '샌드박스는 1분이 끝나고 10초 뒤에 그 1분의 데이터를 보여 줍니다. AWS에서는 보낸 뒤 보통 5~7분쯤 걸립니다. 04:02:10 UTC쯤(약 40초 뒤) 데이터가 보일 테니 그때 다시 확인하세요(c).',
    );
  });

  it('says when a sandbox delay is only assumed', async () => {
    const { ctx } = setup({ delay: sandboxMetricsDelay(10_000, false), runs: [{}], now: T0 + MIN + 5_000 });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.fix!.en).toContain('The sandbox shows a minute 10 s after it ends (its default; kinesis-lab sandbox --metrics-delay changes it);');
  });

  it('points at another region where the stream has put metrics', async () => {
    const { ctx } = setup({ runs: [{}], now: T0 + 20 * MIN, regions: ['us-east-1'], streams: ['input-stream-2'] });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result).toMatchObject({
      outcome: 'failed',
      errorKind: 'metrics-wrong-region',
      summary: { en: 'No put metrics for input-stream in ap-northeast-2, but CloudWatch has them for a stream of that name in us-east-1.' },
      fix: {
        en: 'Your records went to us-east-1. Press f to switch the lab to us-east-1, or send them to ap-northeast-2 instead (AWS_REGION=ap-northeast-2, or region_name="ap-northeast-2" in boto3).',
      },
      autoFix: { type: 'switch-region', region: 'us-east-1' },
    });
  });

  it('points at a similarly named stream in this region', async () => {
    const { ctx } = setup({ now: T0 + 20 * MIN, streams: ['orders', 'input_stream'] });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.errorKind).toBe('metrics-wrong-stream');
    expect(result.summary.en).toBe('No put metrics for input-stream, but CloudWatch in ap-northeast-2 has them for "orders", "input_stream".');
    expect(result.fix).toEqual({
      en: 'Your script probably wrote to "input_stream". Press f to switch the lab to that stream, or use StreamName "input-stream" in your script.',
      ko: '스크립트가 "input_stream" 스트림에 쓴 것 같습니다. f를 눌러 실습을 그 스트림으로 바꾸거나, 스크립트의 StreamName을 "input-stream"으로 고치세요.',
    });
    expect(result.autoFix).toEqual({ type: 'switch-stream', stream: 'input_stream' });
  });

  it('points at the refused puts when none succeeded', async () => {
    const { ctx } = setup({
      now: T0 + 20 * MIN,
      points: { 'PutRecords.TotalRecords': [[T0, 800]], 'PutRecords.FailedRecords': [[T0, 800]], 'PutRecords.ThrottledRecords': [[T0, 800]], WriteProvisionedThroughputExceeded: [[T0, 12]] },
    });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.errorKind).toBe('metrics-puts-failed');
    expect(result.summary.en).toBe('Puts reached input-stream but none succeeded: 800 failed, 800 throttled, 12 over the shard limit.');
    expect(result.evidence).toContainEqual({
      en: 'Refused: PutRecords.FailedRecords 800, PutRecords.ThrottledRecords 800, WriteProvisionedThroughputExceeded 12.',
      ko: '거절됨: PutRecords.FailedRecords 800, PutRecords.ThrottledRecords 800, WriteProvisionedThroughputExceeded 12.',
    });
    expect(result.evidence).toContainEqual({ en: 'Newest minute with data: 04:00:00 UTC.', ko: '데이터가 있는 가장 최근 분: 04:00:00 UTC.' });
  });

  it('says nothing was sent when neither this session nor CloudWatch knows of any put', async () => {
    const { ctx } = setup({ now: T0 + 20 * MIN });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.errorKind).toBe('metrics-nothing-sent');
    expect(result.summary.en).toBe('No records were put into input-stream recently, as far as CloudWatch shows.');
    expect(result.fix!.en).toMatch(/^Press d to send a few hundred records with both APIs/);
  });

  it('after the delay with this session\'s runs and no data anywhere, asks to check where CloudWatch is read', async () => {
    const { ctx } = setup({ runs: [{}], now: T0 + 12 * MIN });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.errorKind).toBe('metrics-empty');
    expect(result.fix!.en).toContain('aws cloudwatch list-metrics --namespace AWS/Kinesis --dimensions Name=StreamName,Value=input-stream --region ap-northeast-2');
  });

  it('after the delay with fewer records counted than sent, quotes both numbers', async () => {
    const { ctx } = setup({ runs: [{ sent: 100 }], points: { 'PutRecord.Success': [[T0, 60]] }, now: T0 + 12 * MIN });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.errorKind).toBe('metrics-short');
    expect(result.summary.en).toBe('CloudWatch counted fewer records than this session sent: 60 of 100.');
  });

  it('ignores runs older than the window and runs on other streams or regions', async () => {
    const { ctx } = setup({
      runs: [{ startedAt: T0 - 300 * MIN, endedAt: T0 - 299 * MIN }, { stream: 'other' }, { region: 'us-east-1' }],
      points: { 'PutRecord.Success': [[T0, 1]] },
      now: T0 + 2 * MIN,
    });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.outcome).toBe('passed');
    expect(result.evidence[0]!.en).toMatch(/^This session's producers sent nothing to input-stream/);
  });

  it('turns a CloudWatch error into a diagnosis', async () => {
    const { ctx } = setup({ readError: new Error('connect ECONNREFUSED 127.0.0.1:4567') });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result).toMatchObject({ outcome: 'error', errorKind: 'network', summary: { en: 'connect ECONNREFUSED 127.0.0.1:4567' } });
  });

  it('does not count records sent to an older stream of this name, and says so in one line', async () => {
    // input-stream was deleted and created again at 04:05; the session's 100 records went to the old one.
    const { ctx, reads } = setup({ runs: [{}], createdAt: T0 + 5 * MIN, now: T0 + 20 * MIN });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    // From its creation, less a minute for the difference between the service's clock and the learner's.
    expect(reads[0]!.start).toEqual(new Date(T0 + 4 * MIN));
    expect(result).toMatchObject({ outcome: 'failed', errorKind: 'metrics-nothing-sent' });
    expect(result.evidence[0]).toEqual({
      en: 'The 100 record(s) sent earlier (04:00:10 UTC–04:00:20 UTC) went to an older input-stream, deleted since: the one there now was created at 04:05:00 UTC. They no longer count; press d to send a fresh sample.',
      ko: '앞서 보낸 레코드 100개(04:00:10 UTC~04:00:20 UTC)는 그 뒤 삭제된 예전 input-stream로 갔습니다. 지금 있는 스트림은 04:05:00 UTC에 만들어졌습니다. 그 레코드는 더 이상 인정되지 않으니 d를 눌러 새 샘플을 보내세요.',
    });
  });

  it('says the records went to a stream that is not there any more (a sandbox whose data is gone)', async () => {
    const { ctx } = setup({ runs: [{}], createdAt: null, now: T0 + 20 * MIN });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(result.outcome).toBe('failed');
    expect(result.evidence[0]!.en).toBe('The 100 record(s) sent earlier (04:00:10 UTC–04:00:20 UTC) went to input-stream, which is not there any more (deleted, or the sandbox\'s data is gone). They no longer count; press d to create the stream and send a fresh sample.');
  });

  it('counts from the latest sample "do it for me" sent, so records CloudWatch never showed cannot hold the step back', async () => {
    const { ctx, reads } = setup({
      runs: [
        { sent: 5000, api: 'put-records' },
        { purpose: 'metrics-sample', sent: 100, startedAt: T0 + 10 * MIN, endedAt: T0 + 10 * MIN + 1_000 },
        { purpose: 'metrics-sample', api: 'put-records', sent: 500, startedAt: T0 + 10 * MIN + 2_000, endedAt: T0 + 10 * MIN + 3_000 },
      ],
      points: { 'PutRecord.Success': [[T0 + 10 * MIN, 100]], 'PutRecords.SuccessfulRecords': [[T0 + 10 * MIN, 500]] },
      now: T0 + 12 * MIN,
    });
    const result = await checkPutMetricsVisible(ctx, 'metrics');
    expect(reads[0]!.start).toEqual(new Date(T0 + 10 * MIN));
    expect(result).toMatchObject({ outcome: 'passed', summary: { en: 'CloudWatch counted all 600 record(s) this session sent to input-stream.' } });
  });
});
