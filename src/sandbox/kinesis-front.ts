/**
 * The layer in front of kinesalite that makes it answer like today's Kinesis Data Streams:
 * on-demand streams (kinesalite requires ShardCount and knows no StreamModeDetails), StreamARN
 * instead of StreamName, ListShards and ListStreams pagination, CreateStream tags,
 * MaxRecordSizeInKiB, and EnableEnhancedMonitoring / DisableEnhancedMonitoring. Everything
 * else goes to kinesalite unchanged and comes back byte for byte.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { unknownOperation } from './aws-json-error.js';
import { AMZ_CBOR, AMZ_JSON, decodeBody, encodeBody } from './kinesis-body-codec.js';
import type { BodyFormat } from './kinesis-body-codec.js';
import type { BackendResponse, RegionBackend } from './kinesalite-pool.js';
import type { StreamSettings } from './stream-settings-store.js';

export const KINESIS_TARGET_PREFIX = 'Kinesis_20131202.';

/** A Kinesis call as the sandbox received it. */
export interface KinesisCall {
  operation: string;
  method: string;
  url: string;
  /** Request headers without hop-by-hop ones. */
  headers: Record<string, string>;
  body: Buffer;
  format: BodyFormat;
  /** The decoded body; undefined when it did not decode (kinesalite then answers the error). */
  request: Record<string, unknown> | undefined;
}

/** What the client gets back. */
export interface KinesisReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The decoded body when the front built or rewrote it (saves decoding it again). */
  response?: Record<string, unknown>;
}

// What kinesalite 3.3.3 implements (its validOperations list).
const KINESALITE_OPERATIONS = new Set([
  'AddTagsToStream', 'CreateStream', 'DeleteStream', 'DescribeStream', 'DescribeStreamSummary', 'GetRecords',
  'GetShardIterator', 'ListShards', 'ListStreams', 'ListTagsForStream', 'MergeShards', 'PutRecord', 'PutRecords',
  'RemoveTagsFromStream', 'SplitShard', 'IncreaseStreamRetentionPeriod', 'DecreaseStreamRetentionPeriod',
]);

/** The metric names `ALL` stands for in EnableEnhancedMonitoring. */
export const SHARD_LEVEL_METRICS = [
  'IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords',
  'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds',
];

/** Shards an on-demand stream starts with (4 MiB/s of write capacity). */
export const ON_DEMAND_INITIAL_SHARDS = 4;

const DEFAULT_MAX_RECORD_KIB = 1024;
const DEFAULT_LIST_SHARDS_MAX = 1000;

// Response headers worth passing on; hop-by-hop ones and content-length are the sandbox's business.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'content-length']);

export function passableHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || HOP_BY_HOP.has(lower)) continue;
    result[lower] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

/** The stream a request is about: StreamName, else the name inside StreamARN. */
export function streamNameOf(request: Record<string, unknown> | undefined): string | undefined {
  if (!request) return undefined;
  if (typeof request.StreamName === 'string') return request.StreamName;
  if (typeof request.StreamARN === 'string') return streamNameFromArn(request.StreamARN);
  return undefined;
}

export function streamNameFromArn(arn: string): string | undefined {
  // arn:aws:kinesis:REGION:ACCOUNT:stream/NAME (the partition may be aws-cn, aws-us-gov …)
  const match = /^arn:[a-z-]+:kinesis:[a-z0-9-]*:\d*:stream\/([a-zA-Z0-9_.-]+)$/.exec(arn);
  return match?.[1];
}

export async function answerKinesisCall(backend: RegionBackend, call: KinesisCall): Promise<KinesisReply> {
  const { operation } = call;
  if (!KINESALITE_OPERATIONS.has(operation) && !FRONT_OPERATIONS[operation]) {
    return fromSandboxResponse(unknownOperation(call.method, call.url, `${KINESIS_TARGET_PREFIX}${operation}`, 'kinesis'));
  }
  if (!call.request) return passThrough(await backend.forward(call.method, call.url, call.headers, call.body));

  const request = withStreamName(call.request);
  const handler = FRONT_OPERATIONS[operation];
  if (handler) return handler(backend, call, request);
  if (request === call.request) return passThrough(await backend.forward(call.method, call.url, call.headers, call.body));
  return passThrough(await forwardAs(backend, call, operation, request));
}

