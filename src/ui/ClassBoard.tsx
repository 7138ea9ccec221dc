import { Box, Text } from 'ink';
import type { BoardState } from '../classroom/board-state.js';
import { boardLines, columnWidths, countLines, fit, type BoardLayout } from '../classroom/board-table.js';
import type { ClassroomMessages } from '../i18n/classroom-messages.js';

export interface ClassBoardProps {
  board: BoardState;
  layout: BoardLayout;
  stream: string;
  t: ClassroomMessages;
  /** The last read error, shown until a read succeeds again. */
  error?: string;
}

/** The instructor's live table: one row per learner (stuck ones in red), then the per-step counts. */
export function ClassBoard({ board, layout, stream, t, error }: ClassBoardProps) {
  const lines = boardLines(board, layout, t);
  const widths = columnWidths(lines, t);
  const header = [t.boardColumns.name, t.boardColumns.step, t.boardColumns.time, t.boardColumns.status, t.boardColumns.error];
  return (
    <Box flexDirection="column">
      <Text bold>{t.boardTitle(stream, lines.length)}</Text>
      {error !== undefined && <Text color="yellow">{t.boardError(error)}</Text>}
      <Box flexDirection="column" marginTop={1}>
        {lines.length === 0 ? (
          <Text dimColor>{t.boardEmpty}</Text>
        ) : (
          <>
            <Text bold>{header.map((h, i) => fit(h, widths[i]!)).join('  ').trimEnd()}</Text>
            {lines.map((line, i) => (
              <Text key={i} color={line.stuck ? 'red' : undefined}>
                {line.cells.map((c, j) => fit(c, widths[j]!)).join('  ').trimEnd()}
              </Text>
            ))}
          </>
        )}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        <Text bold>{t.boardSteps}</Text>
        {countLines(board, layout, t).map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </Box>
      <Box marginTop={1}>
        <Text dimColor>{t.boardKeys}</Text>
      </Box>
    </Box>
  );
}
