import { describe, expect, it } from 'vitest';
import { labLayout } from './lab-layout.js';
import type { ScreenBlock } from './screen-line.js';

const lines = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ text: `${prefix}${i + 1}` }));
const block = (prefix: string, n: number, keep: number): ScreenBlock => ({ lines: lines(prefix, n), keep });
const more = (hidden: number) => ({ text: `+${hidden}` });

describe('labLayout', () => {
  it('gives the text what an idle activity does not need', () => {
    const layout = labLayout({ rows: 24, chromeRows: 6, middle: 'text', middleWanted: 40, blocks: [block('choose', 1, 1)], panelWanted: 0, moreLine: more });
    expect(layout.middleRows).toBe(15);
    expect(layout.lines.map((l) => l.text)).toEqual(['choose1']);
  });

  it('keeps the verdict and the fix whole and cuts the evidence with a sign', () => {
    const blocks = [block('verdict', 2, 2), block('fix', 2, 2), block('offer', 2, 2), block('evidence', 20, 0)];
    const layout = labLayout({ rows: 24, chromeRows: 6, middle: 'text', middleWanted: 40, blocks, panelWanted: 0, moreLine: more });
    expect(layout.middleRows).toBe(4);
    const texts = layout.lines.map((l) => l.text);
    expect(texts.slice(0, 6)).toEqual(['verdict1', 'verdict2', 'fix1', 'fix2', 'offer1', 'offer2']);
    expect(texts).toHaveLength(12);
    expect(texts.at(-1)).toBe('+15');
  });

  it('shares the rows after the kept lines between the details and a panel', () => {
    const blocks = [block('verdict', 1, 1), block('evidence', 20, 0)];
    const layout = labLayout({ rows: 24, chromeRows: 6, middle: 'text', middleWanted: 40, blocks, panelWanted: 14, moreLine: more });
    expect(layout.middleRows).toBe(4);
    // 12 activity rows: 1 kept, 4 panel first, 7 optional → 4 details, then the sign; the panel gets the rest.
    expect(layout.lines.map((l) => l.text)).toEqual(['verdict1', 'evidence1', 'evidence2', 'evidence3', '+17']);
    expect(layout.panelRows).toBe(7);
  });

  it('never drops a kept line, even when the text has to give up its rows', () => {
    const blocks = [block('kept', 16, 16)];
    const layout = labLayout({ rows: 24, chromeRows: 6, middle: 'text', middleWanted: 40, blocks, panelWanted: 0, moreLine: more });
    expect(layout.lines).toHaveLength(16);
    expect(layout.middleRows).toBe(0);
  });

  it('leaves the middle a few rows while a panel form takes the area', () => {
    const layout = labLayout({ rows: 24, chromeRows: 6, middle: 'form', middleWanted: 40, blocks: [], panelWanted: 999, moreLine: more });
    expect(layout.middleRows).toBe(3);
    expect(layout.panelRows).toBe(13);
  });
});
