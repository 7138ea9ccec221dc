import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, checkCode, formatCode, normalizeCode, randomCode, withCheck } from './class-code.js';

describe('short class codes', () => {
  it('use 31 characters with no look-alikes', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
  });

  it('read the same in any case, with or without dashes and spaces', () => {
    const code = withCheck('K7QMR3X');
    const shown = formatCode(code);
    expect(shown).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    for (const typed of [shown, shown.toLowerCase(), code, ` ${shown.slice(0, 4)} ${shown.slice(5)} `, normalizeCode(shown)]) {
      expect(checkCode(typed)).toEqual({ ok: true, code });
    }
  });

  it('catch every single mistyped character and every swap of two, for room and AWS lengths', () => {
    for (const length of [8, 12]) {
      for (let sample = 0; sample < 20; sample++) {
        const code = randomCode(length, randomBytes);
        expect(checkCode(code)).toEqual({ ok: true, code });
        for (let i = 0; i < length; i++) {
          for (const c of CODE_ALPHABET) {
            if (c === code[i]) continue;
            expect(checkCode(code.slice(0, i) + c + code.slice(i + 1))).toEqual({ ok: false, problem: 'check' });
          }
          for (let j = i + 1; j < length; j++) {
            if (code[i] === code[j]) continue;
            const swapped = code.slice(0, i) + code[j]! + code.slice(i + 1, j) + code[i]! + code.slice(j + 1);
            expect(checkCode(swapped)).toEqual({ ok: false, problem: 'check' });
          }
        }
      }
    }
  });

  it.each([
    ['K7QM-R3X0', 'look-alike'],
    ['K7QM-R3XO', 'look-alike'],
    ['K7QM-R3X1', 'look-alike'],
    ['k7qm-r3xl', 'look-alike'],
    ['K7QM-R3X?', 'not-in-alphabet'],
    ['K7QM-R3', 'length'],
    ['K7QM-R3XP-W', 'length'],
    ['', 'length'],
  ] as const)('refuses %s: %s', (text, problem) => {
    expect(checkCode(text)).toEqual({ ok: false, problem });
  });

  it('draws random codes evenly enough that all characters appear', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const c of randomCode(8, randomBytes).slice(0, 7)) seen.add(c);
    expect(seen.size).toBe(31);
  });
});
