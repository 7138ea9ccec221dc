/** One row of the screen, already wrapped to the width it is shown at. */
export interface ScreenLine {
  text: string;
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  /** Drawn after an animated spinner (the spinner takes two columns, counted in the wrap). */
  spinner?: boolean;
  /** A key shown highlighted before the text, e.g. `f` before what the fix does. */
  key?: string;
}

/**
 * A piece of a screen area: its rows in order, and how many of the first rows must always show
 * (the verdict, the fix's first sentence, what f does). The rest shrinks when rows run short.
 */
export interface ScreenBlock {
  lines: ScreenLine[];
  keep: number;
}

export interface FittedLines {
  lines: ScreenLine[];
  /** Rows left out; the caller shows a sign that there is more. */
  hidden: number;
}

/**
 * Fits blocks into `rows`: every block's kept rows first, then the others in screen order while room
 * is left, keeping one row for the "more" sign when anything is left out. Kept rows are never dropped,
 * even past `rows` (the layout reserves room for them).
 */
export function fitBlocks(blocks: readonly ScreenBlock[], rows: number): FittedLines {
  const total = blocks.reduce((n, b) => n + b.lines.length, 0);
  if (total <= rows) return { lines: blocks.flatMap((b) => b.lines), hidden: 0 };
  const kept = blocks.reduce((n, b) => n + Math.min(b.keep, b.lines.length), 0);
  let room = Math.max(0, rows - kept - 1);
  const lines: ScreenLine[] = [];
  for (const block of blocks) {
    block.lines.forEach((line, i) => {
      if (i < block.keep) lines.push(line);
      else if (room > 0) {
        lines.push(line);
        room--;
      }
    });
  }
  return { lines, hidden: total - lines.length };
}

/** Rows the kept parts of these blocks need. */
export function keptRows(blocks: readonly ScreenBlock[]): number {
  return blocks.reduce((n, b) => n + Math.min(b.keep, b.lines.length), 0);
}

/** Rows all of these blocks need. */
export function allRows(blocks: readonly ScreenBlock[]): number {
  return blocks.reduce((n, b) => n + b.lines.length, 0);
}
