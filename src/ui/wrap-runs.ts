import stringWidth from 'string-width';

/** How one run of inline text is styled; the keys are Ink `<Text>` props. */
export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  dimColor?: boolean;
  color?: string;
}

/** A piece of inline text in one style. A paragraph is a list of runs. */
export interface Run {
  text: string;
  style: RunStyle;
}

/**
 * Breaks runs into lines of at most `width` columns at spaces (words wider than a line are cut),
 * collapsing runs of spaces and dropping the space at each break. Ink's own wrapping keeps that
 * space at the start of the next line whenever a line fills exactly, which Korean text hits often.
 */
export function wrapRuns(runs: readonly Run[], width: number): Run[] {
  const out: Run[] = [];
  let lineWidth = 0;
  let word: Run[] = [];
  let wordWidth = 0;
  let spaceBefore = false;

  const newline = () => {
    out.push({ text: '\n', style: {} });
    lineWidth = 0;
  };
  const flushWord = () => {
    if (word.length === 0) return;
    if (lineWidth > 0 && lineWidth + (spaceBefore ? 1 : 0) + wordWidth > width) newline();
    else if (lineWidth > 0 && spaceBefore) {
      out.push({ text: ' ', style: {} });
      lineWidth += 1;
    }
    for (const piece of word) {
      if (wordWidth <= width) {
        out.push(piece);
        lineWidth += stringWidth(piece.text);
        continue;
      }
      for (const char of piece.text) {
        const charWidth = stringWidth(char);
        if (lineWidth > 0 && lineWidth + charWidth > width) newline();
        out.push({ text: char, style: piece.style });
        lineWidth += charWidth;
      }
    }
    word = [];
    wordWidth = 0;
    spaceBefore = false;
  };

  for (const run of runs) {
    for (const part of run.text.split(/( +|\n)/)) {
      if (part === '') continue;
      if (part === '\n') {
        flushWord();
        newline();
      } else if (part.startsWith(' ')) {
        flushWord();
        spaceBefore = true;
      } else {
        word.push({ text: part, style: run.style });
        wordWidth += stringWidth(part);
      }
    }
  }
  flushWord();
  return out;
}

/**
 * Plain text as screen lines of at most `width` columns, broken at spaces (a word, a flag or a URL
 * stays whole unless it alone is wider than the line). `indent` starts every line after the first of
 * each paragraph, so a wrapped item stays visibly one item.
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const inner = Math.max(1, width - stringWidth(indent));
  return text.split('\n').flatMap((paragraph) =>
    wrapRuns([{ text: paragraph, style: {} }], inner)
      .map((r) => r.text)
      .join('')
      .split('\n')
      .map((line, i) => (i === 0 ? line : indent + line)),
  );
}

/**
 * One line of code as screen rows of at most `width` columns, its spaces kept: broken after the last
 * space that fits (inside an identifier only when there is none), each continuation row indented like
 * the line so it reads as part of it.
 */
export function wrapCode(line: string, width: number): string[] {
  if (stringWidth(line) <= width) return [line];
  const indent = /^ */.exec(line)![0].slice(0, Math.floor(width / 2));
  const rows: string[] = [];
  let rest = line;
  let lead = '';
  while (stringWidth(lead + rest) > width) {
    const room = width - stringWidth(lead);
    let cut = 0;
    let used = 0;
    for (const char of rest) {
      const w = stringWidth(char);
      if (used + w > room) break;
      used += w;
      cut += char.length;
    }
    const space = rest.lastIndexOf(' ', cut - 1);
    // After a space that follows some code (not the indentation itself); with none, where the row ends.
    const at = space > (lead === '' ? indent.length : 0) ? space + 1 : cut;
    rows.push(lead + rest.slice(0, Math.max(1, at)).trimEnd());
    rest = rest.slice(Math.max(1, at));
    lead = indent;
  }
  rows.push(lead + rest);
  return rows;
}
