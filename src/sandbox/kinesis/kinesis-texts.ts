/**
 * Kinesis's own error texts, in one place so operations word them alike (kinesalite and AWS say
 * the same: "Stream X under account N not found.").
 */
import { KinesisError } from './kinesis-error.js';
import type { StreamState } from './stream-state.js';

export function streamNotFound(name: string, account: string): KinesisError {
  return new KinesisError('ResourceNotFoundException', `Stream ${name} under account ${account} not found.`);
}

export function streamInUse(name: string, account: string): KinesisError {
  return new KinesisError('ResourceInUseException', `Stream ${name} under account ${account} already exists.`);
}

export function streamNotActive(stream: StreamState): KinesisError {
  return new KinesisError('ResourceInUseException', `Stream ${stream.name} under account ${stream.account} not ACTIVE, instead in state ${stream.status}`);
}

export function shardNotFound(shardId: string, stream: string, account: string): KinesisError {
  return new KinesisError('ResourceNotFoundException', `Shard ${shardId} in stream ${stream} under account ${account} does not exist`);
}

export function couldNotFindShard(shardId: string, stream: string, account: string): KinesisError {
  return new KinesisError('ResourceNotFoundException', `Could not find shard ${shardId} in stream ${stream} under account ${account}.`);
}

export function invalidArgument(message: string): KinesisError {
  return new KinesisError('InvalidArgumentException', message);
}

export function shardLimitExceeded(account: string, region: string, current: number, limit: number, added: number): KinesisError {
  return new KinesisError('LimitExceededException',
    `This request would exceed the shard limit for the account ${account} in ${region}. Current shard count for the account: ${current}. ` +
    `Limit: ${limit}. Number of additional shards that would have resulted from this request: ${added}. ` +
    'Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.');
}

/** `1 validation error detected: …` for one problem an operation finds beyond the model's constraints. */
export function validationError(problem: string): KinesisError {
  return new KinesisError('ValidationException', `1 validation error detected: ${problem}`);
}

/** A write over its shard's limit: "Rate exceeded for shard shardId-000000000000 in stream X under account N." */
export function writeRateExceeded(shardId: string, stream: string, account: string): string {
  return `Rate exceeded for shard ${shardId} in stream ${stream} under account ${account}.`;
}

/** A read over its shard's limit, as AWS words it for GetRecords: "Rate exceeded for Shard - N/X/shardId-000000000000". */
export function readRateExceeded(shardId: string, stream: string, account: string): KinesisError {
  return new KinesisError('ProvisionedThroughputExceededException', `Rate exceeded for Shard - ${account}/${stream}/${shardId}`);
}

/** A control-plane call over its rate: per stream "Rate exceeded for stream X under account N.", else per account. */
export function callRateExceeded(account: string, stream: string | undefined): KinesisError {
  return new KinesisError('LimitExceededException', stream === undefined ? `Rate exceeded for account ${account}.` : `Rate exceeded for stream ${stream} under account ${account}.`);
}
