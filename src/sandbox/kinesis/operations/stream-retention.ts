/** IncreaseStreamRetentionPeriod and DecreaseStreamRetentionPeriod: 24 to 8,760 hours (365 days). */
import { invalidArgument } from '../kinesis-texts.js';
import { requestedStream } from '../resolve-stream.js';
import type { KinesisOperation } from './kinesis-operation.js';

const MIN_HOURS = 24;
const MAX_HOURS = 8760;

function changeRetention(direction: 'increase' | 'decrease'): KinesisOperation {
  return (call, input) => {
    const stream = requestedStream(call, input);
    const hours = Number(input.RetentionPeriodHours);
    if (hours < MIN_HOURS) {
      throw invalidArgument(`Minimum allowed retention period is ${MIN_HOURS} hours. Requested retention period (${hours} hours) is too short.`);
    }
    if (hours > MAX_HOURS) {
      throw invalidArgument(`Maximum allowed retention period is ${MAX_HOURS} hours. Requested retention period (${hours} hours) is too long.`);
    }
    if (direction === 'increase' && hours < stream.retentionHours) {
      throw invalidArgument(`Requested retention period (${hours} hours) for stream ${stream.name} can not be shorter than existing retention period (${stream.retentionHours} hours). Use DecreaseRetentionPeriod API.`);
    }
    if (direction === 'decrease' && hours > stream.retentionHours) {
      throw invalidArgument(`Requested retention period (${hours} hours) for stream ${stream.name} can not be longer than existing retention period (${stream.retentionHours} hours). Use IncreaseRetentionPeriod API.`);
    }
    call.commit({ k: 'retention', account: stream.account, region: stream.region, name: stream.name, at: call.now, hours });
    return {};
  };
}

export const increaseStreamRetentionPeriod = changeRetention('increase');
export const decreaseStreamRetentionPeriod = changeRetention('decrease');
