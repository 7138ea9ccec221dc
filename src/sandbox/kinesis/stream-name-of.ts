/** Which stream a Kinesis request is about, for the call events: StreamName, StreamARN or the shard iterator. */
import { decodeShardIterator } from './shard-iterator.js';
import { parseStreamArn } from './stream-arn.js';

export function streamNameOf(request: Record<string, unknown> | undefined): string | undefined {
  if (!request) return undefined;
  if (typeof request.StreamName === 'string') return request.StreamName;
  if (typeof request.StreamARN === 'string') return parseStreamArn(request.StreamARN)?.name;
  if (typeof request.ShardIterator === 'string') return decodeShardIterator(request.ShardIterator)?.streamName;
  return undefined;
}
