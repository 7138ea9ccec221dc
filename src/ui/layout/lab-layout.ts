import { allRows, fitBlocks, keptRows, type ScreenBlock, type ScreenLine } from './screen-line.js';

/** Below this the lab shows only how big the terminal must be: above it every kept line fits. */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** Step text rows (with the "more" sign) that stay however busy the activity area is. */
const MIN_TEXT_ROWS = 4;
/** A step panel's rows that come before the check's details (the chart's axis, the pipe's state). */
const MIN_PANEL_ROWS = 4;

export interface LayoutInput {
  rows: number;
  /** Rows above the middle (header, step strip) and below the activity (key bar), already known. */
  chromeRows: number;
  /** What the middle shows: the step text, the code, or (panel form open) as little as possible. */
  middle: 'text' | 'code' | 'form';
  /** Rows the middle's content would like (text or code, its own "more" sign included). */
  middleWanted: number;
  blocks: readonly ScreenBlock[];
  /** The step panel's preferred rows; 0 without a panel. */
  panelWanted: number;
  /** The "more" sign's row for `hidden` left-out lines. */
  moreLine: (hidden: number) => ScreenLine;
}

export interface LabLayout {
  middleRows: number;
  /** The activity area's lines, the "more" sign included when anything was left out. */
  lines: ScreenLine[];
  hidden: number;
  panelRows: number;
}

/**
 * Ranks what the lab screen shows. One row stays free (a frame as tall as the terminal makes Ink
 * clear the screen on every redraw) and a separator sits above the activity. The activity's kept
 * lines (status, verdict, the fix's first sentence, what f does) always get their rows; the step text
 * or code gets what the activity does not need, but never less than a few rows; the panel's first
 * rows come next, then the details (at most half of what is left when a panel shares the area).
 */
export function labLayout(input: LayoutInput): LabLayout {
  const avail = Math.max(0, input.rows - 1 - input.chromeRows - 1);
  const kept = keptRows(input.blocks);
  const total = allRows(input.blocks);
  const panelMin = Math.min(input.panelWanted, MIN_PANEL_ROWS);
  const activityWanted = total + input.panelWanted;
  const activityMin = kept + (total > kept ? 1 : 0) + panelMin;
  let middleRows: number;
  if (input.middle === 'form') middleRows = Math.min(input.middleWanted, 3);
  else if (input.middle === 'code') middleRows = Math.max(Math.min(input.middleWanted, MIN_TEXT_ROWS + 2), Math.min(input.middleWanted, avail - activityMin));
  else middleRows = Math.max(Math.min(input.middleWanted, MIN_TEXT_ROWS), Math.min(input.middleWanted, avail - activityWanted));
  middleRows = Math.max(0, Math.min(middleRows, avail - kept));
  const activityRows = avail - middleRows;
  const optional = Math.max(0, activityRows - kept - panelMin);
  // With a panel, the details take at most half of the optional rows; the panel is what the step is about.
  const detailRoom = input.panelWanted > 0 ? Math.ceil(optional / 2) : optional;
  const fitted = fitBlocks(input.blocks, Math.min(total, kept + detailRoom));
  const lines = fitted.hidden > 0 ? [...fitted.lines, input.moreLine(fitted.hidden)] : fitted.lines;
  const panelRows = input.panelWanted > 0 ? Math.max(0, activityRows - lines.length) : 0;
  return { middleRows, lines, hidden: fitted.hidden, panelRows };
}
