import { Box, Text } from 'ink';
import type { Messages } from '../i18n/messages.js';
import type { ScreenLine } from './layout/screen-line.js';
import { ScreenLines } from './layout/ScreenLines.js';
import { moreSign } from './StepPane.js';
import { CODE_TABS, type CodeTab } from './ui-state.js';
import { wrapCode } from './wrap-runs.js';

export interface CodeViewProps {
  lines: ScreenLine[];
  tab: CodeTab;
  m: Messages;
  /** Rows of the view: its title and tab rows, the code window, and the "more" row. */
  height: number;
  scroll: number;
}

/** The gutter: `│` starts a line of the file, `┆` goes on with the line above. */
const GUTTER = '│ ';
const GOES_ON = '┆ ';

/**
 * The step's code as screen rows with a gutter, wrapped at spaces so a flag or a name stays whole.
 * On the sandbox the lines that point a fresh shell at it come first, once, above every tab's code,
 * without the gutter so a mouse selection pastes as it is.
 */
export function codeLines(code: string, width: number, paste: readonly string[] = [], pasteTitle = ''): ScreenLine[] {
  const rows: ScreenLine[] = [];
  const add = (text: string, style: Omit<ScreenLine, 'text'> = {}) =>
    wrapCode(text, width - GUTTER.length).forEach((row, i) => rows.push({ text: `${i === 0 ? GUTTER : GOES_ON}${row}`, ...style }));
  if (paste.length > 0) {
    // No gutter here: these rows are made to be selected with the mouse and pasted into a shell as they are.
    for (const line of [pasteTitle, ...paste]) wrapCode(line, width).forEach((row) => rows.push({ text: row, color: 'yellow' }));
    rows.push({ text: '' });
  }
  for (const line of code.trimEnd().split('\n')) add(line);
  return rows;
}

/** Rows the code view takes around its code: the title with the tabs. */
export const CODE_VIEW_CHROME = 1;

/** The full-width code view: tabs, then the code from the top; scrolls like the step text. */
export function CodeView({ lines, tab, m, height, scroll }: CodeViewProps) {
  const room = Math.max(0, height - CODE_VIEW_CHROME);
  const overflow = lines.length > room;
  const windowRows = overflow ? Math.max(0, room - 1) : room;
  const top = Math.min(scroll, Math.max(0, lines.length - windowRows));
  const below = Math.max(0, lines.length - top - windowRows);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold color="cyan">
          {m.codeTitle}
        </Text>{' '}
        {CODE_TABS.map((t) => (
          <Text key={t} inverse={t === tab} dimColor={t !== tab}>
            {' '}
            {m.codeTabs[t]}{' '}
          </Text>
        ))}
        <Text dimColor> {m.codeTabKey}</Text>
      </Text>
      <ScreenLines lines={lines.slice(top, top + windowRows)} />
      {overflow && <Text dimColor wrap="truncate-end">{moreSign(top, below, m)}</Text>}
    </Box>
  );
}
