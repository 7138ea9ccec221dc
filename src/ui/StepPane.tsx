import { Box, measureElement, Text, type DOMElement } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { LabStep } from '../content/lab-model.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import { Markdown } from './Markdown.js';

export interface StepPaneProps {
  step: LabStep;
  lang: Lang;
  m: Messages;
  width: number;
  /** Rows of the window, its "more" row included. */
  height: number;
  scroll: number;
  /** Tells the app how far the text can scroll, so ↓ stops at its end. */
  onMaxScroll?: (max: number) => void;
}

/**
 * The step's teaching text in a window; scrolling moves the text up under it. When the text goes on
 * past the window, its last row says how much more there is and which keys show it.
 */
export function StepPane({ step, lang, m, width, height, scroll, onMaxScroll }: StepPaneProps) {
  const content = useRef<DOMElement>(null);
  const [contentRows, setContentRows] = useState(0);
  // Ink lays the text out before effects run, so its height is known here; it changes with width and language.
  useEffect(() => {
    if (!content.current) return;
    const rows = measureElement(content.current).height;
    if (rows !== contentRows) setContentRows(rows);
  });
  const overflow = contentRows > height;
  const windowRows = overflow ? Math.max(0, height - 1) : height;
  const maxScroll = Math.max(0, contentRows - windowRows);
  useEffect(() => onMaxScroll?.(maxScroll), [maxScroll, onMaxScroll]);
  const top = Math.min(scroll, maxScroll);
  const below = Math.max(0, contentRows - top - windowRows);
  if (height <= 0) return null;
  return (
    <Box flexDirection="column" width={width}>
      <Box height={windowRows} overflowY="hidden" flexDirection="column">
        <Box ref={content} marginTop={-top} flexDirection="column" flexShrink={0}>
          <Markdown source={withoutTitle(step.body[lang])} width={width} />
        </Box>
      </Box>
      {overflow && <Text dimColor wrap="truncate-end">{moreSign(top, below, m)}</Text>}
    </Box>
  );
}

/** "↑ 3 lines above · ↓ 12 more lines (↑↓ PgUp PgDn)", the parts that apply. */
export function moreSign(above: number, below: number, m: Messages): string {
  return [above > 0 ? m.moreAbove(above) : '', below > 0 ? m.moreBelow(below) : ''].filter(Boolean).join(' · ');
}

/** The screen prints the numbered title itself; the text's own leading `# Title` would repeat it. */
export function withoutTitle(markdown: string): string {
  return markdown.replace(/^\s*# [^\n]*\n+/, '');
}
