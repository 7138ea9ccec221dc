import { describe, expect, it } from 'vitest';
import { terminalLines } from './terminal-lines.js';

const size = (columns: number, rows: number) => terminalLines({ isTTY: true, columns, rows, env: { LANG: 'C.UTF-8', TERM: 'xterm' } }).find((l) => l.check === 'terminal-size')!;

describe('terminal size in doctor', () => {
  it('calls 80×24 OK: from there the lab keeps the verdict, the fix and the keys on screen', () => {
    expect(size(80, 24).status).toBe('ok');
  });

  it.each([
    [79, 24],
    [80, 23],
  ])('warns at %i×%i and says why and how big', (columns, rows) => {
    const line = size(columns, rows);
    expect(line.status).toBe('fix');
    expect(line.fix?.en).toBe('Below 80×24 the lab cannot keep the check result and the fix on screen: make the window at least 80×24 (or a smaller font), or use --plain.');
  });
});
