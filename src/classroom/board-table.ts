import stringWidth from 'string-width';
import type { ClassroomMessages } from '../i18n/classroom-messages.js';
import { boardRows, isStuck, stepCounts, type BoardState } from './board-state.js';

export interface BoardLayout {
  /** Step ids in lab order. */
  order: readonly string[];
  /** Step id → title in the board's language. */
  titles: Readonly<Record<string, string>>;
  now: number;
  stuckAfterMs?: number;
}

/** One table cell row: the learner's cells and whether the row needs the instructor. */
export interface BoardLine {
  cells: [name: string, step: string, time: string, status: string, error: string];
  stuck: boolean;
}

/** The board as rows of cells, shared by the Ink view and the plain text output. */
export function boardLines(board: BoardState, layout: BoardLayout, t: ClassroomMessages): BoardLine[] {
  return boardRows(board).map((row) => {
    const index = layout.order.indexOf(row.step);
    const step = index >= 0 ? `${index + 1}. ${layout.titles[row.step] ?? row.step}` : row.step;
    const stuck = isStuck(row, layout.now, layout.stuckAfterMs);
    const status = stuck && row.status !== 'failed' ? t.boardStuck : t.classStatus[row.status];
    const time = row.status === 'left' ? '—' : t.duration(Math.max(0, layout.now - row.since));
    return { cells: [row.name, step, time, status, row.lastErrorKind ?? '—'], stuck };
  });
}

export function countLines(board: BoardState, layout: BoardLayout, t: ClassroomMessages): string[] {
  return stepCounts(board, layout.order, layout.now, layout.stuckAfterMs).map((c, i) => `${i + 1}. ${layout.titles[c.step] ?? c.step}: ${t.boardCounts(c.working, c.stuck, c.done)}`);
}

/** Column widths that fit every cell (display width: Hangul counts two), capped for long titles. */
export function columnWidths(lines: BoardLine[], t: ClassroomMessages, caps: readonly number[] = [24, 34, 8, 10, 24]): number[] {
  const header = [t.boardColumns.name, t.boardColumns.step, t.boardColumns.time, t.boardColumns.status, t.boardColumns.error];
  return header.map((h, i) => Math.min(caps[i] ?? 20, Math.max(stringWidth(h), ...lines.map((l) => stringWidth(l.cells[i] ?? '')))));
}

/** Pads or cuts to a display width (an ellipsis marks a cut). */
export function fit(text: string, width: number): string {
  if (stringWidth(text) <= width) return text + ' '.repeat(width - stringWidth(text));
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…' + ' '.repeat(Math.max(0, width - 1 - stringWidth(out)));
}

/**
 * The board as plain lines for `--plain`, logs and screen readers: a header line, one line per learner
 * with the columns separated by two spaces, and the per-step counts.
 */
export function boardText(board: BoardState, layout: BoardLayout & { stream: string }, t: ClassroomMessages): string[] {
  const lines = boardLines(board, layout, t);
  const out = [t.boardTitle(layout.stream, lines.length)];
  if (lines.length === 0) return [...out, t.boardEmpty];
  const widths = columnWidths(lines, t);
  const header = [t.boardColumns.name, t.boardColumns.step, t.boardColumns.time, t.boardColumns.status, t.boardColumns.error];
  out.push(header.map((h, i) => fit(h, widths[i]!)).join('  ').trimEnd());
  for (const line of lines) out.push(line.cells.map((c, i) => fit(c, widths[i]!)).join('  ').trimEnd());
  out.push('', t.boardSteps, ...countLines(board, layout, t));
  return out;
}
