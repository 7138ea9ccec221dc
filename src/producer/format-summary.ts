import type { Lang } from '../i18n/lang.js';
import type { ProducerSummary } from './producer-types.js';

/**
 * The one line a producer run ends with, e.g.
 * `Sent 5000 records in 0.8 s (6250 records/s) — 0 failed, 3 retried` or
 * `레코드 5000개를 0.8초 동안 보냈습니다 (초당 6250개) — 실패 0개, 재시도 3회`.
 */
export function formatSummaryLine(summary: ProducerSummary, lang: Lang): string {
  const seconds = (Math.max(0, summary.endedAt - summary.startedAt) / 1000).toFixed(1);
  const perSecond = Math.round(summary.recordsPerSecond);
  const { sent, failed, retried } = summary;
  if (lang === 'ko') {
    return `레코드 ${sent}개를 ${seconds}초 동안 보냈습니다 (초당 ${perSecond}개) — 실패 ${failed}개, 재시도 ${retried}회`;
  }
  return `Sent ${sent} ${sent === 1 ? 'record' : 'records'} in ${seconds} s (${perSecond} records/s) — ${failed} failed, ${retried} retried`;
}
