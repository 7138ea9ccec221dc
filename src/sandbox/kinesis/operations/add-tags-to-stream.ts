/** AddTagsToStream: at most 50 tags per stream, with AWS's character rules. */
import { invalidArgument } from '../kinesis-texts.js';
import { requestedStream } from '../resolve-stream.js';
import { assertTagCharacters } from '../tag-rules.js';
import type { KinesisOperation } from './kinesis-operation.js';

const MAX_TAGS = 50;

export const addTagsToStream: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  const tags = input.Tags as Record<string, string>;
  assertTagCharacters([...Object.keys(tags), ...Object.values(tags)], `Failed to add tags to stream ${stream.name} under account ${stream.account}`);
  if (new Set([...Object.keys(stream.tags), ...Object.keys(tags)]).size > MAX_TAGS) {
    throw invalidArgument(`Failed to add tags to stream ${stream.name} under account ${stream.account} because a given stream cannot have more than ${MAX_TAGS} tags associated with it.`);
  }
  call.commit({ k: 'tags', account: stream.account, region: stream.region, name: stream.name, at: call.now, set: tags });
  return {};
};
