import { Box, Text } from 'ink';
import type { Lab } from '../content/lab-model.js';
import { formatDuration, labReport } from '../engine/lab-summary.js';
import { classroomMessages } from '../i18n/classroom-messages.js';
import type { Lang } from '../i18n/lang.js';
import type { RunnerView } from '../runner/lab-runner.js';
import type { ScreenInfo } from './screen-info.js';

export interface CompletionSummaryProps {
  lab: Lab;
  view: Pick<RunnerView, 'state' | 'ledger'>;
  info: Pick<ScreenInfo, 'stream' | 'region' | 'target'>;
  lang: Lang;
}

/** Shown once every step passed: what was built, records sent, time per step, and how to finish. */
export function CompletionSummary({ lab, view, info, lang }: CompletionSummaryProps) {
  const t = classroomMessages(lang);
  const report = labReport({ formatVersion: 1, savedAt: '', settings: { stream: info.stream, region: info.region }, state: view.state, ledger: view.ledger });
  const times = report.steps
    .filter((s) => s.durationMs !== undefined)
    .map((s) => `${lab.steps.findIndex((l) => l.id === s.id) + 1}. ${formatDuration(s.durationMs!)}`)
    .join(' · ');
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="green" paddingX={1}>
      <Text bold>{t.summaryTitle}</Text>
      {report.built.map((b) => (
        <Text key={`${b.kind}-${b.name}-${b.region}`}>{t.reportBuilt(b.kind, b.name, b.region)}</Text>
      ))}
      <Text>{t.summaryLine(report.recordsSent.total, formatDuration(report.totalMs))}</Text>
      {times !== '' && <Text>{`${t.summaryStepTimes}: ${times}`}</Text>}
      <Text dimColor>{info.target === 'aws' ? t.summaryQuitAws : t.summaryQuitSandbox}</Text>
    </Box>
  );
}
