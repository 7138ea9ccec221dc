import { Box, Text } from 'ink';
import { Spinner } from '../Spinner.js';
import type { ScreenLine } from './screen-line.js';

export interface ScreenLinesProps {
  lines: readonly ScreenLine[];
}

/** Pre-wrapped rows, one Ink row each: nothing wraps again, so the layout's row counts hold. */
export function ScreenLines({ lines }: ScreenLinesProps) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((line, i) =>
        line.spinner ? (
          <Spinner key={i} label={line.text} />
        ) : (
          <Text key={i} wrap="truncate-end" {...(line.color ? { color: line.color } : {})} bold={line.bold ?? false} dimColor={line.dimColor ?? false}>
            {line.key && (
              <Text bold color="cyan">
                {line.key}{' '}
              </Text>
            )}
            {line.text}
          </Text>
        ),
      )}
    </Box>
  );
}