type FrontHandler = (backend: RegionBackend, call: KinesisCall, request: Record<string, unknown>) => Promise<KinesisReply>;

const FRONT_OPERATIONS: Record<string, FrontHandler> = {
  CreateStream: createStream,
  DeleteStream: deleteStream,
  DescribeStream: (backend, call, request) => describe(backend, call, request, 'StreamDescription'),
  DescribeStreamSummary: (backend, call, request) => describe(backend, call, request, 'StreamDescriptionSummary'),
  ListShards: listShards,
  ListStreams: listStreams,
  ListTagsForStream: listTagsForStream,
  RemoveTagsFromStream: removeTagsFromStream,
  EnableEnhancedMonitoring: (backend, call, request) => setEnhancedMonitoring(backend, call, request, 'enable'),
  DisableEnhancedMonitoring: (backend, call, request) => setEnhancedMonitoring(backend, call, request, 'disable'),
};

async function createStream(backend: RegionBackend, call: KinesisCall, request: Record<string, unknown>): Promise<KinesisReply> {
  const modeDetails = request.StreamModeDetails as { StreamMode?: unknown } | undefined;
  const requestedMode = modeDetails?.StreamMode;
  // Without a mode or a shard count AWS creates an on-demand stream.
  const mode = requestedMode ?? (request.ShardCount == null ? 'ON_DEMAND' : 'PROVISIONED');
  if (mode !== 'ON_DEMAND' && mode !== 'PROVISIONED') {
    return clientError(call, 'ValidationException',
      `1 validation error detected: Value '${String(mode)}' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]`);
  }
  if (mode === 'ON_DEMAND' && request.ShardCount != null) {
    return clientError(call, 'InvalidArgumentException', 'ShardCount is not expected when StreamMode=ON_DEMAND');
  }
  const maxKiB = request.MaxRecordSizeInKiB;
  if (maxKiB != null && (typeof maxKiB !== 'number' || maxKiB < 1024 || maxKiB > 10240)) {
    const bound = typeof maxKiB === 'number' && maxKiB < 1024 ? 'greater than or equal to 1024' : 'less than or equal to 10240';
    return clientError(call, 'ValidationException',
      `1 validation error detected: Value '${String(maxKiB)}' at 'maxRecordSizeInKiB' failed to satisfy constraint: Member must have value ${bound}`);
  }
  const forwarded = mode === 'ON_DEMAND' ? { ...request, ShardCount: ON_DEMAND_INITIAL_SHARDS } : request;
  const response = await forwardAs(backend, call, 'CreateStream', forwarded);
  if (response.status === 200 && typeof request.StreamName === 'string') {
    const settings: StreamSettings = { mode };
    if (typeof maxKiB === 'number') settings.maxRecordSizeInKiB = maxKiB;
    if (isStringMap(request.Tags) && Object.keys(request.Tags).length > 0) settings.tags = request.Tags;
    backend.settings.set(request.StreamName, settings);
  }
  return passThrough(response);
}

async function deleteStream(backend: RegionBackend, call: KinesisCall, request: Record<string, unknown>): Promise<KinesisReply> {
  const response = await forwardAs(backend, call, 'DeleteStream', request);
  if (response.status === 200 && typeof request.StreamName === 'string') backend.settings.delete(request.StreamName);
  return passThrough(response);
}

async function describe(
  backend: RegionBackend, call: KinesisCall, request: Record<string, unknown>, key: 'StreamDescription' | 'StreamDescriptionSummary',
): Promise<KinesisReply> {
  const response = await forwardAs(backend, call, call.operation, request);
  const decoded = response.status === 200 ? decodeBody(response.body, call.format) : undefined;
  const description = decoded?.[key] as Record<string, unknown> | undefined;
  if (!decoded || !description || typeof description.StreamName !== 'string') return passThrough(response);
  const settings = backend.settings.get(description.StreamName);
  description.StreamModeDetails = { StreamMode: settings?.mode ?? 'PROVISIONED' };
  description.EnhancedMonitoring = [{ ShardLevelMetrics: settings?.shardLevelMetrics ?? [] }];
  if (key === 'StreamDescriptionSummary') description.MaxRecordSizeInKiB = settings?.maxRecordSizeInKiB ?? DEFAULT_MAX_RECORD_KIB;
  return rewritten(response, call.format, decoded);
}

