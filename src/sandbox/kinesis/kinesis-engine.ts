/**
 * The sandbox's Kinesis engine: answers one call at a time, in process, synchronously. A call is
 * validated against botocore's Kinesis model, then carried out by its operation (operation-table.ts);
 * state changes go through the durable log, so with a data folder they are journaled before the
 * answer leaves. See docs/kinesis-engine.md.
 */
import type { DurableStore } from '../durable/durable-store.js';
import type { LocatedResource } from '../sandbox-types.js';
import { KinesisError } from './kinesis-error.js';
import { kinesisSection } from './kinesis-section.js';
import { KinesisStore } from './kinesis-store.js';
import { KINESIS_OPERATIONS } from './model/kinesis-model.js';
import { validateInput } from './model/validate-input.js';
import type { CallerContext, EngineSettings, OperationCall } from './operations/kinesis-operation.js';
import { OPERATIONS } from './operations/operation-table.js';
import { trimExpired } from './shard-reading.js';
import type { StreamChange } from './stream-change.js';
import { callRateExceeded } from './kinesis-texts.js';
import { AWS_LIMITS, type KinesisLimits } from './limits/kinesis-limits.js';
import { createLimitMeters } from './limits/limit-meters.js';
import { streamNameOf } from './stream-name-of.js';
import { subscriptionFeed, type SubscriptionMessage } from './subscription-feed.js';
import { Subscriptions, type Subscription } from './subscriptions.js';

export interface KinesisEngineOptions extends EngineSettings {
  /** The engine's clock (record arrival, iterators, CREATING → ACTIVE). @default Date.now */
  now?: () => number;
  /** AWS's throughput and call-rate limits, or NO_LIMITS (`--limits off`). @default AWS_LIMITS */
  limits?: KinesisLimits;
}

export interface KinesisEngine {
  /** True for the operations in botocore's Kinesis model (implemented or not). */
  knows(operation: string): boolean;
  /**
   * The response body of one call; throws KinesisError for AWS's errors.
   * @param arrivedAt when the request reached the sandbox (its limits count in this clock) @default the engine's clock
   */
  call(caller: CallerContext, operation: string, input: Record<string, unknown>, arrivedAt?: number): Record<string, unknown>;
  /** Drops records past their stream's retention (the sandbox runs this every minute). */
  trimAll(): void;
  /**
   * SubscribeToShard: checked and opened like any call (a KinesisError before the stream starts),
   * then its messages until the subscription ends or `signal` aborts (subscription-feed.ts).
   */
  subscribe(caller: CallerContext, input: Record<string, unknown>, arrivedAt: number, signal: AbortSignal): AsyncIterable<SubscriptionMessage>;
  /** What is allocated: accounts and regions that hold streams (flood tests). */
  footprint(): { accounts: number; regions: number };
  /** When the last pending work (CREATING → ACTIVE, resharding …) completes; 0 when none is pending. */
  pendingUntil(): number;
  /** Every account and region with a stream of this name, and the records it holds (the sandbox's look across accounts). */
  locate(name: string): LocatedResource[];
}

export function createKinesisEngine(options: KinesisEngineOptions, durable: DurableStore): KinesisEngine {
  const now = options.now ?? Date.now;
  const store = new KinesisStore();
  const log = durable.attach(kinesisSection(store, now));
  const commit = (change: StreamChange): void => log.record(change);
  const limits = createLimitMeters(options.limits ?? AWS_LIMITS);
  const subscriptions = new Subscriptions();
  const settings: EngineSettings = {
    createStreamMs: options.createStreamMs,
    deleteStreamMs: options.deleteStreamMs,
    updateStreamMs: options.updateStreamMs,
    ...(options.shardLimit !== undefined ? { shardLimit: options.shardLimit } : {}),
  };

  const engine: KinesisEngine = {
    knows: (operation) => Object.hasOwn(KINESIS_OPERATIONS, operation),
    call(caller, operation, input, arrivedAt) {
      const shape = KINESIS_OPERATIONS[operation];
      // Validated first, as AWS would, even where the sandbox cannot carry the operation out.
      const validated = shape ? validateInput(shape, input) : {};
      const run = OPERATIONS[operation];
      // Every model operation has one (kinesis-engine.test.ts); a model newer than the table lands here.
      if (!run) throw new KinesisError('InternalFailure', `The sandbox's Kinesis engine has no ${operation} yet.`, 500);
      const at = now();
      const call: OperationCall = { caller, operation, now: at, arrivedAt: arrivedAt ?? at, store, settings, commit, limits, subscriptions };
      // Throttled after validation, as a malformed call never reaches the service's rate limiter.
      const stream = streamNameOf(validated);
      if (limits.admitApi(operation, { account: caller.account, region: caller.region, ...(stream !== undefined ? { stream } : {}) }, call.arrivedAt)) {
        throw callRateExceeded(caller.account, stream);
      }
      return run(call, validated);
    },
    subscribe(caller, input, arrivedAt, signal) {
      const opened = engine.call(caller, 'SubscribeToShard', input, arrivedAt);
      return subscriptionFeed({ store, subscriptions, now }, opened.subscription as Subscription, signal);
    },
    trimAll() {
      const at = now();
      for (const stream of store.all()) trimExpired(stream, at);
    },
    footprint: () => store.footprint(),
    pendingUntil() {
      let until = 0;
      for (const stream of store.all()) for (const work of stream.pending) until = Math.max(until, work.at);
      return until;
    },
    locate(name) {
      const at = now();
      const found: LocatedResource[] = [];
      for (const stream of store.all()) {
        if (stream.name !== name || !store.find(stream.account, stream.region, stream.name, at)) continue;
        found.push({ account: stream.account, region: stream.region, records: stream.shards.reduce((total, shard) => total + shard.records.length, 0) });
      }
      return found;
    },
  };
  return engine;
}
