/** UpdateStreamWarmThroughput: an on-demand stream made ready for WarmThroughputMiBps of writes (UPDATING meanwhile). */
import { streamNotActive } from '../kinesis-texts.js';
import { requestedStream } from '../resolve-stream.js';
import { assertWarmThroughput } from '../warm-throughput.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const updateStreamWarmThroughput: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  const mibps = Number(input.WarmThroughputMiBps);
  assertWarmThroughput(call, stream.mode, mibps);
  if (stream.status !== 'ACTIVE') throw streamNotActive(stream);
  call.commit({
    k: 'schedule', account: stream.account, region: stream.region, name: stream.name, at: call.now, status: 'UPDATING',
    work: { kind: 'warm', at: call.now + call.settings.updateStreamMs, mibps },
  });
  return { StreamARN: stream.arn, StreamName: stream.name, WarmThroughput: { TargetMiBps: mibps, CurrentMiBps: stream.warmThroughputMiBps ?? 0 } };
};
