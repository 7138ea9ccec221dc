import { describe, expect, it } from 'vitest';
import { findJsonSyntaxProblem } from './json-syntax-error.js';

describe('findJsonSyntaxProblem', () => {
  it.each([
    ['{"a": 1, "b": [true, false, null, -1.5e3, "x\\n\\u00e9"]}'],
    ['  [ ]  '],
    ['"just a string"'],
  ])('accepts valid JSON %s', (text) => {
    expect(findJsonSyntaxProblem(text)).toBeUndefined();
  });

  it.each([
    ['{"a": }', 1, 7, "unexpected '}'"],
    ['{\n  "a": 1,\n}', 3, 1, "expected a double-quoted property name, found '}'"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, `expected ',' or '}' after a property value, found '"'`],
    ['[1, 2', 1, 6, "expected ',' or ']' after an array element, found end of file"],
    ['{"a": "x\ny"}', 1, 9, 'control character in a string (newlines must be written \\n)'],
    ["{'a': 1}", 1, 2, "expected a double-quoted property name, found '''"],
    ['{"a": tru}', 1, 7, "unexpected 't'"],
    ['{"a": 01}', 1, 8, `expected ',' or '}' after a property value, found '1'`],
    ['{} {}', 1, 4, 'unexpected text after the JSON value'],
    ['', 1, 1, 'unexpected end of file'],
    ['{"a": "\\x"}', 1, 8, 'bad escape \\x'],
  ])('locates the problem in %j', (text, line, column, reason) => {
    expect(findJsonSyntaxProblem(text)).toEqual({ line, column, reason });
    // Our scanner and the real parser must agree that the text is broken.
    expect(() => {
      JSON.parse(text);
    }).toThrow();
  });
});
