import type { PipeTargetKind, StartingPosition } from '../../../resources/pipe-settings.js';
import type { Lang } from '../../../i18n/lang.js';
import type { FieldId, FilterPreset } from './pipe-form.js';

/** Every string the pipe panel shows, in English and Korean. */
export interface PipePanelText {
  settingsTitle: string;
  editHint: string;
  formTitle: string;
  formKeys: string;
  /** Fields of the form scrolled out of view, above or below. */
  moreFields: (n: number) => string;
  field: Record<FieldId, string>;
  position: Record<StartingPosition, string>;
  preset: Record<FilterPreset, string>;
  targetKind: Record<PipeTargetKind, string>;
  presetValue: (preset: FilterPreset) => string;
  summary: (position: string, batch: number, windowSeconds: number, parallel: number, filter: string) => string;
  noFilter: string;
  filterTest: (passing: number, total: number) => string;
  filterNoSamples: string;
  filterInvalid: string;
  filterNone: string;
  awsAsking: string;
  awsTested: (passing: number, total: number) => string;
  awsRefused: (message: string) => string;
  awsFailed: (message: string) => string;
  eventTitle: (sequenceNumber: string) => string;
  /** The sign under an event cut to the rows the panel has. */
  moreEvent: (n: number) => string;
  decoded: string;
  noRecordYet: string;
  pipeNone: (name: string) => string;
  pipeState: (name: string, state: string) => string;
  reason: string;
  creatingNote: string;
  arrivedTitle: (count: number, target: string) => string;
  arrivedLine: (partitionKey: string, sourceSequence: string, fare: string) => string;
  inOrder: string;
  outOfOrder: string;
  readError: (message: string) => string;
  saved: string;
}

const en: PipePanelText = {
  settingsTitle: 'Pipe settings',
  editHint: 'e: edit settings and filter',
  formTitle: 'Pipe settings — used by "do it for me" (d) and the check',
  formKeys: '↑/↓ field · ←/→ choose · type to edit · Enter save · Esc cancel',
  moreFields: (n) => `${n} more ${n === 1 ? 'row' : 'rows'}`,
  field: {
    startingPosition: 'Starting position',
    minutesAgo: 'Minutes before creation',
    batchSize: 'Batch size (1–10000)',
    batchingWindowSeconds: 'Batching window, s (0–300)',
    parallelizationFactor: 'Parallelization (1–10)',
    filterPreset: 'Filter',
    presetValue: 'Value',
    customFilter: 'Pattern (JSON)',
    target: 'Target',
  },
  position: {
    TRIM_HORIZON: 'From the oldest record still in the stream: nothing sent before or during creation is missed.',
    LATEST: 'Only records written after the pipe starts polling. Creating takes a minute or two on AWS: records sent meanwhile are MISSED.',
    AT_TIMESTAMP: 'From a point in time: records that arrived after it, including those sent while the pipe is created.',
  },
  targetKind: { kinesis: 'a second Kinesis stream', logs: 'a CloudWatch Logs log group' },
  preset: { none: 'none (every record)', 'fare-above': 'fare above an amount', vendor: 'one vendor', card: 'card payments', custom: 'your own JSON pattern' },
  presetValue: (preset) => (preset === 'fare-above' ? 'Fare above' : 'Vendor id'),
  summary: (position, batch, windowSeconds, parallel, filter) => `${position} · batch ${batch} records or ${windowSeconds} s · parallelization ${parallel} · filter: ${filter}`,
  noFilter: 'none',
  filterTest: (passing, total) => `Filter tried on ${total} of your records: ${passing} pass, ${total - passing} dropped`,
  filterNoSamples: 'No records in your stream yet to try the filter on (steps 2–3 send some).',
  filterInvalid: 'The pattern is not valid yet:',
  filterNone: 'No filter: every record goes to the target.',
  awsAsking: 'Asking EventBridge (TestEventPattern) about your newest records…',
  awsTested: (passing, total) => `EventBridge (TestEventPattern) on your ${total} newest records: ${passing} pass, ${total - passing} dropped`,
  awsRefused: (message) => `EventBridge refuses this pattern: ${message}`,
  awsFailed: (message) => `(our own matcher: EventBridge could not be asked — ${message})`,
  eventTitle: (seq) => `The event the pipe builds for your record …${seq.slice(-8)}:`,
  moreEvent: (n) => `… ${n} more ${n === 1 ? 'line' : 'lines'} of the event (a taller terminal shows all of it)`,
  decoded: '"data" is base64 of:',
  noRecordYet: 'Send records (steps 2–3) to see the event a pipe builds for one of them.',
  pipeNone: (name) => `Pipe ${name}: not created yet (d creates it).`,
  pipeState: (name, state) => `Pipe ${name}: ${state}`,
  reason: 'StateReason',
  creatingNote: 'AWS takes a minute or two to create a pipe with a Kinesis source; the sandbox a few seconds.',
  arrivedTitle: (count, target) => `${count} event(s) arrived at ${target} (newest last):`,
  arrivedLine: (key, seq, fare) => `key ${key} · source seq …${seq.slice(-8)}${fare ? ` · fare ${fare}` : ''}`,
  inOrder: 'Order per partition key: kept.',
  outOfOrder: 'Order per partition key: NOT kept for some keys.',
  readError: (message) => `Could not read: ${message}`,
  saved: 'Saved. Press d to create or update the pipe with these settings.',
};

