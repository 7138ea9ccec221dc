import type { Lang } from '../../../i18n/lang.js';

/** The metrics panel's words, English and Korean side by side; kept here since no other view uses them. */
export interface MetricsPanelText {
  title(stream: string, region: string): string;
  reading: string;
  readAt(clock: string, everySeconds: number): string;
  readFailed(message: string): string;
  legendPutRecord: string;
  legendPutRecords: string;
  chartCaption: string;
  axis(first: string, last: string): string;
  tableMinute: string;
  tableSent(api: string): string;
  remaining(duration: string): string;
  tableCounted: string;
  tableRefused: string;
  stateCounted: string;
  stateCounting: string;
  stateShort: string;
  stateWaiting: string;
  stateExtra: string;
  estimateNote: string;
  waitingTitle: string;
  sinceFirst(elapsed: string, at: string): string;
  expected(at: string, wait: string): string;
  overdue: string;
  whyAws: string;
  whySandbox(delay: string, known: boolean): string;
  cost(metrics: number, everySeconds: number): string;
  nothingSent(minutes: number): string;
  console: string;
  duration(ms: number): string;
}

const en: MetricsPanelText = {
  title: (stream, region) => `CloudWatch · ${stream} · ${region}`,
  reading: 'asking CloudWatch…',
  readAt: (clock, every) => `read ${clock}, every ${every} s`,
  readFailed: (message) => `CloudWatch could not be read: ${message}`,
  legendPutRecord: 'PutRecord.Success',
  legendPutRecords: 'PutRecords.SuccessfulRecords',
  chartCaption: 'records per minute (Sum)',
  axis: (first, last) => `${first} … ${last} UTC`,
  tableMinute: 'minute',
  tableSent: (api) => `${api} sent`,
  remaining: (duration) => `in ${duration}`,
  tableCounted: 'CW counted',
  tableRefused: 'failed/throttled',
  stateCounted: '✓ counted',
  stateCounting: '… counting',
  stateShort: '✗ fewer',
  stateWaiting: '… on its way',
  stateExtra: '+ other senders',
  estimateNote: 'sent = this session\'s producers; a run across minutes is split by time (estimate)',
  waitingTitle: 'Waiting for CloudWatch',
  sinceFirst: (elapsed, at) => `${elapsed} since your first record (${at})`,
  expected: (at, wait) => `expected by about ${at} (${wait})`,
  overdue: 'Later than usual: press c, and the check looks in other regions and under similar stream names.',
  whyAws:
    'Why: Kinesis adds up each minute and sends the totals after the minute ends; they reach CloudWatch asynchronously. On AWS data usually shows 5–7 minutes after sending; refreshing does not speed it up.',
  whySandbox: (delay, known) =>
    `Why: like AWS, the sandbox shows a minute only after it ends, here ${delay} later${known ? '' : ' (its default)'}. On AWS data usually shows 5–7 minutes after sending.`,
  cost: (metrics, every) =>
    `This panel makes one GetMetricData call every ${every} s, asking for ${metrics} metrics. GetMetricData is not in the free tier: it is billed per 1,000 metrics requested (about US$0.01 in us-east-1; see CloudWatch pricing), so ten minutes here cost a fraction of a cent. The stream metrics themselves are free.`,
  nothingSent: (minutes) => `No records from this session yet, and CloudWatch shows none in the last ${minutes} min: press d to send a sample with both APIs, or run your own script.`,
  console: 'On the AWS console (Monitoring tab)',
  duration: (ms) => {
    const s = Math.floor(ms / 1000);
    return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  },
};

const ko: MetricsPanelText = {
  title: (stream, region) => `CloudWatch · ${stream} · ${region}`,
  reading: 'CloudWatch 조회 중…',
  readAt: (clock, every) => `${clock} 조회, ${every}초마다 갱신`,
  readFailed: (message) => `CloudWatch를 조회하지 못했습니다: ${message}`,
  legendPutRecord: 'PutRecord.Success',
  legendPutRecords: 'PutRecords.SuccessfulRecords',
  chartCaption: '분당 레코드 수(합계)',
  axis: (first, last) => `${first} … ${last} UTC`,
  tableMinute: '분',
  tableSent: (api) => `${api} 보냄`,
  remaining: (duration) => `${duration} 뒤`,
  tableCounted: 'CW 집계',
  tableRefused: '실패/스로틀링',
  stateCounted: '✓ 집계됨',
  stateCounting: '… 집계 중',
  stateShort: '✗ 모자람',
  stateWaiting: '… 오는 중',
  stateExtra: '+ 다른 전송',
  estimateNote: '보냄 = 이번 세션의 프로듀서. 여러 분에 걸친 실행은 시간 비율로 나눈 추정치',
  waitingTitle: 'CloudWatch 기다리는 중',
  sinceFirst: (elapsed, at) => `첫 레코드(${at}) 이후 ${elapsed} 지남`,
  expected: (at, wait) => `${at}쯤 보일 예정(${wait})`,
  overdue: '평소보다 늦습니다. c를 누르면 다른 리전과 비슷한 이름의 스트림에서도 지표를 찾아봅니다.',
  whyAws:
    '이유: Kinesis는 1분 단위로 합산한 값을 그 1분이 끝난 뒤에 보내고, 이 값은 CloudWatch에 비동기로 전달됩니다. AWS에서는 보낸 뒤 보통 5~7분 지나야 보이며, 새로 고침해도 빨라지지 않습니다.',
  whySandbox: (delay, known) =>
    `이유: 샌드박스도 AWS처럼 1분이 끝난 뒤에야 그 1분을 보여 주며, 여기서는 ${delay} 뒤입니다${known ? '' : '(기본값)'}. AWS에서는 보낸 뒤 보통 5~7분 지나야 보입니다.`,
  cost: (metrics, every) =>
    `이 패널은 ${every}초마다 GetMetricData를 한 번 호출해 지표 ${metrics}개를 요청합니다. GetMetricData는 프리 티어에 포함되지 않으며 요청한 지표 1,000개 단위로 과금됩니다(us-east-1 기준 약 0.01달러, CloudWatch 요금 페이지 참고). 10분 동안 켜 두어도 1센트에 못 미칩니다. 스트림 지표 자체는 무료입니다.`,
  nothingSent: (minutes) => `이번 세션에서 보낸 레코드가 아직 없고, 최근 ${minutes}분 동안 CloudWatch에도 없습니다. d를 눌러 두 API로 샘플을 보내거나 직접 만든 스크립트를 실행하세요.`,
  console: 'AWS 콘솔(모니터링 탭)',
  duration: (ms) => {
    const s = Math.floor(ms / 1000);
    return s < 60 ? `${s}초` : `${Math.floor(s / 60)}분 ${String(s % 60).padStart(2, '0')}초`;
  },
};

export function metricsPanelText(lang: Lang): MetricsPanelText {
  return lang === 'ko' ? ko : en;
}

/** The stream's Monitoring tab in the AWS console, in the stream's region. */
export function monitoringConsoleUrl(region: string, stream: string): string {
  return `https://${region}.console.aws.amazon.com/kinesis/home?region=${region}#/streams/details/${encodeURIComponent(stream)}/monitoring`;
}
