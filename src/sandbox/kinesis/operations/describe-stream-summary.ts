/** DescribeStreamSummary: the stream without its shards, with the counts and settings AWS reports. */
import { requestedStream } from '../resolve-stream.js';
import { openShards, streamBasics } from '../stream-views.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const describeStreamSummary: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  return {
    StreamDescriptionSummary: {
      ...streamBasics(stream),
      OpenShardCount: openShards(stream).length,
      ConsumerCount: stream.consumers.filter((consumer) => consumer.goneAt === undefined).length,
      MaxRecordSizeInKiB: stream.maxRecordSizeInKiB,
      ...(stream.warmThroughputMiBps !== undefined ? { WarmThroughput: { TargetMiBps: stream.warmThroughputMiBps, CurrentMiBps: stream.status === 'ACTIVE' ? stream.warmThroughputMiBps : 0 } } : {}),
    },
  };
};
