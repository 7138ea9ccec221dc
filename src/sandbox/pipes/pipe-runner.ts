/**
 * Runs RUNNING pipes that read a Kinesis stream in the sandbox, as the Pipes documentation
 * describes: each shard is polled 4 times a second from the starting position; records become
 * pipe events, pass FilterCriteria (any filter), and are batched up to BatchSize, the batching
 * window or 6 MB; ParallelizationFactor N delivers up to N batches of a shard at once while
 * records of one partition key stay in one lane, in order. A per-shard checkpoint (the highest
 * sequence number handled) lets a stopped pipe resume without redelivery; checkpoints live in the
 * pipes state (pipe-table.ts), journaled, so a restarted sandbox resumes too, and a delivery a
 * crash cut off is completed without sending twice (delivered-before-crash.ts).
 *
 * It runs as the pipe's own account and names its streams by ARN, so a stream of another account
 * is refused as AWS refuses it. It talks to the sandbox's own Kinesis in process through the SDK,
 * so its reads and writes show up in the call log (and metrics) like any consumer's. A CloudWatch Logs target gets one log
 * event per pipe event (the event as JSON) in the target's LogStreamName, which the runner
 * creates when it is missing, as Pipes does with logs:CreateLogStream.
 */
import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import type { GetShardIteratorCommandInput, KinesisClient, _Record } from '@aws-sdk/client-kinesis';
import { buildKinesisPipeEvent, compileKinesisPipeFilter, passesFilters } from '../../filter/pipe-event.js';
import type { KinesisPipeEvent, PipeFilter } from '../../filter/pipe-event.js';
import { parseStreamArn as parseKinesisStreamArn } from '../kinesis/stream-arn.js';
import { LogsError, type LogsStore } from '../logs/logs-store.js';
import { accountInArn, crossAccountDenied } from '../sandbox-accounts.js';
import { deliveredSince, type DeliveryTarget } from './delivered-before-crash.js';
import type { PipeChange, PipeProgress, PipeRecord, PipeTable } from './pipe-table.js';
import { wireValueText } from '../wire-value-text.js';

/**
 * How a delivery attempt ended: 'retryable' when only AWS-side failures stopped it (the target's
 * throttling, its 5xx), which the target clears by itself; 'failed' for a customer error (access, a
 * missing target, a partition key path that finds nothing).
 */
type Delivery = 'delivered' | 'retryable' | 'failed';

/** Error codes of the target's own that Pipes retries as AWS failures, not the customer's. */
const RETRYABLE_AWS_FAILURES = new Set(['ProvisionedThroughputExceededException', 'InternalFailure', 'KMSThrottlingException', 'LimitExceededException', 'ThrottlingException', 'ServiceUnavailable']);

function isRetryableAwsFailure(error: unknown): boolean {
  const { name, $metadata } = error as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  return (typeof name === 'string' && RETRYABLE_AWS_FAILURES.has(name)) || ($metadata?.httpStatusCode ?? 0) >= 500;
}

/** Pipes polls each shard 4 times per second. */
export const POLL_INTERVAL_MS = 250;
/** A batch's payload limit. */
export const MAX_BATCH_BYTES = 6 * 1024 * 1024;
/** PutRecords takes at most 500 records per call. */
const PUT_RECORDS_MAX = 500;

export interface PipeRunnerOptions {
  /** A Kinesis client for the sandbox in `region`, acting as `account` (the pipe's). */
  kinesisFor(region: string, account: string): KinesisClient;
  /** Where checkpoints are kept, and how they change (journaled, then applied). */
  table: PipeTable;
  commit(change: PipeChange): void;
  /** The sandbox's CloudWatch Logs, for pipes with a log group target. */
  logs?: LogsStore;
  /** Time for batching windows. @default Date.now */
  clock?: () => number;
  /** Waits between polls; tests may make it faster. @default setTimeout-based */
  sleep?: (ms: number) => Promise<void>;
  /** @default 250 */
  pollIntervalMs?: number;
}

/** What a running pipe has done, for checks, diagnosis and tests. */
export interface PipeRunStatus {
  /** Highest sequence number handled (delivered or filtered out) per shard. */
  checkpoints: Record<string, string>;
  delivered: number;
  filteredOut: number;
  /** Records read and waiting for their batch (batching window), across shards. */
  buffered: number;
  /** The last delivery or read failure, if the pipe is retrying. */
  lastError?: string;
}

