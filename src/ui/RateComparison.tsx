import { Box, Text } from 'ink';
import type { Messages } from '../i18n/messages.js';

export interface RateComparisonProps {
  putRecord?: number;
  putRecords?: number;
  m: Messages;
}

/** PutRecord vs PutRecords records/s as measured in this session, side by side. */
export function RateComparison({ putRecord, putRecords, m }: RateComparisonProps) {
  const widest = Math.max(putRecord ?? 0, putRecords ?? 0, 1);
  const bar = (rate: number | undefined) => '█'.repeat(rate === undefined ? 0 : Math.max(1, Math.round((rate / widest) * 30)));
  return (
    <Box flexDirection="column">
      <Text bold>{m.compareTitle}</Text>
      <Text>
        {m.compareRow('PutRecord', putRecord)} <Text color="cyan">{bar(putRecord)}</Text>
      </Text>
      <Text>
        {m.compareRow('PutRecords', putRecords)} <Text color="green">{bar(putRecords)}</Text>
      </Text>
      {putRecord !== undefined && putRecords !== undefined && putRecord > 0 && <Text color="green">{m.compareGain(putRecords / putRecord)}</Text>}
    </Box>
  );
}
