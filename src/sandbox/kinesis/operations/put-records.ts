/** PutRecords: up to 500 records, each to the shard its hash key falls in, answered in request order. */
import { invalidArgument } from '../kinesis-texts.js';
import { base64ByteLength } from '../model/validate-input.js';
import { assertRecordSize, assertWritable, shardForRecord } from '../record-routing.js';
import { requestedStream } from '../resolve-stream.js';
import { sequenceNumber } from '../sequence-number.js';
import type { StoredRecord } from '../stream-state.js';
import type { KinesisOperation } from './kinesis-operation.js';

/** AWS: a PutRecords request holds at most 10 MiB of data and partition keys. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

interface Entry {
  Data: string;
  PartitionKey: string;
  ExplicitHashKey?: string;
}

export const putRecords: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  assertWritable(stream);
  const entries = input.Records as Entry[];
  let total = 0;
  entries.forEach((entry, index) => {
    assertRecordSize(stream, entry.Data, `records.${index + 1}.member.data`);
    total += base64ByteLength(entry.Data) + Buffer.byteLength(entry.PartitionKey, 'utf8');
  });
  if (total > MAX_REQUEST_BYTES) throw invalidArgument('Records size exceeds 10 MB limit');
  // Sequence numbers are minted before the change is applied: count ahead per shard.
  const counters = new Map<number, { counter: number; at: number }>();
  const written: [number, StoredRecord][] = [];
  const answers = entries.map((entry) => {
    const shard = shardForRecord(stream, entry.PartitionKey, entry.ExplicitHashKey);
    const next = counters.get(shard.index) ?? { counter: shard.counter, at: Math.max(call.now, shard.lastMs) };
    next.counter += 1;
    counters.set(shard.index, next);
    const seq = sequenceNumber(shard.index, shard.createdMs, next.at, next.counter);
    written.push([shard.index, {
      counter: next.counter, data: entry.Data, partitionKey: entry.PartitionKey, at: next.at,
      ...(entry.ExplicitHashKey !== undefined ? { explicitHashKey: entry.ExplicitHashKey } : {}),
    }]);
    return { SequenceNumber: seq, ShardId: shard.id };
  });
  call.commit({ k: 'put', account: stream.account, region: stream.region, name: stream.name, at: call.now, records: written });
  return { FailedRecordCount: 0, Records: answers, EncryptionType: 'NONE' };
};
