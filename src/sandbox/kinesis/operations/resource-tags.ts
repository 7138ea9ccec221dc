/**
 * TagResource, UntagResource and ListTagsForResource: tags of a stream or a consumer, by its ARN, with
 * the same rules as AddTagsToStream (at most 50, AWS's characters).
 */
import { requestedResource } from '../resolve-stream.js';
import { assertTagCharacters, assertTagRoom } from '../tag-rules.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const tagResource: KinesisOperation = (call, input) => {
  const arn = String(input.ResourceARN);
  const { stream, consumer } = requestedResource(call, arn);
  const tags = input.Tags as Record<string, string>;
  const failure = `Failed to add tags to resource ${arn}`;
  assertTagCharacters([...Object.keys(tags), ...Object.values(tags)], failure);
  assertTagRoom(consumer ? consumer.tags : stream.tags, tags, failure, 'resource');
  call.commit({ k: 'tags', account: stream.account, region: stream.region, name: stream.name, at: call.now, set: tags, ...(consumer ? { consumer: consumer.name } : {}) });
  return {};
};

export const untagResource: KinesisOperation = (call, input) => {
  const arn = String(input.ResourceARN);
  const { stream, consumer } = requestedResource(call, arn);
  const keys = input.TagKeys as string[];
  assertTagCharacters(keys, `Failed to remove tags from resource ${arn}`);
  call.commit({ k: 'tags', account: stream.account, region: stream.region, name: stream.name, at: call.now, remove: keys, ...(consumer ? { consumer: consumer.name } : {}) });
  return {};
};

export const listTagsForResource: KinesisOperation = (call, input) => {
  const { stream, consumer } = requestedResource(call, String(input.ResourceARN));
  const tags = consumer ? consumer.tags : stream.tags;
  return { Tags: Object.keys(tags).sort().map((key) => ({ Key: key, Value: tags[key] })) };
};
