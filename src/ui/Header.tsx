import { Box, Text } from 'ink';
import type { Messages } from '../i18n/messages.js';
import type { ScreenInfo } from './screen-info.js';

export interface HeaderProps {
  title: string;
  info: ScreenInfo;
  m: Messages;
}

export function Header({ title, info, m }: HeaderProps) {
  const target = info.target === 'sandbox' ? m.targetSandbox(info.endpoint ?? '') : m.targetAws(info.profile);
  return (
    <Box flexDirection="column">
      <Box height={1} overflow="hidden">
        <Text bold color="cyan">{m.appTitle}</Text>
        <Text> · {title}</Text>
      </Box>
      {/* One row, always: the screen's layout counts on the header's height. */}
      <Text dimColor wrap="truncate-end">
        {target} · {m.regionLine(info.region, info.regionSource)} · {m.streamLine(info.stream)}
      </Text>
    </Box>
  );
}
