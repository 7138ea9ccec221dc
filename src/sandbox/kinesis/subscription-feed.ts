/**
 * The events of one SubscribeToShard subscription: SubscribeToShardEvent with the records that arrived
 * since the last one, the ContinuationSequenceNumber to resume from and MillisBehindLatest; an empty
 * event at least every second while nothing arrives; the child shards, and the end, once a closed shard
 * has been read. It ends after 5 minutes, when another call takes the subscription over (an exception
 * event, as AWS's earlier connection "fails with a ResourceInUseException"), when the stream or the
 * consumer goes away, or when the connection closes (`signal`).
 */
import { consumerStatus, liveConsumer } from './consumer-views.js';
import type { KinesisStore } from './kinesis-store.js';
import { readRecords } from './read-records.js';
import { shardIdOf } from './settle-stream.js';
import type { Subscription, Subscriptions } from './subscriptions.js';

/** One message of the event stream (kinesis-wire.ts encodes it). */
export type SubscriptionMessage =
  | { type: 'event'; event: Record<string, unknown> }
  | { type: 'exception'; code: string; message: string };

export interface FeedContext {
  store: KinesisStore;
  subscriptions: Subscriptions;
  now: () => number;
  /** How often the shard is looked at for new records. @default 200 */
  pollMs?: number;
}

const EVENT_RECORDS = 10_000;
const IDLE_EVENT_MS = 1_000;

export async function* subscriptionFeed(context: FeedContext, subscription: Subscription, signal: AbortSignal): AsyncGenerator<SubscriptionMessage> {
  const { store, subscriptions, now } = context;
  const shardId = shardIdOf(subscription.shardIndex);
  let position = subscription.position;
  let lastEvent = 0;
  try {
    while (!signal.aborted) {
      const at = now();
      if (at >= subscription.endsAt) return;
      if (!subscriptions.isCurrent(subscription, shardId)) {
        yield { type: 'exception', code: 'ResourceInUseException', message: `Another SubscribeToShard call took over the subscription of ${subscription.consumerArn} to ${shardId}.` };
        return;
      }
      const stream = store.find(subscription.account, subscription.region, subscription.streamName, at);
      const consumer = stream?.createdMs === subscription.streamCreatedMs ? liveConsumer(stream, subscription.consumerName) : undefined;
      const shard = stream?.shards[subscription.shardIndex];
      if (!stream || !shard || !consumer || consumerStatus(consumer, at) !== 'ACTIVE') {
        yield { type: 'exception', code: 'ResourceNotFoundException', message: `Consumer ${subscription.consumerArn} or its stream ${subscription.streamName} under account ${subscription.account} no longer exists.` };
        return;
      }
      const read = readRecords(stream, shard, position, EVENT_RECORDS, at);
      if (read.records.length > 0 || read.childShards || at - lastEvent >= IDLE_EVENT_MS) {
        position = read.next;
        lastEvent = at;
        yield {
          type: 'event',
          event: {
            Records: read.records,
            ContinuationSequenceNumber: position.sequenceNumber,
            MillisBehindLatest: read.millisBehindLatest,
            ...(read.childShards ? { ChildShards: read.childShards } : {}),
          },
        };
        if (read.childShards) return;
        if (read.records.length > 0) continue;
      }
      await pause(context.pollMs ?? 200, signal);
    }
  } finally {
    subscriptions.close(subscription, shardId);
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
