/**
 * DeleteStream: DELETING for deleteStreamMs, then gone with its consumers. A stream with registered
 * consumers is refused unless EnforceConsumerDeletion is true, as AWS documents.
 */
import { KinesisError } from '../kinesis-error.js';
import { requestedStream } from '../resolve-stream.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const deleteStream: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  if (input.EnforceConsumerDeletion !== true && stream.consumers.some((consumer) => consumer.goneAt === undefined)) {
    throw new KinesisError('ResourceInUseException', `Stream ${stream.name} under account ${stream.account} has registered consumers; deregister them or set EnforceConsumerDeletion.`);
  }
  call.commit({ k: 'delete', account: stream.account, region: stream.region, name: stream.name, at: call.now, goneAt: call.now + call.settings.deleteStreamMs });
  return {};
};
