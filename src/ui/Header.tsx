import { Box, Text } from 'ink';
import type { Messages } from '../i18n/messages.js';
import type { ScreenInfo } from './screen-info.js';
import { headerWhereLines } from './header-lines.js';

export interface HeaderProps {
  title: string;
  info: ScreenInfo;
  m: Messages;
  width: number;
}

export function Header({ title, info, m, width }: HeaderProps) {
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold color="cyan">
          {m.appTitle}
        </Text>
        <Text> · {title}</Text>
      </Text>
      {headerWhereLines(info, m, width).map((line, i) => (
        <Text key={i} dimColor wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
