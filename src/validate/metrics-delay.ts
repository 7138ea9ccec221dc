import type { Localized } from '../i18n/lang.js';
import { invalid, quoted, valid, type Validation } from './validation-error.js';

const PATTERN = /^(?:(\d+)m)?(?:(\d+)s)?$/;
const MAX_MS = 15 * 60_000;

/**
 * The sandbox's `--metrics-delay`: how long after a minute ends its metrics show. `0s` is allowed
 * (the minute still has to end), up to 15 minutes, beyond anything AWS shows; `10s`, `2m`, `1m30s`
 * or bare seconds (`90`).
 */
export function validateMetricsDelay(input: string): Validation<number> {
  const rule: Localized = {
    en: 'write it like 0s, 10s, 2m or 90 (seconds), from 0 seconds to 15 minutes.',
    ko: '0s, 10s, 2m, 90(초)처럼 쓰고, 0초부터 15분까지 정할 수 있습니다.',
  };
  const text = input.trim().toLowerCase();
  const shown = quoted(input);
  if (text === '') return invalid(input, { en: `Metrics delay is empty; ${rule.en}`, ko: `지표 지연 시간이 비어 있습니다. ${rule.ko}` });
  let ms: number | undefined;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const match = PATTERN.exec(text);
    if (match) ms = (Number(match[1] ?? '0') * 60 + Number(match[2] ?? '0')) * 1000;
  }
  if (ms === undefined) return invalid(input, { en: `Metrics delay ${shown} is not a duration; ${rule.en}`, ko: `지표 지연 시간 ${shown} 값을 읽을 수 없습니다. ${rule.ko}` });
  if (ms > MAX_MS) return invalid(input, { en: `Metrics delay ${shown} is longer than 15 minutes; ${rule.en}`, ko: `지표 지연 시간 ${shown} 값이 15분보다 깁니다. ${rule.ko}` });
  return valid(ms);
}
