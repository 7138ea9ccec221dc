/** UpdateMaxRecordSize: the largest record the stream takes, 1,024 to 10,240 KiB (the model's range). */
import { streamNotActive } from '../kinesis-texts.js';
import { requestedStream } from '../resolve-stream.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const updateMaxRecordSize: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  if (stream.status !== 'ACTIVE') throw streamNotActive(stream);
  call.commit({ k: 'maxRecordSize', account: stream.account, region: stream.region, name: stream.name, at: call.now, kib: Number(input.MaxRecordSizeInKiB) });
  return {};
};
