import { Box, Text } from 'ink';
import type { LabStep } from '../content/lab-model.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import { Markdown } from './Markdown.js';

export interface StepPaneProps {
  step: LabStep;
  index: number;
  lang: Lang;
  m: Messages;
  width: number;
  height: number;
  scroll: number;
}

/** The step's teaching text in a fixed-height window; scrolling moves the text up under the window. */
export function StepPane({ step, index, lang, m, width, height, scroll }: StepPaneProps) {
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color="cyan">
        {index + 1}. {step.title[lang]}
        {step.comingNext ? ` (${m.comingNext})` : ''}
      </Text>
      {step.comingNext && <Text color="yellow">{m.comingNextBody}</Text>}
      <Box height={height} overflowY="hidden" flexDirection="column">
        <Box marginTop={-scroll} flexDirection="column" flexShrink={0}>
          <Markdown source={withoutTitle(step.body[lang])} width={width} />
        </Box>
      </Box>
    </Box>
  );
}

/** The pane prints the numbered title itself; the text's own leading `# Title` would repeat it. */
export function withoutTitle(markdown: string): string {
  return markdown.replace(/^\s*# [^\n]*\n+/, '');
}
