import { describe, expect, it } from 'vitest';
import { validateMetricsDelay } from './metrics-delay.js';

describe('validateMetricsDelay', () => {
  it.each([
    ['0s', 0],
    ['0', 0],
    ['10s', 10_000],
    ['90', 90_000],
    ['2m', 120_000],
    ['1m30s', 90_000],
    [' 15M ', 900_000],
  ])('reads %j as %d ms', (input, ms) => {
    expect(validateMetricsDelay(input)).toEqual({ ok: true, value: ms });
  });

  it('rejects what is not a duration, in both languages', () => {
    expect(validateMetricsDelay('soon')).toEqual({
      ok: false,
      input: 'soon',
      message: {
        en: 'Metrics delay "soon" is not a duration; write it like 0s, 10s, 2m or 90 (seconds), from 0 seconds to 15 minutes.',
        ko: '지표 지연 시간 "soon" 값을 읽을 수 없습니다. 0s, 10s, 2m, 90(초)처럼 쓰고, 0초부터 15분까지 정할 수 있습니다.',
      },
    });
    expect(validateMetricsDelay('').ok).toBe(false);
    expect(validateMetricsDelay('-5s').ok).toBe(false);
  });

  it('rejects more than 15 minutes', () => {
    const result = validateMetricsDelay('16m');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.en).toBe('Metrics delay "16m" is longer than 15 minutes; write it like 0s, 10s, 2m or 90 (seconds), from 0 seconds to 15 minutes.');
  });
});
