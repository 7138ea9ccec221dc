import type { Localized } from '../i18n/lang.js';
import { parseDurationMs } from './producer-options.js';
import { invalid, quoted, valid, type Validation } from './validation-error.js';

const MIN_MS = 100;
const MAX_MS = 10 * 60_000;

/**
 * `KINESIS_LAB_CALL_TIMEOUT`: how long one AWS call waits for an answer before it is tried again (and
 * connecting gets at most 5 s of it). `30s`, `2m`, `500ms` or bare seconds (`45`); 100 ms to 10 minutes.
 */
export function validateCallTimeout(input: string): Validation<number> {
  const rule: Localized = {
    en: 'write it like 30s, 2m, 500ms or 45 (seconds), from 100 ms to 10 minutes.',
    ko: '30s, 2m, 500ms, 45(초)처럼 쓰고, 100ms부터 10분까지 정할 수 있습니다.',
  };
  const text = input.trim().toLowerCase();
  const shown = quoted(input);
  const millis = /^(\d+)ms$/.exec(text);
  const ms = millis ? Number(millis[1]) : text === '' ? undefined : parseDurationMs(text);
  if (ms === undefined) return invalid(input, { en: `Call timeout ${shown} is not a duration; ${rule.en}`, ko: `호출 제한 시간 ${shown} 값을 읽을 수 없습니다. ${rule.ko}` });
  if (ms < MIN_MS || ms > MAX_MS) return invalid(input, { en: `Call timeout ${shown} is out of range; ${rule.en}`, ko: `호출 제한 시간 ${shown} 값이 범위를 벗어났습니다. ${rule.ko}` });
  return valid(ms);
}
