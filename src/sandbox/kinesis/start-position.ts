/**
 * Where a reader starts in a shard: GetShardIterator's ShardIteratorType and SubscribeToShard's
 * StartingPosition (TRIM_HORIZON, LATEST, AT/AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP), with AWS's texts.
 */
import { invalidArgument } from './kinesis-texts.js';
import type { OperationCall } from './operations/kinesis-operation.js';
import { parseSequenceNumber, startingSequenceNumber } from './sequence-number.js';
import { shardIdOf } from './settle-stream.js';
import { firstRecordAt, recordSequenceNumber } from './shard-reading.js';
import type { ShardState } from './stream-state.js';

const NEEDS_EITHER = 'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber.';

export function startPosition(call: OperationCall, shard: ShardState, streamName: string, account: string, type: string, starting: unknown, timestamp: unknown): { sequenceNumber: string; after: boolean } {
  const beginning = { sequenceNumber: startingSequenceNumber(shard.index, shard.createdMs), after: false };
  if (typeof starting === 'string') {
    if (type === 'TRIM_HORIZON' || type === 'LATEST') throw invalidArgument(`${NEEDS_EITHER} Request specified ${type} and also a StartingSequenceNumber.`);
    const fields = parseSequenceNumber(starting);
    const invalid = `StartingSequenceNumber ${starting} used in ${call.operation} on shard ${shard.id} in stream ${streamName} under account ${account} is invalid`;
    if (!fields) throw invalidArgument(`${invalid}.`);
    if (fields.shardIndex !== shard.index) {
      throw invalidArgument(`Invalid StartingSequenceNumber. It encodes ${shardIdOf(fields.shardIndex)}, while it was used in a call to a shard with ${shard.id}`);
    }
    if (fields.shardCreatedMs !== shard.createdMs) throw invalidArgument(`${invalid} because it did not come from this stream.`);
    return { sequenceNumber: starting, after: type === 'AFTER_SEQUENCE_NUMBER' };
  }
  switch (type) {
    case 'TRIM_HORIZON':
      return beginning;
    case 'LATEST':
      return latest(shard, beginning.sequenceNumber);
    case 'AT_TIMESTAMP': {
      if (typeof timestamp !== 'number') {
        throw invalidArgument('Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.');
      }
      const ms = Math.round(timestamp * 1000);
      if (ms > call.now) {
        throw invalidArgument(`The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${ms}, currentTimestampInMillis: ${call.now}`);
      }
      const first = shard.records[firstRecordAt(shard.records, ms)];
      // No record that recent yet: start after the newest, so the next one written is read.
      return first ? { sequenceNumber: recordSequenceNumber(shard, first), after: false } : latest(shard, beginning.sequenceNumber);
    }
    default:
      throw invalidArgument(`${NEEDS_EITHER} Request specified ${type} and no StartingSequenceNumber.`);
  }
}

/** After the newest record (or the shard's start when it has none): what is written next is read. */
function latest(shard: ShardState, beginning: string): { sequenceNumber: string; after: boolean } {
  const newest = shard.records.at(-1);
  return { sequenceNumber: newest ? recordSequenceNumber(shard, newest) : beginning, after: true };
}
