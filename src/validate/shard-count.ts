import { readNumber } from './number-input.js';
import { invalid, quoted, valid, type Validation } from './validation-error.js';

/**
 * Most shards the lab will create. One is enough for every step; a higher cap still allows
 * throughput experiments, while a typo such as 1000 (billed per shard-hour) is stopped.
 */
export const MAX_LAB_SHARDS = 50;

/** Checks a shard count from `--shards` or a lab parameter: a whole number from 1 to 50. */
export function validateShardCount(input: string | number): Validation<number> {
  const text = String(input);
  const shown = quoted(text);
  const rule = { en: `use a whole number from 1 to ${MAX_LAB_SHARDS}.`, ko: `1부터 ${MAX_LAB_SHARDS}까지의 정수를 쓰세요.` };
  const read = readNumber(input);
  if (read.kind === 'empty') return invalid(text, { en: `Shard count is empty; ${rule.en}`, ko: `샤드 수가 비어 있습니다. ${rule.ko}` });
  if (read.kind === 'not-a-number') {
    return invalid(text, { en: `Shard count ${shown} is not a number; ${rule.en}`, ko: `샤드 수 ${shown} 값은 숫자가 아닙니다. ${rule.ko}` });
  }
  if (!read.whole) {
    return invalid(text, { en: `Shard count ${shown} is not a whole number; ${rule.en}`, ko: `샤드 수 ${shown} 값은 정수가 아닙니다. ${rule.ko}` });
  }
  if (read.value < 1) {
    return invalid(text, { en: `Shard count ${shown} is less than 1; ${rule.en}`, ko: `샤드 수 ${shown} 값이 1보다 작습니다. ${rule.ko}` });
  }
  if (read.value > MAX_LAB_SHARDS) {
    return invalid(text, {
      en: `Shard count ${shown} is more than ${MAX_LAB_SHARDS}; the lab never needs that many and each shard is billed by the hour. ${capitalize(rule.en)}`,
      ko: `샤드 수 ${shown} 값이 ${MAX_LAB_SHARDS}보다 큽니다. 실습에는 그렇게 많이 필요하지 않고 샤드마다 시간당 요금이 붙습니다. ${rule.ko}`,
    });
  }
  return valid(read.value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
