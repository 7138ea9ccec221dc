/** PutRecords: up to 500 records, each to the shard its hash key falls in, answered in request order. */
import { invalidArgument, writeRateExceeded } from '../kinesis-texts.js';
import { assertRecordSize, assertWritable, recordBytes, shardForRecord } from '../record-routing.js';
import { requestedStream } from '../resolve-stream.js';
import { sequenceNumber } from '../sequence-number.js';
import { encryptionType } from '../stream-views.js';
import type { StoredRecord } from '../stream-state.js';
import type { KinesisOperation } from './kinesis-operation.js';

/** AWS: a PutRecords request holds at most 10 MiB of data and partition keys. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
export const RECORDS_TOO_LARGE = 'Records size exceeds 10 MB limit';

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
  const sizes = entries.map((entry, index) => {
    assertRecordSize(stream, entry.Data, `records.${index + 1}.member.data`);
    const bytes = recordBytes(entry.Data, entry.PartitionKey);
    total += bytes;
    return bytes;
  });
  if (total > MAX_REQUEST_BYTES) throw invalidArgument(RECORDS_TOO_LARGE);
  // Every entry is routed (a bad ExplicitHashKey refuses the whole request) before any takes write capacity.
  const shards = entries.map((entry) => shardForRecord(stream, entry.PartitionKey, entry.ExplicitHashKey));
  // Sequence numbers are minted before the change is applied: count ahead per shard.
  const counters = new Map<number, { counter: number; at: number }>();
  const written: [number, StoredRecord][] = [];
  let failed = 0;
  const answers = entries.map((entry, index): Record<string, string> => {
    const shard = shards[index]!;
    // Each entry meets its shard's limit on its own: some are written, the others answered throttled.
    if (!call.limits.admitWrite(stream, shard, sizes[index]!, call.arrivedAt)) {
      failed += 1;
      return { ErrorCode: 'ProvisionedThroughputExceededException', ErrorMessage: writeRateExceeded(shard.id, stream.name, stream.account) };
    }
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
  if (written.length > 0) call.commit({ k: 'put', account: stream.account, region: stream.region, name: stream.name, at: call.now, records: written });
  return { FailedRecordCount: failed, Records: answers, EncryptionType: encryptionType(stream) };
};
