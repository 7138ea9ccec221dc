import { findJsonSyntaxProblem } from '../content/json-syntax-error.js';
import { EventPatternError } from '../filter/event-pattern.js';
import { compileKinesisPipeFilter } from '../filter/pipe-event.js';
import type { Localized } from '../i18n/lang.js';
import { invalid, valid, type Validation } from './validation-error.js';

/** EventBridge Pipes' FilterCriteria limits: up to 5 filters, each pattern at most 4,096 characters. */
export const PIPE_FILTER_LIMITS = { maxFilters: 5, maxPatternChars: 4096 } as const;

const EXAMPLE = '{"data": {"city": ["Seoul"]}}';

/**
 * Checks one filter pattern before CreatePipe: JSON syntax (with line, column and a caret under the
 * spot), a JSON object, the length limit, and the event-pattern rules (with the JSON path).
 * Returns the parsed pattern.
 */
export function validatePipeFilter(text: string): Validation<Record<string, unknown>> {
  if (text.trim() === '') {
    return invalid(text, {
      en: `Filter pattern is empty; write a JSON object such as ${EXAMPLE}.`,
      ko: `필터 패턴이 비어 있습니다. ${EXAMPLE} 같은 JSON 객체를 쓰세요.`,
    });
  }
  if (text.length > PIPE_FILTER_LIMITS.maxPatternChars) {
    return invalid(text, {
      en: `Filter pattern is ${text.length} characters; the limit is ${PIPE_FILTER_LIMITS.maxPatternChars}.`,
      ko: `필터 패턴이 ${text.length}자입니다. 최대 ${PIPE_FILTER_LIMITS.maxPatternChars}자까지 쓸 수 있습니다.`,
    });
  }
  const problem = findJsonSyntaxProblem(text);
  if (problem) {
    const where = caret(text, problem.line, problem.column);
    return invalid(text, {
      en: `Filter pattern is not valid JSON at line ${problem.line}, column ${problem.column}: ${problem.reason}.\n${where}`,
      ko: `필터 패턴의 ${problem.line}행 ${problem.column}열이 올바른 JSON이 아닙니다(${problem.reason}).\n${where}`,
    });
  }
  const parsed = JSON.parse(text) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    const kind = jsonKind(parsed);
    return invalid(text, {
      en: `Filter pattern must be a JSON object such as ${EXAMPLE}; this one is ${kind.en}.`,
      ko: `필터 패턴은 ${EXAMPLE} 같은 JSON 객체여야 합니다. 지금 값은 ${kind.ko}입니다.`,
    });
  }
  try {
    compileKinesisPipeFilter(text);
  } catch (error) {
    if (!(error instanceof EventPatternError)) throw error;
    return invalid(text, {
      en: `Filter pattern has a problem at ${error.path}: ${error.reason}.`,
      ko: `필터 패턴의 ${error.path} 위치에 문제가 있습니다: ${error.reason}.`,
    });
  }
  return valid(parsed as Record<string, unknown>);
}

/** Checks a pipe's whole filter list; a message about one pattern says which (`Filter 2: …`). */
export function validatePipeFilters(texts: readonly string[]): Validation<Record<string, unknown>[]> {
  if (texts.length > PIPE_FILTER_LIMITS.maxFilters) {
    return invalid(String(texts.length), {
      en: `A pipe takes at most ${PIPE_FILTER_LIMITS.maxFilters} filters; there are ${texts.length}.`,
      ko: `파이프 필터는 최대 ${PIPE_FILTER_LIMITS.maxFilters}개까지입니다. 지금 ${texts.length}개가 있습니다.`,
    });
  }
  const patterns: Record<string, unknown>[] = [];
  for (const [index, text] of texts.entries()) {
    const result = validatePipeFilter(text);
    if (!result.ok) {
      const n = index + 1;
      return invalid(text, { en: `Filter ${n}: ${result.message.en}`, ko: `필터 ${n}: ${result.message.ko}` });
    }
    patterns.push(result.value);
  }
  return valid(patterns);
}

/** The offending line and a caret under the column, so the learner sees the spot, not just numbers. */
function caret(text: string, line: number, column: number): string {
  const source = text.split('\n')[line - 1] ?? '';
  return `  ${source}\n  ${' '.repeat(Math.max(0, column - 1))}^`;
}

function jsonKind(value: unknown): Localized {
  if (Array.isArray(value)) return { en: 'an array', ko: '배열' };
  if (value === null) return { en: 'null', ko: 'null' };
  if (typeof value === 'string') return { en: 'a string', ko: '문자열' };
  if (typeof value === 'number') return { en: 'a number', ko: '숫자' };
  return { en: 'a boolean', ko: '불리언' };
}
