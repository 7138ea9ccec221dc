/** EnableEnhancedMonitoring and DisableEnhancedMonitoring: which shard-level metrics are on. */
import { requestedStream } from '../resolve-stream.js';
import type { KinesisOperation } from './kinesis-operation.js';

/** The metric names `ALL` stands for, in the order AWS lists them. */
export const SHARD_LEVEL_METRICS = [
  'IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords',
  'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds',
];

function setMonitoring(change: 'enable' | 'disable'): KinesisOperation {
  return (call, input) => {
    const stream = requestedStream(call, input);
    const requested = input.ShardLevelMetrics as string[];
    const named = requested.includes('ALL') ? SHARD_LEVEL_METRICS : requested;
    const current = [...stream.shardLevelMetrics];
    const desired = change === 'enable'
      ? SHARD_LEVEL_METRICS.filter((metric) => current.includes(metric) || named.includes(metric))
      : current.filter((metric) => !named.includes(metric));
    call.commit({ k: 'metrics', account: stream.account, region: stream.region, name: stream.name, at: call.now, metrics: desired });
    return { StreamName: stream.name, StreamARN: stream.arn, CurrentShardLevelMetrics: current, DesiredShardLevelMetrics: desired };
  };
}

export const enableEnhancedMonitoring = setMonitoring('enable');
export const disableEnhancedMonitoring = setMonitoring('disable');
