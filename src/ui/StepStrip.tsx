import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { LabStep } from '../content/lab-model.js';
import type { StepStatus } from '../engine/step-state.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import { wrapText } from './wrap-runs.js';

export interface StepStripProps {
  steps: LabStep[];
  statuses: Record<string, StepStatus>;
  current: string;
  lang: Lang;
  m: Messages;
  width: number;
}

const MARK: Record<StepStatus, string> = { pending: '○', 'in-progress': '◐', acting: '◌', checking: '◌', passed: '✔', failed: '✘' };
const COLOR: Partial<Record<StepStatus, string>> = { passed: 'green', failed: 'red', acting: 'yellow', checking: 'yellow' };

/** Every step as a mark and its number, then the current step's whole title (wrapped, never cut). */
export function StepStrip({ steps, statuses, current, lang, m, width }: StepStripProps) {
  const strip = stripText(steps);
  const titleLines = stepTitleLines(steps, current, lang, m, width);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        {steps.map((step, i) => {
          const status = statuses[step.id] ?? 'pending';
          const here = step.id === current;
          return (
            <Text key={step.id}>
              <Text color={step.comingNext ? undefined : COLOR[status]} dimColor={step.comingNext} inverse={here}>
                {step.comingNext ? '·' : MARK[status]}
                {i + 1}
              </Text>{' '}
            </Text>
          );
        })}
        <Text bold color="cyan">
          {' '}
          {titleLines[0]}
        </Text>
      </Text>
      {titleLines.slice(1).map((line, i) => (
        <Text key={i} bold color="cyan" wrap="truncate-end">
          {' '.repeat(stringWidth(strip) + 1)}
          {line}
        </Text>
      ))}
    </Box>
  );
}

function stripText(steps: LabStep[]): string {
  return steps.map((_, i) => `○${i + 1} `).join('');
}

/** The current step's "N. title (status)" in the columns the strip leaves. */
export function stepTitleLines(steps: LabStep[], current: string, lang: Lang, m: Messages, width: number): string[] {
  const index = Math.max(0, steps.findIndex((s) => s.id === current));
  const step = steps[index]!;
  const title = `${index + 1}. ${step.title[lang]}${step.comingNext ? ` (${m.comingNext})` : ''}`;
  return wrapText(title, width - stringWidth(stripText(steps)) - 1);
}
