import { describe, expect, it } from 'vitest';
import { wireValueText } from './wire-value-text.js';

describe('wireValueText', () => {
  it('shows strings as they are, numbers and booleans as written, objects and lists as JSON', () => {
    expect([wireValueText('FOO'), wireValueText(12), wireValueText(true), wireValueText(null), wireValueText(2n ** 70n)]).toEqual(['FOO', '12', 'true', 'null', '1180591620717411303424']);
    expect([wireValueText({ a: 1 }), wireValueText(['x'])]).toEqual(['{"a":1}', '["x"]']);
    expect(wireValueText(undefined)).toBe('undefined');
  });
});
