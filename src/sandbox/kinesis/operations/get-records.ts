/**
 * GetRecords: up to Limit records (10,000 and 10 MiB at most) from the iterator's position, the
 * iterator for the next call, how far behind the newest record the reader is, and the child shards
 * once a closed shard has been read to its end.
 */
import { KinesisError } from '../kinesis-error.js';
import { base64ByteLength } from '../model/validate-input.js';
import { invalidArgument, readRateExceeded, shardNotFound } from '../kinesis-texts.js';
import { awsUtcString, decodeShardIterator, encodeShardIterator, ITERATOR_LIFETIME_MS } from '../shard-iterator.js';
import { firstRecordFrom, recordSequenceNumber, shardAt, trimExpired } from '../shard-reading.js';
import { shardIdOf } from '../settle-stream.js';
import type { ShardState, StreamState } from '../stream-state.js';
import { shardView } from '../stream-views.js';
import type { KinesisOperation } from './kinesis-operation.js';

const DEFAULT_LIMIT = 10_000;
const MAX_BYTES = 10 * 1024 * 1024;

export const getRecords: KinesisOperation = (call, input) => {
  const position = decodeShardIterator(String(input.ShardIterator));
  if (position?.account !== call.caller.account || position.region !== call.caller.region || position.issuedMs > call.now) {
    throw invalidArgument('Invalid ShardIterator.');
  }
  if (call.now - position.issuedMs > ITERATOR_LIFETIME_MS) {
    throw new KinesisError('ExpiredIteratorException',
      `Iterator expired. The iterator was created at time ${awsUtcString(position.issuedMs)} while right now it is ${awsUtcString(call.now)} which is further in the future than the tolerated delay of ${ITERATOR_LIFETIME_MS} milliseconds.`);
  }
  const stream = call.store.find(position.account, position.region, position.streamName, call.now);
  const shard = stream?.createdMs === position.streamCreatedMs ? shardAt(stream, position.shardIndex) : undefined;
  if (!stream || !shard) throw shardNotFound(shardIdOf(position.shardIndex), position.streamName, position.account);
  if (!call.limits.admitRead(stream, shard, call.arrivedAt)) throw readRateExceeded(shard.id, stream.name, stream.account);
  trimExpired(stream, call.now);

  const limit = typeof input.Limit === 'number' ? input.Limit : DEFAULT_LIMIT;
  const start = firstRecordFrom(shard.records, position.sequenceNumber, position.after);
  const records: Record<string, unknown>[] = [];
  let bytes = 0;
  let index = start;
  for (; index < shard.records.length && records.length < limit; index++) {
    const record = shard.records[index]!;
    const size = base64ByteLength(record.data);
    if (records.length > 0 && bytes + size > MAX_BYTES) break;
    bytes += size;
    records.push({ SequenceNumber: recordSequenceNumber(shard, record), ApproximateArrivalTimestamp: record.at / 1000, Data: record.data, PartitionKey: record.partitionKey });
  }
  call.limits.chargeRead(stream, shard, bytes, call.arrivedAt);
  const last = shard.records[index - 1];
  const caughtUp = index >= shard.records.length;
  const next = records.length > 0 && last ? { sequenceNumber: recordSequenceNumber(shard, last), after: true } : { sequenceNumber: position.sequenceNumber, after: position.after };
  const atEndOfClosedShard = caughtUp && shard.closedMs !== undefined;
  return {
    Records: records,
    ...(atEndOfClosedShard ? {} : { NextShardIterator: encodeShardIterator({ ...position, ...next, issuedMs: call.now }) }),
    MillisBehindLatest: caughtUp || !last ? 0 : Math.max(0, call.now - last.at),
    ...(atEndOfClosedShard ? { ChildShards: childShards(stream, shard) } : {}),
  };
};

/** The shards a closed shard's records continue in (a split's two, a merge's one). */
function childShards(stream: StreamState, parent: ShardState): Record<string, unknown>[] {
  return stream.shards
    .filter((shard) => shard.parentShardId === parent.id || shard.adjacentParentShardId === parent.id)
    .map((child) => ({
      ShardId: child.id,
      ParentShards: [child.parentShardId, child.adjacentParentShardId].filter((id) => id !== undefined),
      HashKeyRange: shardView(child).HashKeyRange,
    }));
}
