import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { MinuteRow, MinuteState } from './metrics-panel-model.js';
import type { MetricsPanelText } from './metrics-panel-text.js';

export interface MetricsTableProps {
  rows: MinuteRow[];
  t: MetricsPanelText;
  /** The newest rows that fit are shown. */
  maxRows: number;
  /** Some run crossed a minute boundary, so its split per minute is an estimate worth saying. */
  estimated: boolean;
}

const STATE_COLOR: Record<MinuteState, string | undefined> = { counted: 'green', extra: 'green', waiting: 'yellow', counting: 'yellow', short: 'red' };

/** Per minute: what this session sent with each API next to what CloudWatch counted for it. */
export function MetricsTable({ rows, t, maxRows, estimated }: MetricsTableProps) {
  const header = [t.tableMinute, t.tableSent('PutRecord'), t.tableCounted, t.tableSent('PutRecords'), t.tableCounted, t.tableRefused];
  const shown = rows.slice(-Math.max(1, maxRows));
  const cells = shown.map((row) => [
    new Date(row.minute).toISOString().slice(11, 16),
    String(row.sentPutRecord),
    String(row.countedPutRecord),
    String(row.sentPutRecords),
    String(row.countedPutRecords),
    String(row.refused),
  ]);
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...cells.map((c) => stringWidth(c[i] ?? ''))));
  const line = (values: string[]) => values.map((v, i) => (i === 0 ? pad(v, widths[i] ?? 0) : padStart(v, widths[i] ?? 0))).join('  ');
  const stateText: Record<MinuteState, string> = { counted: t.stateCounted, extra: t.stateExtra, waiting: t.stateWaiting, counting: t.stateCounting, short: t.stateShort };
  return (
    <Box flexDirection="column">
      {/* One terminal row each: the panel counts its rows, so a row wrapped at 80 columns (Korean headers are wide) would push the key bar off the screen. */}
      <Text dimColor wrap="truncate-end">
        {line(header)}
      </Text>
      {shown.map((row, i) => (
        <Text key={row.minute} wrap="truncate-end">
          {line(cells[i] ?? [])}  <Text color={STATE_COLOR[row.state]}>{stateText[row.state]}</Text>
        </Text>
      ))}
      {estimated && <Text dimColor>{t.estimateNote}</Text>}
    </Box>
  );
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
}
