import { Box, Text } from 'ink';
import type { Lab } from '../content/lab-model.js';
import type { StepStatus } from '../engine/step-state.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import { Header } from './Header.js';
import { KeyBar } from './KeyBar.js';
import type { KeyItem } from './lab-keys.js';
import type { ScreenBlock } from './layout/screen-line.js';
import { ScreenLines } from './layout/ScreenLines.js';
import type { ScreenInfo } from './screen-info.js';
import { moreSign } from './StepPane.js';
import { StepStrip } from './StepStrip.js';

export interface ResultScreenProps {
  lab: Lab;
  info: ScreenInfo;
  lang: Lang;
  m: Messages;
  columns: number;
  rows: number;
  statuses: Record<string, StepStatus>;
  current: string;
  blocks: ScreenBlock[];
  keys: KeyItem[];
  /** Rows of the header, the step strip and the key bar. */
  chromeRows: number;
  scroll: number;
  onMaxScroll: ((view: 'result', max: number) => void) | undefined;
}

/** The full result (r): every line of the blocks under the step, scrolled, with the screen's chrome. */
export function ResultScreen(props: ResultScreenProps) {
  const { lab, info, lang, m, columns, rows, statuses, current, blocks, keys, chromeRows, scroll, onMaxScroll } = props;
  const all = blocks.flatMap((b) => b.lines);
  const room = Math.max(1, rows - 1 - chromeRows - 2);
  const max = Math.max(0, all.length - room);
  onMaxScroll?.('result', max);
  const top = Math.min(scroll, max);
  return (
    <Box flexDirection="column" width={columns}>
      <Header title={lab.title[lang]} info={info} m={m} width={columns} />
      <StepStrip steps={lab.steps} statuses={statuses} current={current} lang={lang} m={m} width={columns} />
      <Text bold wrap="truncate-end">{m.resultTitle}</Text>
      <ScreenLines lines={all.slice(top, top + room)} />
      <Text dimColor wrap="truncate-end">{moreSign(top, Math.max(0, all.length - top - room), m) || ' '}</Text>
      <KeyBar keys={keys} />
    </Box>
  );
}
