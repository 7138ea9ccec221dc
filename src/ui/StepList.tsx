import { Box, Text } from 'ink';
import type { LabStep } from '../content/lab-model.js';
import type { StepStatus } from '../engine/step-state.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';

export interface StepListProps {
  steps: LabStep[];
  statuses: Record<string, StepStatus>;
  current: string;
  lang: Lang;
  m: Messages;
  width: number;
}

const MARK: Record<StepStatus, string> = { pending: '○', 'in-progress': '◐', acting: '◌', checking: '◌', passed: '✔', failed: '✘' };
const COLOR: Partial<Record<StepStatus, string>> = { passed: 'green', failed: 'red', acting: 'yellow', checking: 'yellow' };

export function StepList({ steps, statuses, current, lang, m, width }: StepListProps) {
  return (
    <Box flexDirection="column" width={width} paddingRight={1}>
      <Text bold>{m.steps}</Text>
      {steps.map((step, i) => {
        const status = statuses[step.id] ?? 'pending';
        const here = step.id === current;
        return (
          <Box key={step.id} flexDirection="column">
            <Text wrap="truncate-end" inverse={here} dimColor={step.comingNext}>
              {step.comingNext ? '·' : MARK[status]} {i + 1}. {step.title[lang]}
            </Text>
            <Text dimColor color={step.comingNext ? undefined : COLOR[status]}>
              {'   '}
              {step.comingNext ? m.comingNext : m.status[status]}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
