/**
 * SubscribeToShard: opens an enhanced fan-out subscription of an ACTIVE consumer to one shard, from a
 * StartingPosition. The answer is an event stream; this operation checks the call and opens the
 * subscription, and subscription-feed.ts sends its events (kinesis-wire.ts frames them).
 */
import { consumerStatus } from '../consumer-views.js';
import { KinesisError } from '../kinesis-error.js';
import { shardNotFound } from '../kinesis-texts.js';
import { requestedConsumer } from '../resolve-stream.js';
import { shardIdOf } from '../settle-stream.js';
import { shardAt, shardIndexOf, trimExpired } from '../shard-reading.js';
import { startPosition } from '../start-position.js';
import { SUBSCRIPTION_MS } from '../subscriptions.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const subscribeToShard: KinesisOperation = (call, input) => {
  const { stream, consumer } = requestedConsumer(call, { ConsumerARN: input.ConsumerARN });
  if (consumerStatus(consumer, call.now) !== 'ACTIVE') {
    throw new KinesisError('ResourceInUseException', `Consumer ${consumer.arn} is ${consumerStatus(consumer, call.now)}, not ACTIVE.`);
  }
  const index = shardIndexOf(String(input.ShardId), stream.name, stream.account);
  const shard = shardAt(stream, index);
  if (!shard) throw shardNotFound(shardIdOf(index), stream.name, stream.account);
  call.subscriptions.admit(consumer.arn, shard.id, call.arrivedAt);
  trimExpired(stream, call.now);
  const starting = input.StartingPosition as { Type: string; SequenceNumber?: string; Timestamp?: number };
  const position = startPosition(call, shard, stream.name, stream.account, starting.Type, starting.SequenceNumber, starting.Timestamp);
  const subscription = call.subscriptions.open(shard.id, {
    account: stream.account, region: stream.region, streamName: stream.name, streamCreatedMs: stream.createdMs, shardIndex: shard.index,
    consumerArn: consumer.arn, consumerName: consumer.name, position, startedAt: call.arrivedAt, endsAt: call.now + SUBSCRIPTION_MS,
  });
  return { subscription };
};
