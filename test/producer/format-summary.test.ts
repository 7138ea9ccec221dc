import { describe, expect, it } from 'vitest';
import { formatSummaryLine } from '../../src/producer/format-summary.js';
import type { ProducerSummary } from '../../src/shared/producer-types.js';

const summary = (overrides: Partial<ProducerSummary> = {}): ProducerSummary => ({
  api: 'put-records',
  sent: 5000,
  failed: 0,
  retried: 3,
  requests: 10,
  bytes: 2_000_000,
  startedAt: 1_000,
  endedAt: 1_800,
  recordsPerSecond: 6250,
  samples: [],
  stoppedBy: 'count',
  ...overrides,
});

describe('formatSummaryLine', () => {
  it('says it in English', () => {
    expect(formatSummaryLine(summary(), 'en')).toBe('Sent 5000 records in 0.8 s (6250 records/s) — 0 failed, 3 retried');
  });

  it('says it in Korean', () => {
    expect(formatSummaryLine(summary(), 'ko')).toBe('레코드 5000개를 0.8초 동안 보냈습니다 (초당 6250개) — 실패 0개, 재시도 3회');
  });

  it('uses the singular for one record and rounds the rate', () => {
    expect(formatSummaryLine(summary({ sent: 1, failed: 2, retried: 0, endedAt: 4_000, recordsPerSecond: 1 / 3 }), 'en')).toBe(
      'Sent 1 record in 3.0 s (0 records/s) — 2 failed, 0 retried',
    );
  });
});

describe('formatSummaryLine after unanswered calls', () => {
  it('reports possible duplicates and failed records that may be in the stream, in both languages', () => {
    const s = summary({ sent: 98, failed: 2, retried: 7, possibleDuplicates: 3, uncertain: 1 });
    expect(formatSummaryLine(s, 'en')).toBe('Sent 98 records in 0.8 s (6250 records/s) — 2 failed, 7 retried, 3 possibly duplicated (1 of the failed may be in the stream)');
    expect(formatSummaryLine(s, 'ko')).toBe('레코드 98개를 0.8초 동안 보냈습니다 (초당 6250개) — 실패 2개, 재시도 7회, 중복 가능 3개 (실패 중 1개는 스트림에 있을 수도 있음)');
  });

  it('says nothing extra when every call was answered', () => {
    expect(formatSummaryLine(summary({ possibleDuplicates: 0, uncertain: 0 }), 'en')).toBe('Sent 5000 records in 0.8 s (6250 records/s) — 0 failed, 3 retried');
  });
});

describe('formatSummaryLine under throttling', () => {
  it('counts the throttled answers, in both languages', () => {
    const s = summary({ sent: 5000, retried: 1200, throttled: 1200 });
    expect(formatSummaryLine(s, 'en')).toBe('Sent 5000 records in 0.8 s (6250 records/s) — 0 failed, 1200 retried, 1200 throttled');
    expect(formatSummaryLine(s, 'ko')).toBe('레코드 5000개를 0.8초 동안 보냈습니다 (초당 6250개) — 실패 0개, 재시도 1200회, 스로틀링 1200회');
  });
});
