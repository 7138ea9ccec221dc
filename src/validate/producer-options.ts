import type { Localized } from '../i18n/lang.js';
import { readNumber } from './number-input.js';
import { invalid, quoted, valid, type Validation } from './validation-error.js';

/** Bounds of the producer's options (`kinesis-lab produce --count/--duration/--rate/--batch-size`). */
export const PRODUCER_LIMITS = {
  maxRecordCount: 1_000_000,
  minDurationMs: 1_000,
  maxDurationMs: 60 * 60_000,
  /** Records per second; far above one shard's 1,000/s so throttling can be tried on purpose. */
  maxRate: 10_000,
  /** PutRecords takes 1–500 records per request. */
  maxBatchSize: 500,
} as const;

/** How many records to send: a whole number from 1 to 1,000,000. */
export function validateRecordCount(input: string | number): Validation<number> {
  return wholeNumberInRange(input, { en: 'Record count', ko: '레코드 수' }, 1, PRODUCER_LIMITS.maxRecordCount);
}

/** How many records one PutRecords request carries: 1 to 500, the API's limit. */
export function validateBatchSize(input: string | number): Validation<number> {
  return wholeNumberInRange(input, { en: 'Batch size', ko: '배치 크기' }, 1, PRODUCER_LIMITS.maxBatchSize, {
    en: ', the PutRecords limit',
    ko: 'PutRecords 한도인 ',
  });
}

/** Records per second: more than 0 (fractions allowed, e.g. 0.5 for one every two seconds), at most 10,000. */
export function validateRate(input: string | number): Validation<number> {
  const text = String(input);
  const shown = quoted(text);
  const rule: Localized = {
    en: `use records per second, more than 0 and at most ${PRODUCER_LIMITS.maxRate.toLocaleString('en-US')} (e.g. 10 or 0.5).`,
    ko: `초당 레코드 수를 0보다 크고 ${PRODUCER_LIMITS.maxRate.toLocaleString('en-US')} 이하로 쓰세요(예: 10, 0.5).`,
  };
  const read = readNumber(input);
  if (read.kind === 'empty') return invalid(text, { en: `Rate is empty; ${rule.en}`, ko: `전송 속도가 비어 있습니다. ${rule.ko}` });
  if (read.kind === 'not-a-number') {
    return invalid(text, { en: `Rate ${shown} is not a number; ${rule.en}`, ko: `전송 속도 ${shown} 값은 숫자가 아닙니다. ${rule.ko}` });
  }
  if (read.value <= 0) {
    return invalid(text, { en: `Rate ${shown} is not more than 0; ${rule.en}`, ko: `전송 속도 ${shown} 값은 0보다 커야 합니다. ${rule.ko}` });
  }
  if (read.value > PRODUCER_LIMITS.maxRate) {
    return invalid(text, {
      en: `Rate ${shown} is more than ${PRODUCER_LIMITS.maxRate.toLocaleString('en-US')}; ${rule.en}`,
      ko: `전송 속도 ${shown} 값이 ${PRODUCER_LIMITS.maxRate.toLocaleString('en-US')}보다 큽니다. ${rule.ko}`,
    });
  }
  return valid(read.value);
}

const DURATION_PATTERN = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/**
 * How long to send, in milliseconds: `30s`, `2m`, `1m30s`, `1h`, or a bare number of seconds (`90`).
 * Between 1 second and 60 minutes.
 */
export function validateDuration(input: string): Validation<number> {
  const shown = quoted(input);
  const rule: Localized = {
    en: 'write it like 30s, 2m, 1m30s or 90 (seconds), from 1 second to 60 minutes.',
    ko: '30s, 2m, 1m30s, 90(초)처럼 쓰고, 1초부터 60분까지 정할 수 있습니다.',
  };
  const text = input.trim().toLowerCase();
  if (text === '') return invalid(input, { en: `Duration is empty; ${rule.en}`, ko: `실행 시간이 비어 있습니다. ${rule.ko}` });
  const ms = parseDurationMs(text);
  if (ms === undefined) {
    return invalid(input, { en: `Duration ${shown} is not a duration; ${rule.en}`, ko: `실행 시간 ${shown} 값을 읽을 수 없습니다. ${rule.ko}` });
  }
  if (ms < PRODUCER_LIMITS.minDurationMs) {
    return invalid(input, { en: `Duration ${shown} is shorter than 1 second; ${rule.en}`, ko: `실행 시간 ${shown} 값이 1초보다 짧습니다. ${rule.ko}` });
  }
  if (ms > PRODUCER_LIMITS.maxDurationMs) {
    return invalid(input, { en: `Duration ${shown} is longer than 60 minutes; ${rule.en}`, ko: `실행 시간 ${shown} 값이 60분보다 깁니다. ${rule.ko}` });
  }
  return valid(ms);
}

/** `30s`, `2m`, `1m30s`, `1h` or bare seconds (`90`) in milliseconds; undefined when it is none of these. */
export function parseDurationMs(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const match = DURATION_PATTERN.exec(text);
  if (!match || text === '') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

function wholeNumberInRange(input: string | number, label: Localized, min: number, max: number, maxNote: Localized = { en: '', ko: '' }): Validation<number> {
  const text = String(input);
  const shown = quoted(text);
  const maxText = max.toLocaleString('en-US');
  const rule: Localized = { en: `use a whole number from ${min} to ${maxText}.`, ko: `${min}부터 ${maxText}까지의 정수를 쓰세요.` };
  const read = readNumber(input);
  if (read.kind === 'empty') return invalid(text, { en: `${label.en} is empty; ${rule.en}`, ko: `${label.ko}가 비어 있습니다. ${rule.ko}` });
  if (read.kind === 'not-a-number') {
    return invalid(text, { en: `${label.en} ${shown} is not a number; ${rule.en}`, ko: `${label.ko} ${shown} 값은 숫자가 아닙니다. ${rule.ko}` });
  }
  if (!read.whole) {
    return invalid(text, { en: `${label.en} ${shown} is not a whole number; ${rule.en}`, ko: `${label.ko} ${shown} 값은 정수가 아닙니다. ${rule.ko}` });
  }
  if (read.value < min) {
    return invalid(text, { en: `${label.en} ${shown} is less than ${min}; ${rule.en}`, ko: `${label.ko} ${shown} 값이 ${min}보다 작습니다. ${rule.ko}` });
  }
  if (read.value > max) {
    return invalid(text, {
      en: `${label.en} ${shown} is more than ${maxText}${maxNote.en}; ${rule.en}`,
      ko: `${label.ko} ${shown} 값이 ${maxNote.ko}${maxText}보다 큽니다. ${rule.ko}`,
    });
  }
  return valid(read.value);
}
