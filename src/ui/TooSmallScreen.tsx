import { Box, Text } from 'ink';
import type { Messages } from '../i18n/messages.js';
import { wrapped } from './layout/activity-blocks.js';
import { MIN_COLUMNS, MIN_ROWS } from './layout/lab-layout.js';

export interface TooSmallScreenProps {
  columns: number;
  rows: number;
  m: Messages;
}

/** What a terminal smaller than the lab needs shows instead: its size and the size wanted. */
export function TooSmallScreen({ columns, rows, m }: TooSmallScreenProps) {
  return (
    <Box flexDirection="column" width={columns}>
      {wrapped(m.tooSmall(columns, rows, MIN_COLUMNS, MIN_ROWS), columns).map((line, i) => (
        <Text key={i} color="yellow" wrap="truncate-end">
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
