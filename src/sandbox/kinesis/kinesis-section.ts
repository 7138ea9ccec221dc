/**
 * The Kinesis state as a durable section (../durable/durable-section.ts): changes are StreamChanges;
 * a snapshot is one chunk per stream (its settings and shards, records left out) followed by its
 * records in chunks of up to 1,000 per shard. Records past their stream's retention are not written.
 */
import type { DurableSection } from '../durable/durable-section.js';
import type { KinesisStore } from './kinesis-store.js';
import { trimExpired } from './shard-reading.js';
import { applyChange, type StreamChange } from './stream-change.js';
import type { AccountSettings, StoredRecord, StreamState } from './stream-state.js';

const RECORDS_PER_CHUNK = 1000;

type Chunk =
  | { t: 'stream'; stream: StreamState }
  | { t: 'account'; account: string; region: string; settings: AccountSettings }
  | { t: 'records'; account: string; region: string; name: string; shard: number; records: StoredRecord[] };

export function kinesisSection(store: KinesisStore, now: () => number): DurableSection<StreamChange> {
  return {
    name: 'kinesis',
    // 2: consumers, encryption, resource policies, warm throughput, account settings (version 1 still reads).
    formatVersion: 2,
    apply: (change) => applyChange(store, change),
    *snapshot() {
      const at = now();
      for (const entry of store.allAccountSettings()) yield { t: 'account', ...entry } satisfies Chunk;
      for (const stream of [...store.all()]) {
        trimExpired(stream, at);
        yield { t: 'stream', stream: { ...stream, shards: stream.shards.map((shard) => ({ ...shard, records: [] })) } } satisfies Chunk;
        for (const shard of stream.shards) {
          for (let start = 0; start < shard.records.length; start += RECORDS_PER_CHUNK) {
            yield { t: 'records', account: stream.account, region: stream.region, name: stream.name, shard: shard.index, records: shard.records.slice(start, start + RECORDS_PER_CHUNK) } satisfies Chunk;
          }
        }
      }
    },
    restore(value) {
      const chunk = value as Chunk;
      switch (chunk.t) {
        case 'stream':
          // Streams of format version 1 had no consumers.
          store.add({ ...chunk.stream, consumers: (chunk.stream as Partial<StreamState>).consumers ?? [] });
          return;
        case 'account':
          store.setAccountSettings(chunk.account, chunk.region, chunk.settings);
          return;
        case 'records': {
          const shard = store.peek(chunk.account, chunk.region, chunk.name)?.shards[chunk.shard];
          if (!shard) throw new Error(`records for a shard the snapshot did not describe (${chunk.name} ${chunk.shard})`);
          for (const record of chunk.records) shard.records.push(record);
          return;
        }
        default:
          // The snapshot is a file: it may hold what no Chunk type says.
          throw new Error(`unknown snapshot chunk ${JSON.stringify(chunk).slice(0, 80)}`);
      }
    },
    reset: () => store.clear(),
  };
}
