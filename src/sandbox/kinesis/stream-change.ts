/**
 * Every change to the Kinesis state is one of these: operations decide (validate, pick shards, mint
 * sequence numbers) and then `applyChange` does it, live and when the journal is replayed, so a
 * restart reaches exactly the state the calls left. On-disk format: each change is one JSON line of
 * the `kinesis` journal (see ../durable/durable-store.ts); fields are short because PutRecord writes
 * one line per call.
 */
import { uniformRanges } from './hash-key.js';
import type { KinesisStore } from './kinesis-store.js';
import { addShard } from './settle-stream.js';
import type { AccountSettings, ConsumerState, PendingWork, StoredRecord, StreamMode, StreamState, StreamStatus } from './stream-state.js';

/** Which stream a change is about. */
interface StreamRef {
  account: string;
  region: string;
  name: string;
  /** When the change happened (ms); pending work due by then is applied first. */
  at: number;
}

export type StreamChange =
  | (StreamRef & {
      k: 'create';
      arn: string;
      mode: StreamMode;
      shardCount: number;
      readyAt: number;
      retentionHours: number;
      maxRecordSizeInKiB: number;
      tags: Record<string, string>;
      warmThroughputMiBps?: number;
    })
  | (StreamRef & { k: 'delete'; goneAt: number })
  | (StreamRef & { k: 'put'; records: [shardIndex: number, record: StoredRecord][] })
  | (StreamRef & { k: 'retention'; hours: number })
  /** Tags of the stream, or of its consumer `consumer`. */
  | (StreamRef & { k: 'tags'; set?: Record<string, string>; remove?: string[]; consumer?: string })
  | (StreamRef & { k: 'metrics'; metrics: string[] })
  | (StreamRef & { k: 'maxRecordSize'; kib: number })
  | (StreamRef & { k: 'schedule'; work: PendingWork; status: StreamStatus })
  | (StreamRef & { k: 'consumer'; consumer: ConsumerState })
  /** DeregisterStreamConsumer: DELETING until `goneAt`. */
  | (StreamRef & { k: 'consumerGone'; consumer: string; goneAt: number })
  /** PutResourcePolicy (a policy) or DeleteResourcePolicy (null), on the stream or its consumer `consumer`. */
  | (StreamRef & { k: 'policy'; policy: string | null; consumer?: string })
  | { k: 'account'; account: string; region: string; at: number; settings: AccountSettings };

export function applyChange(store: KinesisStore, change: StreamChange): void {
  if (change.k === 'create') {
    store.add(newStream(change));
    return;
  }
  if (change.k === 'account') {
    store.setAccountSettings(change.account, change.region, change.settings);
    return;
  }
  const stream = store.find(change.account, change.region, change.name, change.at);
  // A journal line for a stream that is not there cannot be applied; replay skips it like AWS would refuse the call.
  if (!stream) return;
  switch (change.k) {
    case 'delete':
      stream.status = 'DELETING';
      stream.pending = [{ kind: 'delete', at: change.goneAt }];
      return;
    case 'put':
      for (const [shardIndex, record] of change.records) appendRecord(stream, shardIndex, record);
      return;
    case 'retention':
      stream.retentionHours = change.hours;
      return;
    case 'tags': {
      const tags = change.consumer === undefined ? stream.tags : stream.consumers.find((c) => c.name === change.consumer)?.tags;
      if (!tags) return;
      for (const key of change.remove ?? []) delete tags[key];
      Object.assign(tags, change.set ?? {});
      return;
    }
    case 'consumer':
      stream.consumers.push({ ...change.consumer, tags: { ...change.consumer.tags } });
      return;
    case 'consumerGone': {
      const consumer = stream.consumers.find((c) => c.name === change.consumer && c.goneAt === undefined);
      if (consumer) consumer.goneAt = change.goneAt;
      return;
    }
    case 'policy': {
      const holder = change.consumer === undefined ? stream : stream.consumers.find((c) => c.name === change.consumer && c.goneAt === undefined);
      if (!holder) return;
      if (change.policy === null) delete holder.policy;
      else holder.policy = change.policy;
      return;
    }
    case 'metrics':
      stream.shardLevelMetrics = change.metrics;
      return;
    case 'maxRecordSize':
      stream.maxRecordSizeInKiB = change.kib;
      return;
    case 'schedule':
      stream.status = change.status;
      stream.pending.push(change.work);
      return;
  }
}

function newStream(change: Extract<StreamChange, { k: 'create' }>): StreamState {
  const stream: StreamState = {
    account: change.account,
    region: change.region,
    name: change.name,
    arn: change.arn,
    status: 'CREATING',
    mode: change.mode,
    createdMs: change.at,
    retentionHours: change.retentionHours,
    maxRecordSizeInKiB: change.maxRecordSizeInKiB,
    shardLevelMetrics: [],
    tags: { ...change.tags },
    shards: [],
    pending: [{ kind: 'create', at: change.readyAt }],
    consumers: [],
    ...(change.warmThroughputMiBps !== undefined ? { warmThroughputMiBps: change.warmThroughputMiBps } : {}),
  };
  for (const range of uniformRanges(change.shardCount)) addShard(stream, range, change.at);
  return stream;
}

function appendRecord(stream: StreamState, shardIndex: number, record: StoredRecord): void {
  const shard = stream.shards[shardIndex];
  if (!shard) return;
  shard.records.push(record);
  shard.counter = Math.max(shard.counter, record.counter);
  shard.lastMs = Math.max(shard.lastMs, record.at);
}

