/**
 * Error responses shaped like AWS JSON-protocol errors, so SDKs and the AWS CLI report them by
 * name (`UnknownOperationException`, `InternalFailure` …) instead of failing to parse.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from './sandbox-types.js';

export function awsJsonError(status: number, type: string, message: string): SandboxResponse {
  return {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': type,
    },
    body: JSON.stringify({ __type: type, message }),
  };
}

/** What the sandbox answers when no mounted service and not Kinesis claims a request. */
export function unknownOperation(method: string, url: string, target: string | undefined, service: string): SandboxResponse {
  const what = target ? `X-Amz-Target '${target}'` : `${method} ${url}`;
  const signedFor = service ? ` (signed for service '${service}')` : '';
  return awsJsonError(400, 'UnknownOperationException', `The kinesis-lab sandbox does not implement ${what}${signedFor}.`);
}

/** A service inside the sandbox threw; the learner's client sees AWS's 500 shape. */
export function internalFailure(serviceName: string, error: unknown): SandboxResponse {
  const reason = error instanceof Error ? error.message : String(error);
  return awsJsonError(500, 'InternalFailure', `The sandbox's ${serviceName} service failed: ${reason}`);
}
