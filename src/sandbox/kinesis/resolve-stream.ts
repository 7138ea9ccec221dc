/**
 * The stream a request names, by StreamName or StreamARN. An ARN of another region is a stream this
 * regional endpoint does not have (not found, as the endpoint of that region is where it lives); an ARN
 * of another account is refused as AWS refuses a caller with no resource policy granting access.
 */
import { crossAccountDenied } from '../sandbox-accounts.js';
import { KinesisError } from './kinesis-error.js';
import { streamNotFound, validationError } from './kinesis-texts.js';
import type { ValidatedInput } from './model/validate-input.js';
import type { OperationCall } from './operations/kinesis-operation.js';
import { parseStreamArn } from './stream-arn.js';
import type { StreamState } from './stream-state.js';

/** The name a request addresses, after checking its ARN (if any) against the caller. */
export function requestedStreamName(call: OperationCall, input: ValidatedInput): string {
  const arn = input.StreamARN;
  if (typeof arn === 'string') {
    const parts = parseStreamArn(arn);
    if (!parts) throw validationError(`Value '${arn}' at 'streamARN' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+`);
    if (parts.account !== call.caller.account) throw accessDenied(call, arn);
    if (parts.region !== call.caller.region) throw new KinesisError('ResourceNotFoundException', `Stream ${arn} under account ${call.caller.account} not found.`);
    if (typeof input.StreamName === 'string' && input.StreamName !== parts.name) {
      throw new KinesisError('InvalidArgumentException', `StreamARN ${arn} and StreamName ${input.StreamName} do not name the same stream.`);
    }
    return parts.name;
  }
  if (typeof input.StreamName === 'string') return input.StreamName;
  throw validationError("Value null at 'streamName' failed to satisfy constraint: Member must not be null");
}

/** The stream the request addresses, or ResourceNotFoundException. */
export function requestedStream(call: OperationCall, input: ValidatedInput): StreamState {
  const name = requestedStreamName(call, input);
  const stream = call.store.find(call.caller.account, call.caller.region, name, call.now);
  if (!stream) throw notFound(call, input, name);
  return stream;
}

/** Not found, worded by how the request named the stream. */
export function notFound(call: OperationCall, input: ValidatedInput, name: string): KinesisError {
  return typeof input.StreamARN === 'string'
    ? new KinesisError('ResourceNotFoundException', `Stream ${input.StreamARN} under account ${call.caller.account} not found.`)
    : streamNotFound(name, call.caller.account);
}

function accessDenied(call: OperationCall, arn: string): KinesisError {
  return new KinesisError('AccessDeniedException', crossAccountDenied(call.caller.account, `kinesis:${call.operation}`, arn));
}
