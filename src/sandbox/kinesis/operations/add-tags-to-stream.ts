/** AddTagsToStream: at most 50 tags per stream, with AWS's character rules. */
import { requestedStream } from '../resolve-stream.js';
import { assertTagCharacters, assertTagRoom } from '../tag-rules.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const addTagsToStream: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  const tags = input.Tags as Record<string, string>;
  const failure = `Failed to add tags to stream ${stream.name} under account ${stream.account}`;
  assertTagCharacters([...Object.keys(tags), ...Object.values(tags)], failure);
  assertTagRoom(stream.tags, tags, failure, 'stream');
  call.commit({ k: 'tags', account: stream.account, region: stream.region, name: stream.name, at: call.now, set: tags });
  return {};
};
