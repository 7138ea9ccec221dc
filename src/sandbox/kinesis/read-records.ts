/**
 * Reading a shard from a position, as GetRecords and SubscribeToShard's events both do: up to `limit`
 * records and 10 MiB, where the reader goes next, how far behind the newest record it is, and the
 * child shards once a closed shard has been read to its end.
 */
import { base64ByteLength } from './model/validate-input.js';
import { firstRecordFrom, recordSequenceNumber } from './shard-reading.js';
import type { ShardState, StreamState } from './stream-state.js';
import { recordView, shardView } from './stream-views.js';

const MAX_BYTES = 10 * 1024 * 1024;

export interface ReadPosition {
  sequenceNumber: string;
  after: boolean;
}

export interface ShardRead {
  records: Record<string, unknown>[];
  bytes: number;
  next: ReadPosition;
  millisBehindLatest: number;
  /** Set once a closed shard has been read to its end: where its records continue. */
  childShards?: Record<string, unknown>[];
}

export function readRecords(stream: StreamState, shard: ShardState, from: ReadPosition, limit: number, now: number): ShardRead {
  const records: Record<string, unknown>[] = [];
  let bytes = 0;
  let index = firstRecordFrom(shard.records, from.sequenceNumber, from.after);
  for (; index < shard.records.length && records.length < limit; index++) {
    const record = shard.records[index]!;
    const size = base64ByteLength(record.data);
    if (records.length > 0 && bytes + size > MAX_BYTES) break;
    bytes += size;
    records.push(recordView(shard, record, stream));
  }
  const last = records.length > 0 ? shard.records[index - 1] : undefined;
  const caughtUp = index >= shard.records.length;
  return {
    records,
    bytes,
    next: last ? { sequenceNumber: recordSequenceNumber(shard, last), after: true } : from,
    millisBehindLatest: caughtUp || !last ? 0 : Math.max(0, now - last.at),
    ...(caughtUp && shard.closedMs !== undefined ? { childShards: childShards(stream, shard) } : {}),
  };
}

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