interface Settings {
  /** The pipe's ARN and account: the runner acts as that account. */
  pipeArn: string;
  account: string;
  region: string;
  sourceStream: string;
  targetRegion: string;
  targetStream: string;
  /** The target stream's ARN (empty for a Logs target). */
  targetArn: string;
  partitionKey: string;
  /** Set for a CloudWatch Logs target (then the Kinesis target fields are unused). */
  logs?: { region: string; group: string; stream: string; arn: string };
  /**
   * LATEST and AT_TIMESTAMP read from the trim horizon and skip what arrived before this time
   * (ms), so a restarted pipe and a new one start the same way.
   */
  skipBefore?: number;
  batchSize: number;
  windowMs: number;
  lanes: number;
  maxRetries: number;
  filters: PipeFilter[];
  roleArn: string;
  sourceArn: string;
}

interface Buffered {
  event: KinesisPipeEvent;
  sequenceNumber: string;
  passes: boolean;
  /** Delivered in an earlier attempt at this buffer; never sent again. */
  sent: boolean;
  /** Before the starting position (LATEST/AT_TIMESTAMP): checkpointed past, never counted. */
  skipped: boolean;
  bytes: number;
}

/** Parses a stream ARN into region and name. */
export function parseStreamArn(arn: string): { region: string; streamName: string } | undefined {
  const parts = parseKinesisStreamArn(arn);
  return parts ? { region: parts.region, streamName: parts.name } : undefined;
}

