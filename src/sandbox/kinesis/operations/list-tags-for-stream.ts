/** ListTagsForStream: tags sorted by key, paged by ExclusiveStartTagKey and Limit. */
import { requestedStream } from '../resolve-stream.js';
import type { KinesisOperation } from './kinesis-operation.js';

const DEFAULT_LIMIT = 100;

export const listTagsForStream: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  const start = typeof input.ExclusiveStartTagKey === 'string' ? input.ExclusiveStartTagKey : undefined;
  const limit = typeof input.Limit === 'number' ? input.Limit : DEFAULT_LIMIT;
  const keys = Object.keys(stream.tags).sort().filter((key) => start === undefined || key > start);
  return { Tags: keys.slice(0, limit).map((key) => ({ Key: key, Value: stream.tags[key] })), HasMoreTags: keys.length > limit };
};