interface ShardPageToken { s: string; after?: string }

async function listShards(backend: RegionBackend, call: KinesisCall, request: Record<string, unknown>): Promise<KinesisReply> {
  let streamName = request.StreamName;
  let after = request.ExclusiveStartShardId;
  if (typeof request.NextToken === 'string') {
    if (streamName != null) {
      return clientError(call, 'InvalidArgumentException', 'NextToken and StreamName cannot be provided together.');
    }
    const token = decodeToken<ShardPageToken>(request.NextToken);
    if (!token || typeof token.s !== 'string') return clientError(call, 'InvalidArgumentException', 'Invalid NextToken.');
    streamName = token.s;
    after = token.after;
  }
  const forwarded: Record<string, unknown> = { StreamName: streamName };
  if (after != null) forwarded.ExclusiveStartShardId = after;
  const response = await forwardAs(backend, call, 'ListShards', forwarded);
  const decoded = response.status === 200 ? decodeBody(response.body, call.format) : undefined;
  if (!decoded || !Array.isArray(decoded.Shards)) return passThrough(response);
  const max = typeof request.MaxResults === 'number' ? request.MaxResults : DEFAULT_LIST_SHARDS_MAX;
  const shards = decoded.Shards as Array<{ ShardId?: string }>;
  if (shards.length > max) {
    const page = shards.slice(0, max);
    decoded.Shards = page;
    decoded.NextToken = encodeToken({ s: String(streamName), after: page.at(-1)?.ShardId });
  }
  return rewritten(response, call.format, decoded);
}

async function listStreams(backend: RegionBackend, call: KinesisCall, request: Record<string, unknown>): Promise<KinesisReply> {
  const forwarded: Record<string, unknown> = { ...request };
  delete forwarded.NextToken;
  if (typeof request.NextToken === 'string') {
    const token = decodeToken<{ after?: string }>(request.NextToken);
    if (!token || typeof token.after !== 'string') return clientError(call, 'InvalidArgumentException', 'Invalid NextToken.');
    forwarded.ExclusiveStartStreamName = token.after;
  }
  const response = await forwardAs(backend, call, 'ListStreams', forwarded);
  const decoded = response.status === 200 ? decodeBody(response.body, call.format) : undefined;
  if (!decoded || !Array.isArray(decoded.StreamNames)) return passThrough(response);
  const names = decoded.StreamNames as string[];
  // Today's API pages with NextToken; kinesalite only says HasMoreStreams.
  if (decoded.HasMoreStreams === true && names.length > 0) decoded.NextToken = encodeToken({ after: names.at(-1) });
  return rewritten(response, call.format, decoded);
}

async function listTagsForStream(backend: RegionBackend, call: KinesisCall, request: Record<string, unknown>): Promise<KinesisReply> {
  const response = await forwardAs(backend, call, 'ListTagsForStream', request);
  const created = typeof request.StreamName === 'string' ? backend.settings.get(request.StreamName)?.tags : undefined;
  const decoded = response.status === 200 && created ? decodeBody(response.body, call.format) : undefined;
  if (!decoded || !created || !Array.isArray(decoded.Tags)) return passThrough(response);
  const tags = new Map<string, string>(Object.entries(created));
  for (const tag of decoded.Tags as Array<{ Key: string; Value: string }>) tags.set(tag.Key, tag.Value);
  const start = typeof request.ExclusiveStartTagKey === 'string' ? request.ExclusiveStartTagKey : undefined;
  const limit = typeof request.Limit === 'number' ? request.Limit : 100;
  const keys = [...tags.keys()].sort().filter((key) => start === undefined || key > start);
  decoded.Tags = keys.slice(0, limit).map((key) => ({ Key: key, Value: tags.get(key) }));
  decoded.HasMoreTags = keys.length > limit;
  return rewritten(response, call.format, decoded);
}

