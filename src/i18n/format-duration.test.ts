import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration.js';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [12_400, '12s'],
    [245_000, '4m 05s'],
    [3_725_000, '1h 02m'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
