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
  | { kind: 'mode'; at: number; mode: StreamMode }
  /** Start (a KMS key) or stop (null) server-side encryption. */
  | { kind: 'encryption'; at: number; keyId: string | null }
  /** UpdateStreamWarmThroughput: an on-demand stream ready for this many MiB/s of writes. */
  | { kind: 'warm'; at: number; mibps: number };

/**
 * An enhanced fan-out consumer (RegisterStreamConsumer). Its status follows from the times:
 * CREATING until `readyAt`, then ACTIVE; once deregistered DELETING until `goneAt`, then gone.
 */
export interface ConsumerState {
  name: string;
  /** `STREAM_ARN/consumer/NAME:CREATION_EPOCH_SECONDS` */
  arn: string;
  createdMs: number;
  readyAt: number;
  goneAt?: number;
  tags: Record<string, string>;
  /** Resource policy (PutResourcePolicy), JSON text. */
  policy?: string;
}

export type ConsumerStatus = 'CREATING' | 'ACTIVE' | 'DELETING';

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
  /** Server-side encryption with this KMS key; absent: EncryptionType NONE. */
  kmsKeyId?: string;
  /** Registered consumers, DELETING ones included until they are gone. */
  consumers: ConsumerState[];
  /** Resource policy (PutResourcePolicy), JSON text. */
  policy?: string;
  /** UpdateStreamWarmThroughput's target, MiB/s. */
  warmThroughputMiBps?: number;
}

/**
 * The account's minimum throughput billing commitment (UpdateAccountSettings), per account and region.
 * Enabled at `startedMs` for at least 24 hours; a disable asked for before `earliestEndMs` takes effect
 * then (ENABLED_UNTIL_EARLIEST_ALLOWED_END meanwhile), one asked for later at `endedMs`.
 */
export interface AccountSettings {
  startedMs?: number;
  earliestEndMs?: number;
  /** A disable asked for before the earliest allowed end. */
  disableAsked?: boolean;
  endedMs?: number;
}