/** Parses a log group ARN (`arn:aws:logs:R:A:log-group:NAME`, optionally ending `:*`). */
export function parseLogGroupArn(arn: string): { region: string; group: string } | undefined {
  const match = /^arn:aws[a-zA-Z-]*:logs:([a-z0-9-]+):\d{12}:log-group:([.\-_/#A-Za-z0-9]{1,512})(:\*)?$/.exec(arn);
  return match ? { region: match[1]!, group: match[2]! } : undefined;
}

/** Keeps one runner per RUNNING pipe; checkpoints and counts live in the pipe table. */
export class PipeRunnerManager {
  private readonly runners = new Map<string, PipeRun>();
  /** What a run says now and no journal keeps: records waiting in batches, the last failure. */
  private readonly live = new Map<string, { buffered: number; lastError?: string }>();
  private readonly clock: () => number;

  constructor(private readonly options: PipeRunnerOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** Wire this to the Pipes service's `onStateChange`. */
  onStateChange(pipe: PipeRecord, change: { deleted: boolean }): void {
    // A state change must not wait for the run to wind down; stopRun settles without rejecting
    // (the run's loops record their errors in its status).
    if (change.deleted) {
      void this.stopRun(pipe.arn);
      this.live.delete(pipe.arn);
      return;
    }
    if (pipe.currentState === 'RUNNING') this.startRun(pipe);
    else void this.stopRun(pipe.arn);
  }

  /** What the pipe's runner has done (kept across restarts), or undefined for a pipe that never ran. */
  status(pipeArn: string): PipeRunStatus | undefined {
    const live = this.live.get(pipeArn);
    const progress = this.options.table.peekProgress(pipeArn);
    if (!live && !progress) return undefined;
    return {
      checkpoints: { ...progress?.checkpoints },
      delivered: progress?.delivered ?? 0,
      filteredOut: progress?.filteredOut ?? 0,
      buffered: live?.buffered ?? 0,
      ...(live?.lastError !== undefined ? { lastError: live.lastError } : {}),
    };
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.runners.keys()].map((arn) => this.stopRun(arn)));
  }

  private startRun(pipe: PipeRecord): void {
    if (this.runners.has(pipe.arn)) return;
    let live = this.live.get(pipe.arn);
    if (!live) this.live.set(pipe.arn, (live = { buffered: 0 }));
    // Compared with Kinesis arrival times, so this is wall-clock time, not the injectable clock.
    if (this.options.table.progress(pipe.arn).runningSince === undefined) this.options.commit({ k: 'running', arn: pipe.arn, at: Date.now() });
    const progress = this.options.table.progress(pipe.arn);
    const settings = readSettings(pipe, progress.runningSince!);
    if (typeof settings === 'string') {
      live.lastError = settings;
      return;
    }
    const run = new PipeRun(settings, progress, live, this.options, this.clock);
    this.runners.set(pipe.arn, run);
    run.start();
  }

  private async stopRun(arn: string): Promise<void> {
    const run = this.runners.get(arn);
    if (!run) return;
    this.runners.delete(arn);
    await run.stop();
  }
}

function readSettings(pipe: PipeRecord, latestFrom: number): Settings | string {
  const source = parseStreamArn(pipe.source);
  const target = parseStreamArn(pipe.target);
  const logGroup = parseLogGroupArn(pipe.target);
  if (!source) return `The sandbox runs Kinesis stream sources only, not ${pipe.source}.`;
  if (!target && !logGroup) return `The sandbox delivers to Kinesis stream and CloudWatch Logs targets only, not ${pipe.target}.`;
  const logsParams = (pipe.targetParameters.CloudWatchLogsParameters ?? {}) as Record<string, unknown>;
  const kinesis = (pipe.sourceParameters.KinesisStreamParameters ?? {}) as Record<string, unknown>;
  const targetKinesis = (pipe.targetParameters.KinesisStreamParameters ?? {}) as Record<string, unknown>;
  const criteria = (pipe.sourceParameters.FilterCriteria ?? {}) as { Filters?: { Pattern?: string }[] };
  const startingPosition = (kinesis.StartingPosition as string | undefined) ?? 'LATEST';
  const timestampSeconds = kinesis.StartingPositionTimestamp as number | undefined;
  return {
    pipeArn: pipe.arn,
    account: pipe.account,
    region: source.region,
    sourceStream: source.streamName,
    targetRegion: target?.region ?? '',
    targetStream: target?.streamName ?? '',
    targetArn: target ? pipe.target : '',
    partitionKey: wireValueText(targetKinesis.PartitionKey ?? ''),
    // Without a LogStreamName Pipes picks one; the sandbox names it after the pipe.
    ...(logGroup ? { logs: { region: logGroup.region, group: logGroup.group, stream: typeof logsParams.LogStreamName === 'string' ? logsParams.LogStreamName : pipe.name, arn: pipe.target } } : {}),
    ...(startingPosition === 'LATEST' ? { skipBefore: latestFrom } : {}),
    ...(startingPosition === 'AT_TIMESTAMP' && timestampSeconds !== undefined ? { skipBefore: timestampSeconds * 1000 } : {}),
    batchSize: (kinesis.BatchSize as number | undefined) ?? 100,
    windowMs: ((kinesis.MaximumBatchingWindowInSeconds as number | undefined) ?? 0) * 1000,
    lanes: (kinesis.ParallelizationFactor as number | undefined) ?? 1,
    maxRetries: (kinesis.MaximumRetryAttempts as number | undefined) ?? -1,
    filters: (criteria.Filters ?? []).flatMap((f) => (typeof f.Pattern === 'string' ? [compileKinesisPipeFilter(f.Pattern)] : [])),
    roleArn: pipe.roleArn,
    sourceArn: pipe.source,
  };
}

/** One RUNNING period of one pipe: a worker per shard until stopped. */
class PipeRun {
  private active = true;
  private readonly workers = new Map<string, Promise<void>>();
  private readonly bufferedByShard = new Map<string, number>();
  private discovery: Promise<void> | undefined;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pollMs: number;

  constructor(
    private readonly settings: Settings,
    private readonly progress: PipeProgress,
    private readonly live: { buffered: number; lastError?: string },
    private readonly options: PipeRunnerOptions,
    private readonly clock: () => number,
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.pollMs = options.pollIntervalMs ?? POLL_INTERVAL_MS;
  }

  start(): void {
    this.discovery = this.discoverShards();
  }

  /** Read through a method: stop() clears `active` while the loops await. */
  private running(): boolean {
    return this.active;
  }

  async stop(): Promise<void> {
    this.active = false;
    await this.discovery;
    await Promise.all(this.workers.values());
    // Unsent records are read again from the checkpoint on the next start.
    this.live.buffered = 0;
  }

  private kinesis(region: string): KinesisClient {
    return this.options.kinesisFor(region, this.settings.account);
  }

  /** Lists shards now and every few seconds, so shards added by resharding are read too. */
  private async discoverShards(): Promise<void> {
    const source = this.kinesis(this.settings.region);
    let firstRound = true;
    while (this.active) {
      try {
        const shardIds: string[] = [];
        let nextToken: string | undefined;
        do {
          const page = await source.send(new ListShardsCommand(nextToken ? { NextToken: nextToken } : { StreamARN: this.settings.sourceArn }));
          for (const shard of page.Shards ?? []) if (shard.ShardId) shardIds.push(shard.ShardId);
          nextToken = page.NextToken;
        } while (nextToken);
        for (const shardId of shardIds) {
          if (this.workers.has(shardId)) continue;
          // A shard that appears after the pipe started is new: read it from its beginning.
          this.workers.set(shardId, this.runShard(shardId, !firstRound));
        }
        firstRound = false;
      } catch (error) {
        this.live.lastError = `ListShards on ${this.settings.sourceStream} failed: ${describeError(error)}`;
      }
      for (let waited = 0; waited < 5000 && this.running(); waited += this.pollMs) await this.sleep(this.pollMs);
    }
  }

  private async shardIterator(shardId: string): Promise<string | undefined> {
    const s = this.settings;
    const input: GetShardIteratorCommandInput = { StreamARN: s.sourceArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' };
    const checkpoint = this.progress.checkpoints[shardId];
    if (checkpoint !== undefined) {
      input.ShardIteratorType = 'AFTER_SEQUENCE_NUMBER';
      input.StartingSequenceNumber = checkpoint;
    }
    const result = await this.kinesis(s.region).send(new GetShardIteratorCommand(input));
    return result.ShardIterator;
  }

  private async runShard(shardId: string, fromNewShard: boolean): Promise<void> {
    const s = this.settings;
    const source = this.kinesis(s.region);
    // A delivery a crash cut off: what reached the target then is not sent again.
    const began = this.progress.inFlight[shardId];
    const alreadyDelivered = began === undefined ? new Set<string>() : await deliveredSince(this.deliveryTarget(), s.sourceArn, shardId, began);
    let iterator: string | undefined;
    let buffer: Buffered[] = [];
    let bufferedSince = 0;
    let attempts = 0;
    let closed = false;
    while (this.active) {
      try {
        iterator ??= await this.shardIterator(shardId);
        if (iterator === undefined) return;
        const page = await source.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10000 }));
        iterator = page.NextShardIterator;
        closed = iterator === undefined;
        for (const record of page.Records ?? []) {
          if (buffer.length === 0) bufferedSince = this.clock();
          const buffered = this.toBuffered(shardId, record, fromNewShard);
          if (buffered.passes && alreadyDelivered.delete(buffered.sequenceNumber)) buffered.sent = true;
          buffer.push(buffered);
        }
      } catch (error) {
        // A throttled read is tried again with the same iterator (the pipe shares the shard's 5 reads/s
        // with other consumers); a new iterator from the checkpoint would read the buffer a second time.
        if ((error as { name?: unknown }).name !== 'ProvisionedThroughputExceededException') iterator = undefined;
        this.live.lastError = `GetRecords on ${shardId} failed: ${describeError(error)}`;
      }
      if (buffer.length > 0 && this.shouldFlush(buffer, bufferedSince, closed)) {
        if (buffer.some((b) => b.passes && !b.sent)) this.options.commit({ k: 'begin', arn: s.pipeArn, shard: shardId, at: Date.now() });
        const outcome = await this.deliver(buffer);
        // Pipes retries a target's throttling and other retryable AWS failures without counting them
        // against MaximumRetryAttempts (the Pipes guide, "Retry behavior and error handling"): a shard
        // taking 1,000 records/s slows a pipe down, it never makes it drop records. Customer errors count.
        if (outcome === 'failed') attempts += 1;
        if (outcome === 'delivered' || (s.maxRetries >= 0 && attempts > s.maxRetries)) {
          this.checkpoint(shardId, buffer);
          buffer = [];
          attempts = 0;
        }
      }
      this.noteBuffered(shardId, buffer);
      if (closed && buffer.length === 0) return;
      if (this.running()) await this.sleep(this.pollMs);
    }
  }

  private deliveryTarget(): DeliveryTarget {
    const s = this.settings;
    if (s.logs && this.options.logs) return { kind: 'logs', store: this.options.logs, account: s.account, region: s.logs.region, group: s.logs.group, stream: s.logs.stream };
    return { kind: 'kinesis', client: this.kinesis(s.targetRegion), streamArn: s.targetArn };
  }

  private noteBuffered(shardId: string, buffer: Buffered[]): void {
    this.bufferedByShard.set(shardId, buffer.filter((b) => b.passes && !b.sent).length);
    this.live.buffered = [...this.bufferedByShard.values()].reduce((a, b) => a + b, 0);
  }

  private toBuffered(shardId: string, record: _Record, fromNewShard: boolean): Buffered {
    const event = buildKinesisPipeEvent(
      {
        shardId,
        sequenceNumber: record.SequenceNumber ?? '',
        partitionKey: record.PartitionKey ?? '',
        data: record.Data ?? new Uint8Array(),
        approximateArrivalTimestamp: record.ApproximateArrivalTimestamp ?? new Date(this.clock()),
      },
      { roleArn: this.settings.roleArn, region: this.settings.region, streamArn: this.settings.sourceArn },
    );
    const { skipBefore } = this.settings;
    const arrival = record.ApproximateArrivalTimestamp?.getTime() ?? Number.POSITIVE_INFINITY;
    if (!fromNewShard && skipBefore !== undefined && arrival < skipBefore) {
      return { event, sequenceNumber: record.SequenceNumber ?? '', passes: false, sent: false, skipped: true, bytes: 0 };
    }
    const passes = passesFilters(this.settings.filters, event);
    return { event, sequenceNumber: record.SequenceNumber ?? '', passes, sent: false, skipped: false, bytes: passes ? Buffer.byteLength(JSON.stringify(event)) : 0 };
  }

  /** Flush at once without a window; with one, when a lane's batch is full, 6 MB is reached, or the window ran out. */
  private shouldFlush(buffer: Buffered[], since: number, closed: boolean): boolean {
    const s = this.settings;
    const passing = buffer.filter((b) => b.passes && !b.sent);
    if (passing.length === 0 || s.windowMs === 0 || closed || !this.active) return true;
    const perLane = new Map<number, number>();
    let bytes = 0;
    for (const b of passing) {
      const lane = laneOf(b.event.partitionKey, s.lanes);
      perLane.set(lane, (perLane.get(lane) ?? 0) + 1);
      bytes += b.bytes;
    }
    return [...perLane.values()].some((n) => n >= s.batchSize) || bytes >= MAX_BATCH_BYTES || this.clock() - since >= s.windowMs;
  }

  /** Delivers every passing record of the buffer; lanes run concurrently, batches in a lane in order. */
  private async deliver(buffer: Buffered[]): Promise<Delivery> {
    const s = this.settings;
    const lanes = new Map<number, Buffered[]>();
    for (const b of buffer) {
      if (!b.passes || b.sent) continue;
      const lane = laneOf(b.event.partitionKey, s.lanes);
      lanes.set(lane, [...(lanes.get(lane) ?? []), b]);
    }
    const results = await Promise.all([...lanes.values()].map((records) => this.deliverLane(records)));
    if (results.every((result) => result === 'delivered')) {
      delete this.live.lastError;
      return 'delivered';
    }
    return results.includes('failed') ? 'failed' : 'retryable';
  }

  private async deliverLane(records: Buffered[]): Promise<Delivery> {
    for (const batch of splitBatches(records, this.settings.batchSize)) {
      const outcome = await this.putBatch(batch);
      if (outcome !== 'delivered') return outcome;
      // Records of a delivered batch are never sent again, even if a later batch fails.
      for (const b of batch) b.sent = true;
    }
    return 'delivered';
  }

  /**
   * One batch to the target stream, PutRecords in chunks of 500; failed records are retried once in
   * order. A record the target took is marked sent at once, so a batch the shard's write limit cut in
   * two is resumed where it stopped, not sent again from its start (which, on a shard that takes only
   * part of a batch per second, would never get past that part).
   */
  private async putBatch(batch: Buffered[]): Promise<Delivery> {
    const s = this.settings;
    if (s.logs) return this.putLogEvents(batch, s.logs) ? 'delivered' : 'failed';
    const target = this.kinesis(s.targetRegion);
    let pending: { record: Buffered; entry: { PartitionKey: string; Data: Uint8Array } }[];
    try {
      pending = batch
        .filter((b) => !b.sent)
        .map((b) => ({ record: b, entry: { PartitionKey: resolvePartitionKey(s.partitionKey, b.event), Data: Buffer.from(JSON.stringify(b.event)) } }));
    } catch (error) {
      this.live.lastError = describeError(error);
      return 'failed';
    }
    let customerError = false;
    for (let attempt = 0; attempt < 2 && pending.length > 0; attempt++) {
      const failed: typeof pending = [];
      for (let i = 0; i < pending.length; i += PUT_RECORDS_MAX) {
        const chunk = pending.slice(i, i + PUT_RECORDS_MAX);
        try {
          const result = await target.send(new PutRecordsCommand({ StreamARN: s.targetArn, Records: chunk.map((p) => p.entry) }));
          (result.Records ?? []).forEach((entry, index) => {
            const sent = chunk[index]!;
            if (!entry.ErrorCode) {
              sent.record.sent = true;
              return;
            }
            failed.push(sent);
            if (!RETRYABLE_AWS_FAILURES.has(entry.ErrorCode)) customerError = true;
            this.live.lastError = `PutRecords to ${s.targetStream}: ${entry.ErrorCode} ${entry.ErrorMessage ?? ''}`.trim();
          });
        } catch (error) {
          failed.push(...chunk);
          if (!isRetryableAwsFailure(error)) customerError = true;
          this.live.lastError = `PutRecords to ${s.targetStream} failed: ${describeError(error)}`;
        }
      }
      pending = failed;
    }
    if (pending.length === 0) return 'delivered';
    return customerError ? 'failed' : 'retryable';
  }

  /** One batch to a log group of the pipe's account: one PutLogEvents call, the log stream created first when missing. */
  private putLogEvents(batch: Buffered[], target: { region: string; group: string; stream: string; arn: string }): boolean {
    const store = this.options.logs;
    const { account } = this.settings;
    if (!store) {
      this.live.lastError = 'The sandbox was started without CloudWatch Logs; it cannot deliver to a log group.';
      return false;
    }
    const now = this.clock();
    try {
      if (accountInArn(target.arn) !== account) throw new LogsError('AccessDeniedException', crossAccountDenied(account, 'logs:PutLogEvents', target.arn));
      try {
        store.stream(account, target.region, target.group, target.stream);
      } catch (error) {
        if (!(error instanceof LogsError && error.message.includes('log stream'))) throw error;
        store.createStream(account, target.region, target.group, target.stream);
      }
      store.putEvents(account, target.region, target.group, target.stream, batch.map((b) => ({ timestamp: now, message: JSON.stringify(b.event) })));
      return true;
    } catch (error) {
      this.live.lastError = `PutLogEvents to ${target.group} failed: ${error instanceof LogsError ? `${error.code}: ${error.message}` : describeError(error)}`;
      return false;
    }
  }

  /** The shard's buffer is done (delivered, or given up on): journal how far the shard is handled and what was counted. */
  private checkpoint(shardId: string, buffer: Buffered[]): void {
    let highest = this.progress.checkpoints[shardId];
    for (const b of buffer) if (highest === undefined || BigInt(b.sequenceNumber) > BigInt(highest)) highest = b.sequenceNumber;
    if (highest === undefined) return;
    this.options.commit({
      k: 'checkpoint',
      arn: this.settings.pipeArn,
      shard: shardId,
      seq: highest,
      delivered: buffer.filter((b) => b.passes && b.sent).length,
      filteredOut: buffer.filter((b) => !b.passes && !b.skipped).length,
    });
  }
}

