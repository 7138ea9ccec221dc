/**
 * What the engine keeps, account → region → stream → shards → records. Plain data, so a snapshot is
 * the state itself (stream-snapshot.ts) and every change is one journal entry (stream-change.ts).
 */

/**
 * One record as stored: Data stays base64 text, as JSON clients send and read it. Its sequence number
 * is not stored (56 characters per record): it follows from the shard, `at` and `counter`
 * (shard-reading.ts, `recordSequenceNumber`).
 */
export interface StoredRecord {
  /** Position within the shard: 1, 2, 3 … (the last field of its sequence number). */
  counter: number;
  /** base64 */
  data: string;
  partitionKey: string;
  /** Arrival, ms since epoch. */
  at: number;
  explicitHashKey?: string;
}

export interface ShardState {
  index: number;
  /** `shardId-000000000000` */
  id: string;
  parentShardId?: string;
  adjacentParentShardId?: string;
  /** Decimal, as the API shows hash keys. */
  startingHashKey: string;
  endingHashKey: string;
  /** The same range as 32 hex digits, so a partition key's MD5 compares as text. */
  startHex: string;
  endHex: string;
  createdMs: number;
  /** Set when a split, merge or resharding closed the shard. */
  closedMs?: number;
  /** The last counter used in a sequence number of this shard. */
  counter: number;
  /** Arrival time of the latest record (sequence numbers never go back in time). */
  lastMs: number;
  /** Oldest first; trimmed from the front when records pass the stream's retention. */
  records: StoredRecord[];
}

export type StreamStatus = 'CREATING' | 'DELETING' | 'ACTIVE' | 'UPDATING';
export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';

/** A change that finishes later (CREATING → ACTIVE, resharding …), applied when its time has come. */
export type PendingWork =
  | { kind: 'create'; at: number }
  | { kind: 'delete'; at: number }
  | { kind: 'split'; at: number; shardIndex: number; newStartingHashKey: string }
  | { kind: 'merge'; at: number; shardIndex: number; adjacentIndex: number }
  | { kind: 'reshard'; at: number; targetShardCount: number }
  | { kind: 'mode'; at: number; mode: StreamMode };

export interface StreamState {
  account: string;
  region: string;
  name: string;
  arn: string;
  status: StreamStatus;
  mode: StreamMode;
  createdMs: number;
  retentionHours: number;
  maxRecordSizeInKiB: number;
  shardLevelMetrics: string[];
  tags: Record<string, string>;
  shards: ShardState[];
  /** Work still to do, oldest first; see settle-stream.ts. */
  pending: PendingWork[];
}
