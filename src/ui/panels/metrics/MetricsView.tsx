import { Box, Text } from 'ink';
import type { MetricsDelay } from '../../../aws/stream-metrics-source.js';
import { MetricsChart } from './MetricsChart.js';
import type { MetricsPanelModel } from './metrics-panel-model.js';
import { monitoringConsoleUrl, type MetricsPanelText } from './metrics-panel-text.js';
import { MetricsTable } from './MetricsTable.js';
import { MetricsWait } from './MetricsWait.js';
import type { StreamMetricsPoll } from './use-stream-metrics.js';

export interface MetricsViewProps {
  model: MetricsPanelModel;
  poll: StreamMetricsPoll;
  delay: MetricsDelay;
  stream: string;
  region: string;
  /** How many metrics each read asks for, for the cost line. */
  metricCount: number;
  intervalMs: number;
  /** How far back the panel looks when this session sent nothing (minutes). */
  lookbackMinutes: number;
  now: number;
  width: number;
  height: number;
  t: MetricsPanelText;
}

/** The metrics step's panel, drawn from a model and the last read; pure, so it renders the same in tests. */
export function MetricsView({ model, poll, delay, stream, region, metricCount, intervalMs, lookbackMinutes, now, width, height, t }: MetricsViewProps) {
  const every = Math.round(intervalMs / 1000);
  const status = poll.error
    ? { color: 'red', text: t.readFailed(poll.error) }
    : poll.readAt === undefined
      ? { color: 'gray', text: t.reading }
      : { color: 'gray', text: t.readAt(`${new Date(poll.readAt).toISOString().slice(11, 19)} UTC`, every) };
  const chartRows = Math.max(3, Math.min(8, height - 8));
  const tableRows = Math.max(1, height - chartRows - 6);
  return (
    // Not shrunk by a crowded activity area: below a long check result the panel is what step 4 is about.
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Text>
        <Text bold>{t.title(stream, region)}</Text> <Text color={status.color}>· {status.text}</Text>
      </Text>
      {model.chart && <MetricsChart chart={model.chart} t={t} width={width} height={chartRows} />}
      {model.wait && <MetricsWait wait={model.wait} delay={delay} now={now} t={t} width={width} />}
      {model.nothingSent && poll.metrics && <Text color="yellow">{t.nothingSent(lookbackMinutes)}</Text>}
      {model.rows.length > 0 && <MetricsTable rows={model.rows} t={t} maxRows={tableRows} estimated={model.estimated} />}
      {!model.chart && delay.target === 'aws' && <Text dimColor>{t.cost(metricCount, every)}</Text>}
      {delay.target === 'aws' && (
        <Box flexDirection="column">
          <Text dimColor>{t.console}:</Text>
          <Text color="blue">{monitoringConsoleUrl(region, stream)}</Text>
        </Box>
      )}
    </Box>
  );
}