/** Splits one lane's records into batches of at most `batchSize` records and 6 MB. */
export function splitBatches<T extends { bytes: number }>(records: readonly T[], batchSize: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const record of records) {
    if (current.length > 0 && (current.length >= batchSize || bytes + record.bytes > MAX_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += record.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The lane of a partition key: the same key always lands in the same lane, so its order holds. */
export function laneOf(partitionKey: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < partitionKey.length; i++) {
    hash ^= partitionKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % Math.max(1, lanes);
}

/**
 * A target PartitionKey: a literal, or a JSON path into the event (`$.partitionKey`,
 * `$.data.vendorId` when the record's data is JSON).
 * @throws Error when a path finds no value
 */
export function resolvePartitionKey(spec: string, event: KinesisPipeEvent): string {
  if (!spec.startsWith('$.')) return spec;
  let value: unknown = { ...event, data: decodeData(event.data) };
  for (const part of spec.slice(2).split('.')) {
    const match = /^([^[\]]+)((\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`PartitionKey path ${spec} is not a JSON path the sandbox understands.`);
    value = isRecord(value) ? value[match[1]!] : undefined;
    for (const index of (match[2] ?? '').match(/\d+/g) ?? []) value = Array.isArray(value) ? value[Number(index)] : undefined;
  }
  if (value === undefined || value === null || typeof value === 'object') throw new Error(`PartitionKey path ${spec} found no value in record ${event.sequenceNumber}.`);
  return wireValueText(value);
}

function decodeData(base64: string): unknown {
  const text = Buffer.from(base64, 'base64').toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return base64;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
