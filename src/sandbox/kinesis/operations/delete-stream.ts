/** DeleteStream: DELETING for deleteStreamMs, then gone. */
import { requestedStream } from '../resolve-stream.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const deleteStream: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  call.commit({ k: 'delete', account: stream.account, region: stream.region, name: stream.name, at: call.now, goneAt: call.now + call.settings.deleteStreamMs });
  return {};
};
