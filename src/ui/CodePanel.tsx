import { Box, Text } from 'ink';
import type { Messages } from '../i18n/messages.js';
import { CODE_TABS, type CodeTab } from './ui-state.js';

export interface CodePanelProps {
  /** Rendered solutions (placeholders already filled). */
  code: Record<CodeTab, string>;
  tab: CodeTab;
  m: Messages;
  width: number;
  height: number;
  scroll: number;
}

/**
 * The step as the learner would do it by hand: AWS CLI, TypeScript and Python, one tab at a time,
 * in a window that scrolls like the step text. A gutter instead of a box keeps copied lines clean.
 */
export function CodePanel({ code, tab, m, width, height, scroll }: CodePanelProps) {
  const lines = code[tab].trimEnd().split('\n');
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color="cyan">{m.codeTitle}</Text>
      <Box columnGap={1}>
        {CODE_TABS.map((t) => (
          <Text key={t} inverse={t === tab} dimColor={t !== tab}>
            {' '}
            {m.codeTabs[t]}{' '}
          </Text>
        ))}
        <Text dimColor>{m.codeTabKey}</Text>
      </Box>
      <Box height={height} overflowY="hidden" flexDirection="column">
        <Box marginTop={-scroll} flexDirection="column" flexShrink={0}>
          {lines.map((line, i) => (
            <Text key={i} wrap="wrap">
              <Text dimColor>│ </Text>
              {line}
            </Text>
          ))}
        </Box>
      </Box>
    </Box>
  );
}