async function removeTagsFromStream(backend: RegionBackend, call: KinesisCall, request: Record<string, unknown>): Promise<KinesisReply> {
  const response = await forwardAs(backend, call, 'RemoveTagsFromStream', request);
  const name = request.StreamName;
  if (response.status === 200 && typeof name === 'string' && Array.isArray(request.TagKeys) && backend.settings.get(name)?.tags) {
    const removed = new Set(request.TagKeys);
    backend.settings.update(name, (current) => ({
      ...current,
      tags: Object.fromEntries(Object.entries(current.tags ?? {}).filter(([key]) => !removed.has(key))),
    }));
  }
  return passThrough(response);
}

async function setEnhancedMonitoring(
  backend: RegionBackend, call: KinesisCall, request: Record<string, unknown>, change: 'enable' | 'disable',
): Promise<KinesisReply> {
  const requested = request.ShardLevelMetrics;
  if (!Array.isArray(requested) || requested.length === 0) {
    return clientError(call, 'ValidationException',
      "1 validation error detected: Value null at 'shardLevelMetrics' failed to satisfy constraint: Member must not be null");
  }
  const unknown = requested.find((metric) => metric !== 'ALL' && !SHARD_LEVEL_METRICS.includes(String(metric)));
  if (unknown !== undefined) {
    return clientError(call, 'ValidationException',
      `1 validation error detected: Value '[${requested.join(', ')}]' at 'shardLevelMetrics' failed to satisfy constraint: Member must satisfy enum value set: [${[...SHARD_LEVEL_METRICS, 'ALL'].join(', ')}]`);
  }
  // Asking kinesalite for the stream gives AWS's auth and not-found answers for free.
  const probe = await forwardAs(backend, call, 'DescribeStreamSummary', { StreamName: request.StreamName });
  const summary = probe.status === 200 ? decodeBody(probe.body, call.format)?.StreamDescriptionSummary as Record<string, unknown> | undefined : undefined;
  if (!summary || typeof summary.StreamName !== 'string') return passThrough(probe);
  const name = summary.StreamName;
  const current = backend.settings.get(name)?.shardLevelMetrics ?? [];
  const named = requested.includes('ALL') ? SHARD_LEVEL_METRICS : requested.map(String);
  const desired = change === 'enable'
    ? SHARD_LEVEL_METRICS.filter((metric) => current.includes(metric) || named.includes(metric))
    : current.filter((metric) => !named.includes(metric));
  backend.settings.update(name, (settings) => ({ ...settings, shardLevelMetrics: desired }));
  const body = { StreamName: name, StreamARN: summary.StreamARN, CurrentShardLevelMetrics: current, DesiredShardLevelMetrics: desired };
  return rewritten(probe, call.format, body);
}

/** Sends `body` to kinesalite as `operation`, keeping the caller's headers (auth included). */
function forwardAs(backend: RegionBackend, call: KinesisCall, operation: string, body: Record<string, unknown>): Promise<BackendResponse> {
  const headers = { ...call.headers, 'x-amz-target': `${KINESIS_TARGET_PREFIX}${operation}` };
  return backend.forward(call.method, call.url, headers, encodeBody(body, call.format));
}

function withStreamName(request: Record<string, unknown>): Record<string, unknown> {
  if (typeof request.StreamARN !== 'string' || request.StreamName != null) return request;
  const name = streamNameFromArn(request.StreamARN);
  return name === undefined ? request : { ...request, StreamName: name };
}

function passThrough(response: BackendResponse): KinesisReply {
  return { status: response.status, headers: passableHeaders(response.headers), body: response.body };
}

function rewritten(response: BackendResponse, format: BodyFormat, decoded: Record<string, unknown>): KinesisReply {
  return { status: response.status, headers: passableHeaders(response.headers), body: encodeBody(decoded, format), response: decoded };
}

function clientError(call: KinesisCall, type: string, message: string): KinesisReply {
  const decoded = { __type: type, message };
  return {
    status: 400,
    headers: { 'content-type': call.format === 'cbor' ? AMZ_CBOR : AMZ_JSON, 'x-amzn-requestid': randomUUID() },
    body: encodeBody(decoded, call.format),
    response: decoded,
  };
}

function fromSandboxResponse(response: { status: number; headers: Record<string, string>; body: string | Buffer }): KinesisReply {
  return { status: response.status, headers: response.headers, body: Buffer.from(response.body) };
}

function encodeToken(value: object): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
}

function decodeToken<T>(token: string): T | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

function isStringMap(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}
