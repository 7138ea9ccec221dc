/**
 * ListShards: the stream's shards, paged by MaxResults (at most 1,000 a page) / NextToken, starting
 * after ExclusiveStartShardId, narrowed by a ShardFilter as AWS documents each type:
 *   AFTER_SHARD_ID    shards after ShardId (required)
 *   AT_TRIM_HORIZON   shards open at the trim horizon
 *   FROM_TRIM_HORIZON shards within the retention period (the default: expired shards are not listed)
 *   AT_LATEST         open shards
 *   AT_TIMESTAMP      shards open at Timestamp (required)
 *   FROM_TIMESTAMP    closed shards that ended at or after Timestamp (required), and open shards
 */
import { invalidArgument } from '../kinesis-texts.js';
import { decodePageToken, encodePageToken } from '../page-token.js';
import { requestedStream } from '../resolve-stream.js';
import type { ShardState, StreamState } from '../stream-state.js';
import { shardView, visibleShards } from '../stream-views.js';
import type { KinesisOperation } from './kinesis-operation.js';

const MAX_PAGE = 1000;

interface ShardFilter {
  Type: string;
  ShardId?: string;
  /** Epoch seconds. */
  Timestamp?: number;
}

export const listShards: KinesisOperation = (call, input) => {
  let request = input;
  let after = typeof input.ExclusiveStartShardId === 'string' ? input.ExclusiveStartShardId : undefined;
  let filter = input.ShardFilter as ShardFilter | undefined;
  if (typeof input.NextToken === 'string') {
    if (input.StreamName !== undefined || input.StreamARN !== undefined) throw invalidArgument('NextToken and StreamName cannot be provided together.');
    const token = decodePageToken(input.NextToken);
    if (typeof token?.s !== 'string') throw invalidArgument('Invalid NextToken.');
    request = { StreamName: token.s };
    after = typeof token.after === 'string' ? token.after : undefined;
    // The filter travels in the token, so every page lists the same set.
    filter = (token.f as ShardFilter | undefined) ?? filter;
  } else if (input.StreamName === undefined && input.StreamARN === undefined) {
    throw invalidArgument('Either NextToken or StreamName should be provided.');
  }
  if (filter) checkFilter(filter);
  if (filter?.Type === 'AFTER_SHARD_ID') after = filter.ShardId;
  const stream = requestedStream(call, request);
  const listed = visibleShards(stream).filter((shard) => (after === undefined || shard.id > after) && inFilter(stream, shard, filter, call.now));
  // MaxResults above 1,000 still returns at most 1,000, as AWS documents.
  const max = Math.min(typeof input.MaxResults === 'number' ? input.MaxResults : MAX_PAGE, MAX_PAGE);
  const page = listed.slice(0, max);
  return {
    Shards: page.map(shardView),
    ...(listed.length > max ? { NextToken: encodePageToken({ s: stream.name, after: page.at(-1)?.id, ...(filter ? { f: filter } : {}) }) } : {}),
  };
};

/** Each type takes what it needs and nothing else (our wording: AWS's texts were not confirmed). */
function checkFilter(filter: ShardFilter): void {
  const needsShard = filter.Type === 'AFTER_SHARD_ID';
  const needsTime = filter.Type === 'AT_TIMESTAMP' || filter.Type === 'FROM_TIMESTAMP';
  if (needsShard && filter.ShardId === undefined) throw invalidArgument('ShardFilter of type AFTER_SHARD_ID needs a ShardId.');
  if (!needsShard && filter.ShardId !== undefined) throw invalidArgument(`ShardFilter of type ${filter.Type} takes no ShardId.`);
  if (needsTime && filter.Timestamp === undefined) throw invalidArgument(`ShardFilter of type ${filter.Type} needs a Timestamp.`);
  if (!needsTime && filter.Timestamp !== undefined) throw invalidArgument(`ShardFilter of type ${filter.Type} takes no Timestamp.`);
}

function inFilter(stream: StreamState, shard: ShardState, filter: ShardFilter | undefined, now: number): boolean {
  // Records older than the retention period are gone; so is a shard that closed before then.
  const horizon = Math.max(now - stream.retentionHours * 3_600_000, stream.createdMs);
  const openAt = (ms: number) => shard.createdMs <= ms && (shard.closedMs === undefined || shard.closedMs >= ms);
  const endedSince = (ms: number) => shard.closedMs === undefined || shard.closedMs >= ms;
  switch (filter?.Type) {
    case 'AT_LATEST':
      return shard.closedMs === undefined;
    case 'AT_TRIM_HORIZON':
      return openAt(horizon);
    case 'AT_TIMESTAMP':
      return openAt((filter.Timestamp ?? 0) * 1000);
    case 'FROM_TIMESTAMP':
      return endedSince(Math.max((filter.Timestamp ?? 0) * 1000, horizon));
    default:
      return endedSince(horizon);
  }
}
