/**
 * SubscribeToShard's subscriptions, one per consumer and shard, in memory (a restarted sandbox has
 * dropped their connections anyway). As AWS documents: one call per second per consumer and shard; a
 * call within 5 seconds of a successful one is ResourceInUseException; a later one takes over and the
 * earlier subscription ends; a subscription lasts 5 minutes.
 */
import { KinesisError } from './kinesis-error.js';
import type { ReadPosition } from './read-records.js';

export const SUBSCRIPTION_MS = 300_000;
const TAKEOVER_MS = 5_000;
const CALL_INTERVAL_MS = 1_000;

export interface Subscription {
  id: number;
  account: string;
  region: string;
  streamName: string;
  streamCreatedMs: number;
  shardIndex: number;
  consumerArn: string;
  consumerName: string;
  position: ReadPosition;
  startedAt: number;
  endsAt: number;
}

export class Subscriptions {
  readonly #current = new Map<string, Subscription>();
  readonly #lastCall = new Map<string, number>();
  #nextId = 1;

  /** Checks the call rate and the 5-second rule; the caller then opens the subscription. */
  admit(consumerArn: string, shardId: string, at: number): void {
    const key = `${consumerArn} ${shardId}`;
    const last = this.#lastCall.get(key);
    this.#lastCall.set(key, at);
    if (last !== undefined && at - last < CALL_INTERVAL_MS) {
      throw new KinesisError('LimitExceededException', `Rate exceeded for consumer ${consumerArn} and shard ${shardId}: one SubscribeToShard call per second.`);
    }
    const current = this.#current.get(key);
    if (current && at - current.startedAt < TAKEOVER_MS && at < current.endsAt) {
      throw new KinesisError('ResourceInUseException', `Another active subscription exists for consumer ${consumerArn} and shard ${shardId}.`);
    }
  }

  open(shardId: string, subscription: Omit<Subscription, 'id'>): Subscription {
    const opened = { ...subscription, id: this.#nextId++ };
    this.#current.set(`${subscription.consumerArn} ${shardId}`, opened);
    return opened;
  }

  /** False once a later call took the subscription over. */
  isCurrent(subscription: Subscription, shardId: string): boolean {
    return this.#current.get(`${subscription.consumerArn} ${shardId}`)?.id === subscription.id;
  }

  close(subscription: Subscription, shardId: string): void {
    const key = `${subscription.consumerArn} ${shardId}`;
    if (this.#current.get(key)?.id === subscription.id) this.#current.delete(key);
  }
}
