import { describe, expect, it } from 'vitest';
import {
  createRetryPolicy,
  errorCodeOf,
  isRetryableCode,
  isRetryableError,
  sleepFor,
} from '../../src/producer/retry-policy.js';
import { serviceError } from './fake-kinesis-port.js';

describe('createRetryPolicy', () => {
  it('draws each delay uniformly below min(cap, base × 2^(attempt−1))', () => {
    const policy = createRetryPolicy({ baseMs: 100, capMs: 1000, maxAttempts: 6, random: () => 0.5 });
    expect([1, 2, 3, 4, 5, 6].map((attempt) => policy.delayMs(attempt))).toEqual([50, 100, 200, 400, 500, 500]);
  });

  it('starts a throttled write from the larger base, 500 ms by default as in the AWS SDK, in the upper half of its ceiling', () => {
    const policy = createRetryPolicy({ capMs: 5000, random: () => 0.5 });
    expect([1, 2, 3, 4, 5].map((attempt) => policy.delayMs(attempt, true))).toEqual([375, 750, 1500, 3000, 3750]);
    expect(policy.delayMs(1, false)).toBe(50);
    expect(createRetryPolicy({ throttledBaseMs: 40, random: () => 0.5 }).delayMs(2, true)).toBe(60);
    // Never sooner than half the ceiling: a shard's budget refills over a second.
    expect([1, 2, 3].map((attempt) => createRetryPolicy({ random: () => 0 }).delayMs(attempt, true))).toEqual([250, 500, 1000]);
    expect(createRetryPolicy({ random: () => 0.999999 }).delayMs(1, true)).toBe(499);
  });

  it('spans the full jitter range: 0 at the bottom, just under the ceiling at the top', () => {
    expect(createRetryPolicy({ baseMs: 100, random: () => 0 }).delayMs(3)).toBe(0);
    expect(createRetryPolicy({ baseMs: 100, random: () => 0.999999 }).delayMs(3)).toBe(399);
  });

  it('stays at the cap for very late attempts', () => {
    expect(createRetryPolicy({ baseMs: 100, capMs: 5000, random: () => 0.5 }).delayMs(2000)).toBe(2500);
  });

  it('rejects nonsense settings', () => {
    expect(() => createRetryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => createRetryPolicy({ baseMs: -1 })).toThrow(RangeError);
  });
});

describe('which errors are retried', () => {
  const networkError = (code: string, message = `connect ${code} 127.0.0.1:4567`) => Object.assign(new Error(message), { code });

  it.each([
    ['throughput exceeded', serviceError('ProvisionedThroughputExceededException', 'Rate exceeded for shard shardId-000000000000', 400)],
    ['throttling', serviceError('ThrottlingException', 'Rate exceeded', 400)],
    ['rate limit', serviceError('LimitExceededException', 'Rate exceeded for stream input-stream', 400)],
    ['KMS throttling', serviceError('KMSThrottlingException', 'throttled', 400)],
    ['internal failure', serviceError('InternalFailure', 'oops', 500)],
    ['service unavailable', serviceError('ServiceUnavailable', 'busy', 503)],
    ['an unknown 5xx', serviceError('SomethingNew', 'bad gateway', 502)],
    ['connection reset', networkError('ECONNRESET', 'read ECONNRESET')],
    ['connection refused', networkError('ECONNREFUSED')],
    ['timed out', networkError('ETIMEDOUT')],
    ['SDK timeout', Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' })],
    ['socket hang up', new Error('socket hang up')],
  ])('%s is retried', (_name, error) => {
    expect(isRetryableError(error)).toBe(true);
  });

  it.each([
    ['stream not found', serviceError('ResourceNotFoundException', 'Stream input-stream under account 000000000000 not found.', 400)],
    ['access denied', serviceError('AccessDeniedException', 'User: arn:aws:sts::1:assumed-role/R/S is not authorized', 400)],
    ['validation', serviceError('ValidationException', '1 validation error detected', 400)],
    ['request too large', serviceError('InvalidArgumentException', 'Records size exceeds 5 MB limit', 400)],
    ['bad token', serviceError('UnrecognizedClientException', 'The security token included in the request is invalid.', 400)],
    ['expired token', serviceError('ExpiredTokenException', 'The security token included in the request is expired', 400)],
    ['no credentials', Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })],
    ['shard limit', serviceError('LimitExceededException', 'This request would exceed the shard limit for the account 1 in us-east-1.', 400)],
    ['an unknown 4xx', serviceError('SomethingNew', 'nope', 400)],
    ['a plain bug', new TypeError('Cannot read properties of undefined')],
    ['a thrown string', 'boom'],
  ])('%s is not retried', (_name, error) => {
    expect(isRetryableError(error)).toBe(false);
  });

  it.each([
    ['ProvisionedThroughputExceededException', true],
    ['InternalFailure', true],
    ['KMSThrottlingException', true],
    ['KMSAccessDeniedException', false],
    ['KMSDisabledException', false],
  ])('PutRecords entry code %s → retried %s', (code, expected) => {
    expect(isRetryableCode(code)).toBe(expected);
  });

  it('names errors by SDK name, then Node code', () => {
    expect(errorCodeOf(serviceError('ResourceNotFoundException', 'x', 400))).toBe('ResourceNotFoundException');
    expect(errorCodeOf(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
    expect(errorCodeOf(new Error('plain'))).toBe('Error');
    expect(errorCodeOf(undefined)).toBe('UnknownError');
  });
});

describe('sleepFor', () => {
  it('returns early when the signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = sleepFor(600_000, controller.signal);
    controller.abort();
    // Only the abort can settle this within the test's timeout; the timer is ten minutes away.
    await expect(sleeping).resolves.toBeUndefined();
  });
});
