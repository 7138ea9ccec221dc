/**
 * Exactly once across a crash. A pipe delivers a batch (the target's journal line) and then
 * checkpoints it (the pipes journal line); a kill -9 between the two would send the batch again on
 * restart. So before it delivers, the runner journals that a delivery began on the shard, and a
 * restart that finds such a delivery unfinished reads the target from that moment on: every event
 * there that came from this pipe's source shard (its `eventSourceARN` and `eventID`, as Pipes writes
 * them) was delivered already and is not sent again.
 */
import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import type { LogsStore } from '../logs/logs-store.js';

/** Where the records a pipe delivered may be. */
export type DeliveryTarget =
  | { kind: 'kinesis'; client: KinesisClient; streamArn: string }
  | { kind: 'logs'; store: LogsStore; account: string; region: string; group: string; stream: string };

/** Reading starts this long before the delivery began: arrival times and the runner's clock may differ by a little. */
const MARGIN_MS = 5_000;
/** GetRecords pages read per target shard, at most (each up to 10,000 records). */
const MAX_PAGES = 1_000;

/**
 * Sequence numbers of `sourceShard` of `sourceArn` that are in the target since `since` (ms).
 * A target that cannot be read yields nothing: the batch is then sent again (at least once).
 */
export async function deliveredSince(target: DeliveryTarget, sourceArn: string, sourceShard: string, since: number): Promise<Set<string>> {
  const found = new Set<string>();
  const note = (text: string): void => {
    const event = parseEvent(text);
    if (event?.eventSourceARN !== sourceArn || typeof event.eventID !== 'string') return;
    const [shard, sequenceNumber] = event.eventID.split(':');
    if (shard === sourceShard && sequenceNumber) found.add(sequenceNumber);
  };
  if (target.kind === 'logs') {
    try {
      for (const event of target.store.stream(target.account, target.region, target.group, target.stream).events) {
        if (event.ingestionTime >= since - MARGIN_MS) note(event.message);
      }
    } catch {
      // No such log stream: nothing was delivered to it.
    }
    return found;
  }
  try {
    const shards = await target.client.send(new ListShardsCommand({ StreamARN: target.streamArn }));
    for (const shard of shards.Shards ?? []) {
      let iterator = (await target.client.send(new GetShardIteratorCommand({
        StreamARN: target.streamArn,
        ShardId: shard.ShardId,
        ShardIteratorType: 'AT_TIMESTAMP',
        Timestamp: new Date(since - MARGIN_MS),
      }))).ShardIterator;
      for (let page = 0; iterator && page < MAX_PAGES; page++) {
        const read = await target.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
        for (const record of read.Records ?? []) note(Buffer.from(record.Data ?? []).toString('utf8'));
        if ((read.Records ?? []).length === 0 && (read.MillisBehindLatest ?? 0) === 0) break;
        iterator = read.NextShardIterator;
      }
    }
  } catch {
    // Unreadable target: the records are sent again rather than lost.
  }
  return found;
}

function parseEvent(text: string): { eventSourceARN?: unknown; eventID?: unknown } | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value) : undefined;
  } catch {
    return undefined;
  }
}
