/**
 * GetRecords: up to Limit records (10,000 and 10 MiB at most) from the iterator's position, the
 * iterator for the next call, how far behind the newest record the reader is, and the child shards
 * once a closed shard has been read to its end.
 */
import { KinesisError } from '../kinesis-error.js';
import { invalidArgument, readRateExceeded, shardNotFound } from '../kinesis-texts.js';
import { policyAllows } from '../resource-policy.js';
import { awsUtcString, decodeShardIterator, encodeShardIterator, ITERATOR_LIFETIME_MS } from '../shard-iterator.js';
import { readRecords } from '../read-records.js';
import { shardAt, trimExpired } from '../shard-reading.js';
import { shardIdOf } from '../settle-stream.js';
import type { KinesisOperation } from './kinesis-operation.js';

const DEFAULT_LIMIT = 10_000;

export const getRecords: KinesisOperation = (call, input) => {
  const position = decodeShardIterator(String(input.ShardIterator));
  if (position?.region !== call.caller.region || position.issuedMs > call.now) throw invalidArgument('Invalid ShardIterator.');
  // Another account's iterator reads only where the stream's resource policy lets the caller read it.
  if (position.account !== call.caller.account) {
    const owner = call.store.find(position.account, position.region, position.streamName, call.now);
    if (!owner || !policyAllows(owner.policy, call.caller.account, 'GetRecords', owner.arn)) throw invalidArgument('Invalid ShardIterator.');
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

  const read = readRecords(stream, shard, position, typeof input.Limit === 'number' ? input.Limit : DEFAULT_LIMIT, call.now);
  call.limits.chargeRead(stream, shard, read.bytes, call.arrivedAt);
  return {
    Records: read.records,
    // A closed shard read to its end has no next iterator, only its children.
    ...(read.childShards ? { ChildShards: read.childShards } : { NextShardIterator: encodeShardIterator({ ...position, ...read.next, issuedMs: call.now }) }),
    MillisBehindLatest: read.millisBehindLatest,
  };
};
