import { Box, Text } from 'ink';
import type { Messages } from '../i18n/messages.js';
import type { ScreenInfo } from './screen-info.js';
import { wrapText } from './wrap-runs.js';

export interface HeaderProps {
  title: string;
  info: ScreenInfo;
  m: Messages;
  width: number;
}

/** The second header row, stream and region first: they are what a fix may switch. Wrapped, never cut. */
export function headerWhereLines(info: ScreenInfo, m: Messages, width: number): string[] {
  const target = info.target === 'sandbox' ? m.targetSandbox(info.endpoint ?? '') : m.targetAws(info.profile);
  return wrapText(`${m.streamLine(info.stream)} · ${m.regionLine(info.region, info.regionSource)} · ${target}`, width, '  ');
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
