/** RemoveTagsFromStream: keys that are not there are ignored, as on AWS. */
import { requestedStream } from '../resolve-stream.js';
import { assertTagCharacters } from '../tag-rules.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const removeTagsFromStream: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  const keys = input.TagKeys as string[];
  assertTagCharacters(keys, `Failed to remove tags from stream ${stream.name} under account ${stream.account}`);
  call.commit({ k: 'tags', account: stream.account, region: stream.region, name: stream.name, at: call.now, remove: keys });
  return {};
};
