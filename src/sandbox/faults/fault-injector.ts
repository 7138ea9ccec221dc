/**
 * Answers Kinesis calls wrongly on purpose, as `FaultSpec` asks: added latency, 500/503 answers,
 * connection resets (before or after the records were written) and Kinesis's per-shard write limits.
 * It sits between the sandbox router and the Kinesis engine, so what it answers flows through the same
 * KinesisCallEvent path as real answers and the CloudWatch recorder counts throttles and faults.
 */
import { randomUUID } from 'node:crypto';
import { recordBytes } from '../cloudwatch/kinesis-metric-recorder.js';
import { AMZ_CBOR, AMZ_JSON, bodyFormat, decodeBody, encodeBody, type BodyFormat } from '../kinesis-body-codec.js';
import type { KinesisReply } from '../kinesis/kinesis-wire.js';
import { SANDBOX_ACCOUNT_ID } from '../sandbox-types.js';
import type { FaultSpec } from './fault-spec.js';
import { openShardRanges, shardFor, type ShardHashRange } from './shard-hash-ranges.js';
import { ShardWriteMeter } from './shard-write-meter.js';
import { mulberry32 } from '../../engine/seeded-random.js';

/** Header on every answer the injector made up, so a reader of raw traffic can tell. */
export const FAULT_HEADER = 'x-kinesis-lab-fault';

export const THROTTLED = 'ProvisionedThroughputExceededException';

/** A reply, or a connection to drop: `before` the call reached the stream, or `after` it was written. */
export type FaultedReply = KinesisReply & { reset?: 'before' | 'after' };

export interface FaultCall {
  region: string;
  /** The caller's account (stream names are per account). @default '000000000000' */
  account?: string;
  operation: string;
  format: BodyFormat;
  /** Decoded request body; undefined when it did not decode (the engine answers that). */
  request: Record<string, unknown> | undefined;
}

/** Sends a call to the engine: `request` undefined sends the original request unchanged. */
export type Forward = (operation: string, request?: Record<string, unknown>) => Promise<KinesisReply>;

export interface FaultInjectorDeps {
  clock: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Overrides the spec's seed (tests). */
  random?: () => number;
}

export interface FaultInjector {
  answer(call: FaultCall, forward: Forward): Promise<FaultedReply>;
}

const WRITES = new Set(['PutRecord', 'PutRecords']);
// Operations that cannot change a stream's shards; any other one drops the cached shard map.
const SHARD_STABLE = new Set(['PutRecord', 'PutRecords', 'GetRecords', 'GetShardIterator', 'DescribeStream', 'DescribeStreamSummary', 'ListShards', 'ListStreams', 'ListTagsForStream']);
const SHARD_MAP_TTL_MS = 5_000;

export function createFaultInjector(spec: FaultSpec, deps: FaultInjectorDeps): FaultInjector {
  const random = deps.random ?? (spec.seed !== undefined ? mulberry32(spec.seed) : Math.random);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const meter = spec.throttle ? new ShardWriteMeter(spec.throttle) : undefined;
  const shardMaps = new Map<string, { at: number; ranges: ShardHashRange[] }>();

  async function rangesFor(scope: string, stream: string, forward: Forward): Promise<ShardHashRange[]> {
    const key = `${scope}\u0000${stream}`;
    const cached = shardMaps.get(key);
    if (cached && deps.clock() - cached.at < SHARD_MAP_TTL_MS) return cached.ranges;
    const reply = await forward('ListShards', { StreamName: stream });
    const decoded = reply.status === 200 ? (reply.response ?? decodeBody(reply.body, bodyFormat(reply.headers['content-type']))) : undefined;
    const ranges = openShardRanges(decoded?.Shards);
    shardMaps.set(key, { at: deps.clock(), ranges });
    return ranges;
  }

  return {
    async answer(call, forward) {
      if (spec.latencyMs) await sleep(spec.latencyMs);
      const stream = typeof call.request?.StreamName === 'string' ? call.request.StreamName : undefined;
      const account = call.account ?? SANDBOX_ACCOUNT_ID;
      const scope = `${account}\u0000${call.region}`;
      if (!SHARD_STABLE.has(call.operation) && stream !== undefined) shardMaps.delete(`${scope}\u0000${stream}`);
      if (!WRITES.has(call.operation) || !call.request || stream === undefined) return forward(call.operation);

      const roll = random();
      const errorRate = spec.errorRate ?? 0;
      if (roll < errorRate) return serverError(call.format, random() < 0.5 ? 500 : 503);
      if (roll < errorRate + (spec.resetRate ?? 0)) {
        if (random() < 0.5) return { status: 0, headers: {}, body: Buffer.alloc(0), reset: 'before' };
        return { ...(await forward(call.operation)), reset: 'after' };
      }
      if (!meter) return forward(call.operation);
      const ranges = await rangesFor(scope, stream, forward);
      if (ranges.length === 0) return forward(call.operation);
      const at = deps.clock();
      const admit = (entry: Record<string, unknown>): string | undefined => {
        const shardId = typeof entry.PartitionKey === 'string' ? shardFor(ranges, entry.PartitionKey, typeof entry.ExplicitHashKey === 'string' ? entry.ExplicitHashKey : undefined) : undefined;
        // Entries Kinesis would reject as invalid are left for the engine to answer.
        if (shardId === undefined) return undefined;
        return meter.admit(`${scope}\u0000${stream}\u0000${shardId}`, recordBytes(entry), at) ? undefined : shardId;
      };
      if (call.operation === 'PutRecord') {
        const throttledShard = admit(call.request);
        return throttledShard === undefined ? forward('PutRecord') : throttled(call.format, throttledShard, stream, account);
      }
      return putRecordsWithinLimits(call, stream, account, admit, forward);
    },
  };
}

