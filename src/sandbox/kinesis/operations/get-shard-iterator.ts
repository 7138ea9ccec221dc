/** GetShardIterator: a position in a shard (TRIM_HORIZON, LATEST, AT/AFTER_SEQUENCE_NUMBER, AT_TIMESTAMP). */
import { KinesisError } from '../kinesis-error.js';
import { shardNotFound, writeRateExceeded } from '../kinesis-texts.js';
import { requestedStreamAddress } from '../resolve-stream.js';
import { startPosition } from '../start-position.js';
import { encodeShardIterator } from '../shard-iterator.js';
import { shardAt, shardIndexOf, trimExpired } from '../shard-reading.js';
import { shardIdOf } from '../settle-stream.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const getShardIterator: KinesisOperation = (call, input) => {
  // The owner's account: another account's stream is read where its resource policy allows it.
  const { account, name } = requestedStreamAddress(call, input);
  const shardId = String(input.ShardId);
  const index = shardIndexOf(shardId, name, account);
  const stream = call.store.find(account, call.caller.region, name, call.now);
  const shard = stream ? shardAt(stream, index) : undefined;
  if (!stream || !shard) throw shardNotFound(shardIdOf(index), name, account);
  if (!call.limits.admitShardIterator(stream, shard, call.arrivedAt)) {
    throw new KinesisError('ProvisionedThroughputExceededException', writeRateExceeded(shard.id, name, account));
  }
  trimExpired(stream, call.now);
  const position = startPosition(call, shard, name, account, String(input.ShardIteratorType), input.StartingSequenceNumber, input.Timestamp);
  return {
    ShardIterator: encodeShardIterator({
      account, region: call.caller.region, streamName: name, streamCreatedMs: stream.createdMs,
      shardIndex: index, ...position, issuedMs: call.now,
    }),
  };
};
