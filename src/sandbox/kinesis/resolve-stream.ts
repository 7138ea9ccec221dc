/**
 * The stream (or consumer) a request names: by StreamName, StreamARN, ConsumerARN or ResourceARN. An ARN
 * of another region is a stream this regional endpoint does not have (not found, as the endpoint of that
 * region is where it lives); an ARN of another account is served only where the stream's resource
 * policy grants the caller's account the operation (resource-policy.ts), else refused as AWS refuses a
 * caller with no policy granting access.
 */
import { crossAccountDenied } from '../sandbox-accounts.js';
import { KinesisError } from './kinesis-error.js';
import { streamNotFound, validationError } from './kinesis-texts.js';
import type { ValidatedInput } from './model/validate-input.js';
import type { OperationCall } from './operations/kinesis-operation.js';
import { policyAllows } from './resource-policy.js';
import { parseConsumerArn, parseStreamArn } from './stream-arn.js';
import type { ConsumerState, StreamState } from './stream-state.js';
import { liveConsumer } from './consumer-views.js';

/** Where a request's stream lives: its owner's account (the caller's, unless a policy shares it) and name. */
export interface StreamAddress {
  account: string;
  name: string;
}

/** The account and name a request addresses, after checking its ARN (if any) against the caller. */
export function requestedStreamAddress(call: OperationCall, input: ValidatedInput): StreamAddress {
  const arn = input.StreamARN;
  if (typeof arn === 'string') {
    const parts = parseStreamArn(arn);
    if (!parts) throw validationError(`Value '${arn}' at 'streamARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+`);
    if (parts.region !== call.caller.region) throw new KinesisError('ResourceNotFoundException', `Stream ${arn} under account ${call.caller.account} not found.`);
    if (typeof input.StreamName === 'string' && input.StreamName !== parts.name) {
      throw new KinesisError('InvalidArgumentException', `StreamARN ${arn} and StreamName ${input.StreamName} do not name the same stream.`);
    }
    if (parts.account !== call.caller.account) assertShared(call, call.store.find(parts.account, parts.region, parts.name, call.now), arn);
    return { account: parts.account, name: parts.name };
  }
  if (typeof input.StreamName === 'string') return { account: call.caller.account, name: input.StreamName };
  throw validationError("Value null at 'streamName' failed to satisfy constraint: Member must not be null");
}

/** The stream the request addresses, or ResourceNotFoundException. */
export function requestedStream(call: OperationCall, input: ValidatedInput): StreamState {
  const { account, name } = requestedStreamAddress(call, input);
  const stream = call.store.find(account, call.caller.region, name, call.now);
  if (!stream) throw notFound(call, input, name);
  return stream;
}

/** Not found, worded by how the request named the stream. */
export function notFound(call: OperationCall, input: ValidatedInput, name: string): KinesisError {
  return typeof input.StreamARN === 'string'
    ? new KinesisError('ResourceNotFoundException', `Stream ${input.StreamARN} under account ${call.caller.account} not found.`)
    : streamNotFound(name, call.caller.account);
}

/**
 * The consumer a request names: by ConsumerARN, or by StreamARN and ConsumerName (both may be given if
 * they agree). Deregistered consumers still DELETING are found; gone ones are not.
 */
export function requestedConsumer(call: OperationCall, input: ValidatedInput): { stream: StreamState; consumer: ConsumerState } {
  const consumerArn = typeof input.ConsumerARN === 'string' ? input.ConsumerARN : undefined;
  if (consumerArn !== undefined) {
    const parts = parseConsumerArn(consumerArn);
    if (!parts) throw consumerNotFound(consumerArn, call.caller.account);
    if (typeof input.StreamARN === 'string' && input.StreamARN !== parts.streamArn) {
      throw new KinesisError('InvalidArgumentException', `ConsumerARN ${consumerArn} does not belong to stream ${input.StreamARN}.`);
    }
    if (typeof input.ConsumerName === 'string' && input.ConsumerName !== parts.consumerName) {
      throw new KinesisError('InvalidArgumentException', `ConsumerARN ${consumerArn} and ConsumerName ${input.ConsumerName} do not name the same consumer.`);
    }
    if (parts.region !== call.caller.region) throw consumerNotFound(consumerArn, call.caller.account);
    const stream = call.store.find(parts.account, parts.region, parts.streamName, call.now);
    if (parts.account !== call.caller.account) assertShared(call, stream, consumerArn);
    const consumer = stream ? liveConsumer(stream, parts.consumerName) : undefined;
    if (!stream || consumer?.arn !== consumerArn) throw consumerNotFound(consumerArn, call.caller.account);
    return { stream, consumer };
  }
  if (typeof input.StreamARN !== 'string' || typeof input.ConsumerName !== 'string') {
    throw new KinesisError('InvalidArgumentException', 'Either ConsumerARN or both StreamARN and ConsumerName must be provided.');
  }
  const stream = requestedStream(call, input);
  const consumer = liveConsumer(stream, input.ConsumerName);
  if (!consumer) throw consumerNotFound(`${input.ConsumerName} under stream ${stream.name}`, stream.account);
  return { stream, consumer };
}

/**
 * The stream or consumer a ResourceARN names (tags, resource policies). These operations belong to the
 * owner: another account is refused even where a policy shares the stream.
 */
export function requestedResource(call: OperationCall, arn: string): { stream: StreamState; consumer?: ConsumerState } {
  const consumerParts = parseConsumerArn(arn);
  const streamParts = consumerParts ? undefined : parseStreamArn(arn);
  const owner = consumerParts?.account ?? streamParts?.account;
  if (owner !== undefined && owner !== call.caller.account) throw accessDenied(call, arn);
  if (consumerParts) return requestedConsumer(call, { ConsumerARN: arn });
  if (!streamParts) throw new KinesisError('ResourceNotFoundException', `Resource ${arn} not found.`);
  return { stream: requestedStream(call, { StreamARN: arn }) };
}

/** Another account's stream may be used only where its resource policy grants the operation. */
function assertShared(call: OperationCall, stream: StreamState | undefined, arn: string): void {
  const consumer = stream ? parseConsumerArn(arn) : undefined;
  const policy = consumer && stream ? liveConsumer(stream, consumer.consumerName)?.policy : stream?.policy;
  if (!stream || !policyAllows(policy, call.caller.account, call.operation, arn)) throw accessDenied(call, arn);
}

export function accessDenied(call: OperationCall, arn: string): KinesisError {
  return new KinesisError('AccessDeniedException', crossAccountDenied(call.caller.account, `kinesis:${call.operation}`, arn));
}

/** Our wording: AWS's text for an unknown consumer was not confirmed. */
function consumerNotFound(what: string, account: string): KinesisError {
  return new KinesisError('ResourceNotFoundException', `Consumer ${what} under account ${account} not found.`);
}
