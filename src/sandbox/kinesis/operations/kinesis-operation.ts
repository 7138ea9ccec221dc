/**
 * What one Kinesis operation is to the engine: a function from a validated request to a response
 * body, given the call's context. Adding an operation is one file exporting a KinesisOperation and
 * one line in operation-table.ts (docs/kinesis-engine.md, "How to add an operation").
 */
import type { ValidatedInput } from '../model/validate-input.js';
import type { KinesisStore } from '../kinesis-store.js';
import type { LimitMeters } from '../limits/limit-meters.js';
import type { StreamChange } from '../stream-change.js';
import type { Subscriptions } from '../subscriptions.js';

/** Who is calling, and where. */
export interface CallerContext {
  /** 12-digit account id of the caller's access key (see ../../sandbox-accounts.ts). */
  account: string;
  region: string;
  /** ARN partition of the region (`aws`, `aws-cn` …). */
  partition: string;
}

/** Engine settings operations read (all times in ms). */
export interface EngineSettings {
  createStreamMs: number;
  deleteStreamMs: number;
  updateStreamMs: number;
  /** Open shards allowed per account and region; undefined: AWS's default quota for the region. */
  shardLimit?: number;
}

export interface OperationCall {
  caller: CallerContext;
  operation: string;
  /** The engine's clock at the start of the call (ms). */
  now: number;
  /** When the request reached the sandbox, on its clock (ms): what throughput and call-rate limits count in. */
  arrivedAt: number;
  /** AWS's limits, and what has been taken from them. */
  limits: LimitMeters;
  /** SubscribeToShard's open subscriptions. */
  subscriptions: Subscriptions;
  store: KinesisStore;
  settings: EngineSettings;
  /** Makes a change: journaled first when the sandbox keeps data, then applied. */
  commit(change: StreamChange): void;
}

export type KinesisOperation = (call: OperationCall, input: ValidatedInput) => Record<string, unknown>;
