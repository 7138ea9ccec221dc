import { Box, Text } from 'ink';
import type { CheckResult } from '../checks/check-result.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';

export interface CheckResultViewProps {
  result: CheckResult;
  lang: Lang;
  m: Messages;
}

export function CheckResultView({ result, lang, m }: CheckResultViewProps) {
  const passed = result.outcome === 'passed';
  const heading = passed ? m.passed : result.outcome === 'error' ? m.couldNotCheck : m.failed;
  return (
    <Box flexDirection="column">
      <Text bold color={passed ? 'green' : 'red'}>
        {passed ? '✔' : '✘'} {heading}: {result.summary[lang]}
      </Text>
      {result.evidence.length > 0 && (
        <Box flexDirection="column" marginLeft={2}>
          <Text dimColor>{m.whatWeLookedAt}</Text>
          {result.evidence.map((line, i) => (
            <Text key={i}>• {line[lang]}</Text>
          ))}
        </Box>
      )}
      {result.fix && (
        <Box flexDirection="column" marginLeft={2}>
          <Text bold color="yellow">{m.whatToDo}</Text>
          <Text>{result.fix[lang]}</Text>
        </Box>
      )}
    </Box>
  );
}
