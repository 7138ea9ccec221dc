/**
 * How a numeric option was written. CLI flags arrive as strings and lab params as numbers; both go
 * through here so "2.5", "abc" and "" get their own messages rather than a generic NaN.
 */
export type NumberInput =
  | { kind: 'empty' }
  | { kind: 'not-a-number' }
  | { kind: 'number'; value: number; whole: boolean };

/** Reads a plain decimal number (`3`, `0.5`, `+2`); no hex, exponents, `Infinity` or thousands separators. */
export function readNumber(input: string | number): NumberInput {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { kind: 'not-a-number' };
    return { kind: 'number', value: input, whole: Number.isInteger(input) };
  }
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return { kind: 'not-a-number' };
  const value = Number(text);
  return { kind: 'number', value, whole: Number.isInteger(value) };
}
