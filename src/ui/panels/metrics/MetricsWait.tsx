import { Box, Text } from 'ink';
import type { MetricsDelay } from '../../../aws/stream-metrics-source.js';
import type { MetricsPanelModel } from './metrics-panel-model.js';
import type { MetricsPanelText } from './metrics-panel-text.js';

export interface MetricsWaitProps {
  wait: NonNullable<MetricsPanelModel['wait']>;
  delay: MetricsDelay;
  now: number;
  t: MetricsPanelText;
  width: number;
}

/** While CloudWatch shows nothing of this session's records: how long it has been, how long it usually takes, and why. */
export function MetricsWait({ wait, delay, now, t, width }: MetricsWaitProps) {
  const elapsed = Math.max(0, now - wait.firstAt);
  const total = Math.max(1, wait.expectedAt - wait.firstAt);
  const barWidth = Math.max(10, Math.min(40, width - 30));
  const filled = Math.min(barWidth, Math.round((elapsed / total) * barWidth));
  const left = wait.expectedAt - now;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color="yellow">{t.waitingTitle}</Text> · {t.sinceFirst(t.duration(elapsed), clock(wait.firstAt))}
      </Text>
      <Text>
        <Text color="yellow">{'█'.repeat(filled)}</Text>
        <Text dimColor>{'░'.repeat(barWidth - filled)}</Text> {t.expected(clock(wait.expectedAt), left > 0 ? t.remaining(t.duration(left)) : '…')}
      </Text>
      {wait.overdue && <Text color="red">{t.overdue}</Text>}
      <Text wrap="wrap">{delay.target === 'aws' ? t.whyAws : t.whySandbox(t.duration(delay.afterMinuteMs), delay.known)}</Text>
    </Box>
  );
}

function clock(at: number): string {
  return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}