async function putRecordsWithinLimits(
  call: FaultCall, stream: string, account: string, admit: (entry: Record<string, unknown>) => string | undefined, forward: Forward,
): Promise<FaultedReply> {
  const records = call.request?.Records;
  // A malformed request gets the engine's own validation answer.
  if (!Array.isArray(records) || records.length === 0 || records.length > 500) return forward('PutRecords');
  const throttledShards = (records as Record<string, unknown>[]).map((entry) => admit(entry));
  if (throttledShards.every((shard) => shard === undefined)) return forward('PutRecords');

  const passing = records.filter((_, i) => throttledShards[i] === undefined);
  let accepted: Record<string, unknown>[] = [];
  let acceptedFailed = 0;
  let headers: Record<string, string> = { 'content-type': call.format === 'cbor' ? AMZ_CBOR : AMZ_JSON, 'x-amzn-requestid': randomUUID() };
  if (passing.length > 0) {
    const reply = await forward('PutRecords', { ...call.request, Records: passing });
    if (reply.status !== 200) return reply;
    const decoded = reply.response ?? decodeBody(reply.body, call.format);
    accepted = Array.isArray(decoded?.Records) ? (decoded.Records as Record<string, unknown>[]) : [];
    acceptedFailed = typeof decoded?.FailedRecordCount === 'number' ? decoded.FailedRecordCount : 0;
    headers = { ...reply.headers };
  }
  let next = 0;
  const merged = throttledShards.map((shardId) =>
    shardId === undefined ? (accepted[next++] ?? {}) : { ErrorCode: THROTTLED, ErrorMessage: rateExceeded(shardId, stream, account) });
  const response = { FailedRecordCount: acceptedFailed + throttledShards.filter((shard) => shard !== undefined).length, Records: merged };
  return { status: 200, headers: { ...headers, [FAULT_HEADER]: 'throttle' }, body: encodeBody(response, call.format), response };
}

/** AWS's text, e.g. "Rate exceeded for shard shardId-000000000000 in stream X under account N." */
export function rateExceeded(shardId: string, stream: string, account: string = SANDBOX_ACCOUNT_ID): string {
  return `Rate exceeded for shard ${shardId} in stream ${stream} under account ${account}.`;
}

function throttled(format: BodyFormat, shardId: string, stream: string, account: string): FaultedReply {
  return errorReply(format, 400, THROTTLED, rateExceeded(shardId, stream, account), 'throttle');
}

function serverError(format: BodyFormat, status: 500 | 503): FaultedReply {
  return status === 500
    ? errorReply(format, 500, 'InternalFailure', 'We encountered an internal error. Please try again.', 'error')
    : errorReply(format, 503, 'ServiceUnavailable', 'The service is unavailable. Please try again shortly.', 'error');
}

function errorReply(format: BodyFormat, status: number, type: string, message: string, fault: string): FaultedReply {
  const response = { __type: type, message };
  return {
    status,
    headers: { 'content-type': format === 'cbor' ? AMZ_CBOR : AMZ_JSON, 'x-amzn-requestid': randomUUID(), 'x-amzn-errortype': type, [FAULT_HEADER]: fault },
    body: encodeBody(response, format),
    response,
  };
}
