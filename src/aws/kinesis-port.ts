/**
 * The narrow view of Kinesis Data Streams that checks, actions and producers use.
 * `kinesis-adapter.ts` implements it over the SDK v3 client; tests may fake it.
 */
export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';
export type StreamStatus = 'CREATING' | 'DELETING' | 'ACTIVE' | 'UPDATING';

export interface StreamSummary {
  name: string;
  arn: string;
  status: StreamStatus;
  mode: StreamMode;
  openShardCount: number;
  retentionHours: number;
  /** Largest record the stream accepts (partition key + data), in bytes. 1 MiB unless the stream says otherwise. */
  maxRecordBytes: number;
  createdAt?: Date;
}

export interface PutRecordInput {
  partitionKey: string;
  data: Uint8Array;
  /** Forces the hash key; not used by the lab's producers but accepted for completeness. */
  explicitHashKey?: string;
}

export interface PutRecordOutcome {
  shardId: string;
  sequenceNumber: string;
  requestId?: string;
  httpStatus: number;
}

export interface PutRecordsEntryOutcome {
  shardId?: string;
  sequenceNumber?: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface PutRecordsOutcome {
  failedRecordCount: number;
  /** Same order and length as the request's records, as the API guarantees. */
  records: PutRecordsEntryOutcome[];
  requestId?: string;
  httpStatus: number;
}

export interface StreamRecord {
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  data: Uint8Array;
  approximateArrivalTimestamp?: Date;
}

export interface ReadStreamOptions {
  /** Stop after this many records (across shards). */
  limit?: number;
  /** Only records that arrived at or after this time (AT_TIMESTAMP); TRIM_HORIZON otherwise. */
  since?: Date;
}

export interface KinesisPort {
  createStream(name: string, opts: { mode: StreamMode; shardCount?: number; tags?: Record<string, string> }): Promise<void>;
  describeStreamSummary(name: string): Promise<StreamSummary>;
  listStreams(): Promise<string[]>;
  listShardIds(name: string): Promise<string[]>;
  putRecord(name: string, input: PutRecordInput): Promise<PutRecordOutcome>;
  putRecords(name: string, inputs: PutRecordInput[]): Promise<PutRecordsOutcome>;
  /** Reads every shard from the trim horizon (or `since`) until each shard is caught up. */
  readStream(name: string, opts?: ReadStreamOptions): Promise<StreamRecord[]>;
  /** The record at exactly this sequence number (GetShardIterator AT_SEQUENCE_NUMBER), or undefined if trimmed/absent. */
  readRecordAt(name: string, shardId: string, sequenceNumber: string): Promise<StreamRecord | undefined>;
  deleteStream(name: string): Promise<void>;
  /** The stream's tags, or undefined when there is no such stream: whose it is (see resources/ownership.ts). */
  streamTags(name: string): Promise<Record<string, string> | undefined>;
  /** UpdateShardCount with UNIFORM_SCALING: the stream is UPDATING until its `target` shards are open. */
  updateShardCount(name: string, target: number): Promise<void>;
}
