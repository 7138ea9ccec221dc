import asciichart from 'asciichart';
import { Box, Text } from 'ink';
import type { MetricsPanelModel } from './metrics-panel-model.js';
import type { MetricsPanelText } from './metrics-panel-text.js';

export interface MetricsChartProps {
  chart: NonNullable<MetricsPanelModel['chart']>;
  t: MetricsPanelText;
  width: number;
  /** Rows for the plot itself (legend and axis come on top). */
  height: number;
}

const LABEL_WIDTH = 7;

/** Records per minute by API as a line chart; each minute gets the same number of columns. */
export function MetricsChart({ chart, t, width, height }: MetricsChartProps) {
  const minutes = chart.putRecord.length;
  const perMinute = Math.max(minutes === 1 ? 2 : 1, Math.min(6, Math.floor((width - LABEL_WIDTH - 3) / minutes)));
  const widen = (values: number[]) => values.flatMap((v) => Array<number>(perMinute).fill(v));
  const plot = asciichart.plot([widen(chart.putRecord), widen(chart.putRecords)], {
    height: Math.max(2, height - 1),
    min: 0,
    colors: [asciichart.cyan, asciichart.magenta],
    format: (value) => String(Math.round(value)).padStart(LABEL_WIDTH),
  });
  const axis = t.axis(hhmm(chart.first), hhmm(chart.last));
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{t.chartCaption}</Text> <Text color="cyan">── {t.legendPutRecord}</Text> <Text color="magenta">── {t.legendPutRecords}</Text>
      </Text>
      <Text>{plot}</Text>
      <Text dimColor>{' '.repeat(LABEL_WIDTH + 2) + axis}</Text>
    </Box>
  );
}

function hhmm(at: number): string {
  return new Date(at).toISOString().slice(11, 16);
}
