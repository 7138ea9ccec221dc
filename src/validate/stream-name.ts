import type { Localized } from '../i18n/lang.js';
import { invalid, quoted, valid, type Validation } from './validation-error.js';

/** AWS's rule for Kinesis stream names (CreateStream `StreamName`). */
export const STREAM_NAME_PATTERN = /^[a-zA-Z0-9_.-]+$/;
export const STREAM_NAME_MAX_LENGTH = 128;

const RULE: Localized = {
  en: 'use letters, digits, _ . - (1–128 characters).',
  ko: '영문자, 숫자, _ . - 만 쓸 수 있습니다(1–128자).',
};

/**
 * Whitespace named in words: a pasted name often carries a tab or a line break nobody can see.
 * The Korean carries its subject particle, which depends on the last syllable.
 */
const WHITESPACE: Record<string, Localized> = {
  ' ': { en: 'a space', ko: '공백이' },
  '\t': { en: 'a tab', ko: '탭 문자가' },
  '\n': { en: 'a line break', ko: '줄바꿈이' },
  '\r': { en: 'a line break', ko: '줄바꿈이' },
};

/** Checks a stream name before any call, so the learner sees which character is wrong rather than a ValidationException. */
export function validateStreamName(input: string): Validation<string> {
  if (input.length === 0) {
    return invalid(input, { en: `Stream name is empty; ${RULE.en}`, ko: `스트림 이름이 비어 있습니다. ${RULE.ko}` });
  }
  const name = quoted(input);
  // Code points, not UTF-16 units: each whitespace character is found whole.
  const chars = Array.from(input);
  const space = chars.find((c) => WHITESPACE[c] !== undefined);
  if (space !== undefined) {
    const what = WHITESPACE[space]!;
    return invalid(input, { en: `Stream name ${name} has ${what.en}; ${RULE.en}`, ko: `스트림 이름 ${name}에 ${what.ko} 있습니다. ${RULE.ko}` });
  }
  const badIndex = chars.findIndex((c) => !STREAM_NAME_PATTERN.test(c));
  if (badIndex >= 0) {
    const bad = quoted(chars[badIndex] ?? '');
    const position = badIndex + 1;
    return invalid(input, {
      en: `Stream name ${name} has ${bad} at position ${position}; ${RULE.en}`,
      ko: `스트림 이름 ${name}에 쓸 수 없는 문자 ${bad}(${position}번째 글자)가 있습니다. ${RULE.ko}`,
    });
  }
  if (input.length > STREAM_NAME_MAX_LENGTH) {
    return invalid(input, {
      en: `Stream name ${name} is ${input.length} characters long; ${RULE.en}`,
      ko: `스트림 이름 ${name}의 길이가 ${input.length}자입니다. ${RULE.ko}`,
    });
  }
  return valid(input);
}
