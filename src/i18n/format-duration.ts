/** `1h 02m`, `4m 05s`, `12s`: short and the same in both languages. */
export function formatDuration(ms: number, units: DurationUnits = { h: 'h', m: 'm', s: 's' }): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}${units.h} ${String(m).padStart(2, '0')}${units.m}`;
  if (m > 0) return `${m}${units.m} ${String(s).padStart(2, '0')}${units.s}`;
  return `${s}${units.s}`;
}

/** What follows each number in a duration: `h`/`m`/`s`, or 시간/분/초. */
export interface DurationUnits {
  h: string;
  m: string;
  s: string;
}
