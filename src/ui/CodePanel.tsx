import { Box, Text } from 'ink';
import type { Messages } from '../i18n/messages.js';
import { CODE_TABS, type CodeTab } from './ui-state.js';

export interface CodePanelProps {
  /** Rendered solutions (placeholders already filled). */
  code: Record<CodeTab, string>;
  tab: CodeTab;
  m: Messages;
}

/** The step as the learner would do it by hand: AWS CLI, TypeScript and Python, one tab at a time. */
export function CodePanel({ code, tab, m }: CodePanelProps) {
  return (
    <Box flexDirection="column">
      <Box>
        <Text bold>{m.codeTitle}  </Text>
        {CODE_TABS.map((t) => (
          <Text key={t} inverse={t === tab}>
            {' '}
            {m.codeTabs[t]}{' '}
          </Text>
        ))}
        <Text dimColor>  {m.codeTabKey}</Text>
      </Box>
      <Box borderStyle="round" borderDimColor paddingX={1} flexDirection="column">
        <Text>{code[tab].trimEnd()}</Text>
      </Box>
    </Box>
  );
}
