/** Finding shards by id and positions within them, for GetShardIterator and GetRecords. */
import { couldNotFindShard } from './kinesis-texts.js';
import { parseSequenceNumber, sequenceNumber } from './sequence-number.js';
import type { ShardState, StoredRecord, StreamState } from './stream-state.js';

/**
 * The shard a ShardId names. Like AWS (and kinesalite), `shardId-000000000001`, `1` and
 * `anything-1` all name shard 1; an id with no index is not found.
 */
export function shardIndexOf(shardId: string, streamName: string, account: string): number {
  const digits = shardId.split('-')[1] ?? shardId;
  const index = /^\d+$/.test(digits) ? Number(digits) : NaN;
  if (!(index >= 0 && index <= 2147483647)) throw couldNotFindShard(shardId, streamName, account);
  return index;
}

export function shardAt(stream: StreamState, index: number): ShardState | undefined {
  return stream.status === 'CREATING' ? undefined : stream.shards[index];
}

/** A stored record's sequence number. */
export function recordSequenceNumber(shard: ShardState, record: StoredRecord): string {
  return sequenceNumber(shard.index, shard.createdMs, record.at, record.counter);
}

/**
 * Index of the first record at or after (`after`: strictly after) a sequence number of the shard.
 * Within a shard the counter orders records as their sequence numbers do.
 */
export function firstRecordFrom(records: StoredRecord[], position: string, after: boolean): number {
  const counter = parseSequenceNumber(position)?.counter ?? 0;
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const at = (records[middle]!).counter;
    if (at < counter || (after && at === counter)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first record that arrived at or after `ms`. */
export function firstRecordAt(records: StoredRecord[], ms: number): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((records[middle]!).at < ms) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Drops records older than the stream's retention period (AWS makes them unreadable then). */
export function trimExpired(stream: StreamState, now: number): void {
  const cutoff = now - stream.retentionHours * 3_600_000;
  for (const shard of stream.shards) {
    const first = shard.records[0];
    if (first === undefined || first.at >= cutoff) continue;
    shard.records.splice(0, firstRecordAt(shard.records, cutoff));
  }
}
