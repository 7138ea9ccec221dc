/**
 * ListShards: the stream's shards, paged by MaxResults / NextToken, starting after
 * ExclusiveStartShardId; ShardFilter AFTER_SHARD_ID and AT_LATEST narrow the list.
 */
import { invalidArgument } from '../kinesis-texts.js';
import { decodePageToken, encodePageToken } from '../page-token.js';
import { requestedStream } from '../resolve-stream.js';
import { shardView, visibleShards } from '../stream-views.js';
import type { KinesisOperation } from './kinesis-operation.js';

const DEFAULT_MAX_RESULTS = 1000;

export const listShards: KinesisOperation = (call, input) => {
  let request = input;
  let after = typeof input.ExclusiveStartShardId === 'string' ? input.ExclusiveStartShardId : undefined;
  if (typeof input.NextToken === 'string') {
    if (input.StreamName !== undefined || input.StreamARN !== undefined) throw invalidArgument('NextToken and StreamName cannot be provided together.');
    const token = decodePageToken(input.NextToken);
    if (typeof token?.s !== 'string') throw invalidArgument('Invalid NextToken.');
    request = { StreamName: token.s };
    after = typeof token.after === 'string' ? token.after : undefined;
  } else if (input.StreamName === undefined && input.StreamARN === undefined) {
    throw invalidArgument('Either NextToken or StreamName should be provided.');
  }
  const stream = requestedStream(call, request);
  const filter = input.ShardFilter as { Type?: string; ShardId?: string } | undefined;
  if (filter?.Type === 'AFTER_SHARD_ID' && typeof filter.ShardId === 'string') after = filter.ShardId;
  let shards = visibleShards(stream).filter((shard) => after === undefined || shard.id > after);
  if (filter?.Type === 'AT_LATEST') shards = shards.filter((shard) => shard.closedMs === undefined);
  const max = typeof input.MaxResults === 'number' ? input.MaxResults : DEFAULT_MAX_RESULTS;
  const page = shards.slice(0, max);
  return {
    Shards: page.map(shardView),
    ...(shards.length > max ? { NextToken: encodePageToken({ s: stream.name, after: page.at(-1)?.id }) } : {}),
  };
};
