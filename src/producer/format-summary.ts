import type { Lang } from '../i18n/lang.js';
import type { ProducerSummary } from '../shared/producer-types.js';

/**
 * The one line a producer run ends with, e.g.
 * `Sent 5000 records in 0.8 s (6250 records/s) — 0 failed, 3 retried` or
 * `레코드 5000개를 0.8초 동안 보냈습니다 (초당 6250개) — 실패 0개, 재시도 3회`.
 */
export function formatSummaryLine(summary: ProducerSummary, lang: Lang): string {
  const seconds = (Math.max(0, summary.endedAt - summary.startedAt) / 1000).toFixed(1);
  const perSecond = Math.round(summary.recordsPerSecond);
  const { sent, failed, retried } = summary;
  const throttled = summary.throttled ?? 0;
  const duplicates = summary.possibleDuplicates ?? 0;
  const uncertain = summary.uncertain ?? 0;
  if (lang === 'ko') {
    const extra = (throttled > 0 ? `, 스로틀링 ${throttled}회` : '') + (duplicates > 0 ? `, 중복 가능 ${duplicates}개` : '') + (uncertain > 0 ? ` (실패 중 ${uncertain}개는 스트림에 있을 수도 있음)` : '');
    return `레코드 ${sent}개를 ${seconds}초 동안 보냈습니다 (초당 ${perSecond}개) — 실패 ${failed}개, 재시도 ${retried}회${extra}`;
  }
  const extra = (throttled > 0 ? `, ${throttled} throttled` : '') + (duplicates > 0 ? `, ${duplicates} possibly duplicated` : '') + (uncertain > 0 ? ` (${uncertain} of the failed may be in the stream)` : '');
  return `Sent ${sent} ${sent === 1 ? 'record' : 'records'} in ${seconds} s (${perSecond} records/s) — ${failed} failed, ${retried} retried${extra}`;
}