const ko: PipePanelText = {
  settingsTitle: '파이프 설정',
  editHint: 'e: 설정과 필터 바꾸기',
  formTitle: '파이프 설정 — "대신 해 주세요"(d)와 확인에 쓰입니다',
  formKeys: '↑/↓ 항목 · ←/→ 선택 · 입력해서 수정 · Enter 저장 · Esc 취소',
  moreFields: (n) => `${n}줄 더`,
  field: {
    startingPosition: '시작 위치',
    minutesAgo: '생성 몇 분 전부터',
    batchSize: '배치 크기 (1–10000)',
    batchingWindowSeconds: '배치 기간, 초 (0–300)',
    parallelizationFactor: '병렬화 계수 (1–10)',
    filterPreset: '필터',
    presetValue: '값',
    customFilter: '패턴 (JSON)',
    target: '대상',
  },
  position: {
    TRIM_HORIZON: '스트림에 남아 있는 가장 오래된 레코드부터 읽습니다. 생성 전이나 생성 중에 보낸 레코드도 놓치지 않습니다.',
    LATEST: '파이프가 폴링을 시작한 뒤 쓰인 레코드만 읽습니다. AWS에서 생성에 1~2분이 걸리므로 그동안 보낸 레코드는 놓칩니다.',
    AT_TIMESTAMP: '정한 시각 이후에 도착한 레코드부터 읽습니다. 파이프를 만드는 동안 보낸 레코드도 포함됩니다.',
  },
  targetKind: { kinesis: '두 번째 Kinesis 스트림', logs: 'CloudWatch Logs 로그 그룹' },
  preset: { none: '없음(모든 레코드)', 'fare-above': '요금이 일정 금액 초과', vendor: '특정 업체', card: '카드 결제', custom: '직접 쓴 JSON 패턴' },
  presetValue: (preset) => (preset === 'fare-above' ? '기준 요금' : '업체 ID'),
  summary: (position, batch, windowSeconds, parallel, filter) => `${position} · 배치 ${batch}개 또는 ${windowSeconds}초 · 병렬화 ${parallel} · 필터: ${filter}`,
  noFilter: '없음',
  filterTest: (passing, total) => `내 레코드 ${total}개에 필터를 적용한 결과: ${passing}개 통과, ${total - passing}개 제외`,
  filterNoSamples: '필터를 시험할 레코드가 아직 스트림에 없습니다(2~3단계에서 보냅니다).',
  filterInvalid: '패턴이 아직 올바르지 않습니다:',
  filterNone: '필터 없음: 모든 레코드가 대상으로 갑니다.',
  awsAsking: '최근 레코드로 EventBridge(TestEventPattern)에 확인하는 중…',
  awsTested: (passing, total) => `EventBridge(TestEventPattern)로 최근 레코드 ${total}개를 시험한 결과: ${passing}개 통과, ${total - passing}개 제외`,
  awsRefused: (message) => `EventBridge가 이 패턴을 거부합니다: ${message}`,
  awsFailed: (message) => `(자체 매처의 결과입니다. EventBridge에 확인하지 못했습니다: ${message})`,
  eventTitle: (seq) => `내 레코드 …${seq.slice(-8)}에 대해 파이프가 만드는 이벤트:`,
  moreEvent: (n) => `… 이벤트가 ${n}줄 더 있습니다(터미널이 더 크면 전부 보입니다)`,
  decoded: '"data"는 다음 내용의 base64:',
  noRecordYet: '레코드를 보내면(2~3단계) 파이프가 만드는 이벤트를 보여 드립니다.',
  pipeNone: (name) => `${name} 파이프: 아직 없습니다(d를 누르면 만듭니다).`,
  pipeState: (name, state) => `${name} 파이프: ${state}`,
  reason: 'StateReason',
  creatingNote: 'AWS에서 Kinesis 소스 파이프를 만드는 데 1~2분, 샌드박스에서는 몇 초가 걸립니다.',
  arrivedTitle: (count, target) => `${target}에 이벤트 ${count}개 도착(마지막이 최신):`,
  arrivedLine: (key, seq, fare) => `키 ${key} · 소스 시퀀스 …${seq.slice(-8)}${fare ? ` · 요금 ${fare}` : ''}`,
  inOrder: '파티션 키별 순서: 유지됨.',
  outOfOrder: '파티션 키별 순서: 일부 키에서 유지되지 않음.',
  readError: (message) => `읽지 못했습니다: ${message}`,
  saved: '저장했습니다. d를 누르면 이 설정으로 파이프를 만들거나 수정합니다.',
};

export function pipePanelText(lang: Lang): PipePanelText {
  return lang === 'ko' ? ko : en;
}
