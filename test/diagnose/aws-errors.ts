/**
 * Realistic errors as the SDK v3 throws them: modeled Kinesis exceptions from their own classes,
 * unmodeled ones (ExpiredTokenException, ThrottlingException, Pipes errors …) the way the SDK
 * builds them, as the service's base exception carrying the wire name. Node network errors carry
 * the fields Node sets (code, syscall, hostname or address/port).
 */
import { KinesisServiceException } from '@aws-sdk/client-kinesis';
import type { DiagnosisContext } from '../../src/diagnose/diagnosis.js';

export const ACCOUNT = '123456789012';

export function awsError(name: string, message: string, httpStatusCode = 400): KinesisServiceException {
  return new KinesisServiceException({ name, message, $fault: httpStatusCode >= 500 ? 'server' : 'client', $metadata: { httpStatusCode, requestId: 'b1c2d3e4-0000-4000-8000-000000000001' } });
}

export function nodeError(code: string, message: string, fields: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { code, errno: -1, ...fields });
}

/** A learner on real AWS in Seoul, running step 2. */
export const AWS_CTX: DiagnosisContext = { region: 'ap-northeast-2', stream: 'input-stream', sandbox: false, operation: 'PutRecord' };

/** A learner on the local sandbox. */
export const SANDBOX_CTX: DiagnosisContext = {
  region: 'us-east-1',
  stream: 'input-stream',
  sandbox: true,
  endpoint: 'http://127.0.0.1:4567',
  operation: 'PutRecord',
};
