/** PutRecord: one record into the shard its hash key falls in, with the next sequence number of that shard. */
import { KinesisError } from '../kinesis-error.js';
import { writeRateExceeded } from '../kinesis-texts.js';
import { assertRecordSize, assertWritable, recordBytes, shardForRecord } from '../record-routing.js';
import { requestedStream } from '../resolve-stream.js';
import { parseSequenceNumber, sequenceNumber } from '../sequence-number.js';
import { encryptionType } from '../stream-views.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const putRecord: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  assertWritable(stream);
  const data = String(input.Data);
  const partitionKey = String(input.PartitionKey);
  assertRecordSize(stream, data, 'data');
  const ordering = input.SequenceNumberForOrdering;
  if (typeof ordering === 'string') {
    const fields = parseSequenceNumber(ordering);
    if (!fields || fields.atMs > call.now) {
      throw new KinesisError('InvalidArgumentException',
        `ExclusiveMinimumSequenceNumber ${ordering} used in PutRecord on stream ${stream.name} under account ${stream.account} is invalid.`);
    }
  }
  const explicitHashKey = typeof input.ExplicitHashKey === 'string' ? input.ExplicitHashKey : undefined;
  const shard = shardForRecord(stream, partitionKey, explicitHashKey);
  if (!call.limits.admitWrite(stream, shard, recordBytes(data, partitionKey), call.arrivedAt)) {
    throw new KinesisError('ProvisionedThroughputExceededException', writeRateExceeded(shard.id, stream.name, stream.account));
  }
  const at = Math.max(call.now, shard.lastMs);
  const counter = shard.counter + 1;
  const seq = sequenceNumber(shard.index, shard.createdMs, at, counter);
  call.commit({
    k: 'put', account: stream.account, region: stream.region, name: stream.name, at: call.now,
    records: [[shard.index, { counter, data, partitionKey, at, ...(explicitHashKey !== undefined ? { explicitHashKey } : {}) }]],
  });
  return { ShardId: shard.id, SequenceNumber: seq, EncryptionType: encryptionType(stream) };
};
