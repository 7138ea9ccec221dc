import { Box, Text } from 'ink';
import type { Messages } from '../i18n/messages.js';
import { liveRate, type ProducerLive } from '../runner/producer-live.js';

export interface ProducerPanelProps {
  live: ProducerLive;
  m: Messages;
  stopping: boolean;
  /** The log tail is for watching a run; once it ended, the counters and the check say enough. */
  showLog: boolean;
}

/** The producer's counters and the tail of its log: request id, HTTP status, shard, sequence number. */
export function ProducerPanel({ live, m, stopping, showLog }: ProducerPanelProps) {
  const api = live.api === 'put-record' ? 'PutRecord' : 'PutRecords';
  return (
    <Box flexDirection="column">
      <Text bold>
        {m.producerTitle(api)} · <Text color="green">{m.producerCounters(live.sent, live.failed, live.retried, liveRate(live))}</Text>
      </Text>
      {showLog && live.log.length > 0 && <Text dimColor>{m.producerLogHeader}</Text>}
      {(showLog ? live.log : []).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line.requestId.padEnd(38)} <Text color={line.httpStatus === 200 ? 'green' : 'red'}>{String(line.httpStatus).padEnd(5)}</Text>
          {line.records > 1 || live.api === 'put-records' ? `${line.records} records, ${line.failed} failed` : `${line.shardId.padEnd(21)} ${line.sequenceNumber}`}
        </Text>
      ))}
      {stopping && <Text color="yellow">{m.producerStopping}</Text>}
    </Box>
  );
}
