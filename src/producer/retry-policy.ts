/**
 * When and how long to wait before trying a write again: exponential backoff with full jitter
 * (each delay uniform in [0, min(cap, base × 2^(attempt−1)))), which spreads retrying producers
 * apart instead of letting them hit a throttled shard in lockstep. A throttled write starts from a
 * larger base, as the AWS SDK's standard retry does (500 ms against 100 ms): a shard's budget refills
 * over a second, so retries within the same second are mostly throttled again. For the same reason a
 * throttled write waits at least half its ceiling ("equal jitter"): with full jitter a retry could come
 * a few milliseconds later and spend an attempt on a shard still out of budget, and producers sharing
 * one shard gave records up after six such attempts while the shard was still taking writes.
 */

export interface RetryPolicyOptions {
  /** First backoff ceiling, ms. @default 100 */
  baseMs?: number;
  /** First backoff ceiling after a throttle, ms. @default 500 */
  throttledBaseMs?: number;
  /** Largest backoff ceiling, ms. @default 5000 */
  capMs?: number;
  /** Attempts per record, the first one included; 1 means never retry. @default 6 */
  maxAttempts?: number;
  /** Source of jitter in [0, 1). @default Math.random */
  random?: () => number;
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Milliseconds to wait after attempt number `failedAttempt` (1-based) failed; `throttled` when it was throttled. */
  delayMs(failedAttempt: number, throttled?: boolean): number;
}

export const DEFAULT_RETRY = { baseMs: 100, throttledBaseMs: 500, capMs: 5000, maxAttempts: 6 } as const;

export function createRetryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  const baseMs = options.baseMs ?? DEFAULT_RETRY.baseMs;
  const throttledBaseMs = options.throttledBaseMs ?? DEFAULT_RETRY.throttledBaseMs;
  const capMs = options.capMs ?? DEFAULT_RETRY.capMs;
  const maxAttempts = options.maxAttempts ?? DEFAULT_RETRY.maxAttempts;
  const random = options.random ?? Math.random;
  if (!(baseMs >= 0 && throttledBaseMs >= 0 && capMs >= 0)) throw new RangeError('retry baseMs, throttledBaseMs and capMs must be >= 0');
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('retry maxAttempts must be an integer >= 1');
  return {
    maxAttempts,
    delayMs(failedAttempt, throttled = false) {
      // 2^(n−1) overflows to Infinity long after the cap is reached; min() keeps that harmless.
      const ceiling = Math.min(capMs, (throttled ? throttledBaseMs : baseMs) * 2 ** Math.max(0, failedAttempt - 1));
      return throttled ? Math.floor(ceiling / 2 + (random() * ceiling) / 2) : Math.floor(random() * ceiling);
    },
  };
}

/** Error codes a write may succeed after, given time: throttling, service faults, KMS throttling. */
const RETRYABLE_CODES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'KMSThrottlingException',
  'InternalFailure',
  'InternalFailureException',
  'InternalServerError',
  'InternalError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  // Node's network errors, on `code` (the SDK keeps them) or as the name we derive from it.
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * Codes that a retry cannot fix; listed so they win over the HTTP-status fallback
 * (ExpiredToken arrives as a 400, but so would an unknown throttle).
 */
const FATAL_CODES = new Set([
  'ResourceNotFoundException',
  'ResourceInUseException',
  'AccessDeniedException',
  'ValidationException',
  'InvalidArgumentException',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'InvalidClientTokenId',
  'ExpiredTokenException',
  'ExpiredToken',
  'CredentialsProviderError',
  'KMSAccessDeniedException',
  'KMSDisabledException',
  'KMSInvalidStateException',
  'KMSNotFoundException',
  'KMSOptInRequired',
  'AbortError',
]);

/** Codes that mean the write was throttled (a shard's or the account's rate), not that it failed. */
const THROTTLE_CODES = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'Throttling', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'KMSThrottlingException']);

/** True for an error code that says the call was throttled. */
export function isThrottleCode(code: string): boolean {
  return THROTTLE_CODES.has(code);
}

/** True for a per-record PutRecords error code (or an error name) that is worth retrying. */
export function isRetryableCode(code: string, message = ''): boolean {
  // LimitExceededException also means "this request would exceed the shard limit" on CreateStream and
  // UpdateShardCount; only its rate-limit meaning passes with time.
  if (code === 'LimitExceededException') return !/shard limit/i.test(message);
  return RETRYABLE_CODES.has(code);
}

/** Whether a thrown error (SDK service error, Node network error, anything) is worth retrying. */
export function isRetryableError(error: unknown): boolean {
  const code = errorCodeOf(error);
  const message = errorMessageOf(error);
  if (FATAL_CODES.has(code)) return false;
  if (isRetryableCode(code, message)) return true;
  if (/socket hang up|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE/i.test(message)) return true;
  const status = httpStatusOf(error);
  // Unknown service faults and throttles by status: 5xx and 429 pass with time, other 4xx do not.
  return status !== undefined && (status >= 500 || status === 429);
}

/**
 * True when a call got no HTTP answer after it may have reached the server (reset, hang-up, timeout):
 * the write may or may not have happened, so a retry may duplicate it. A refused connection never
 * reached the server, and any HTTP answer (even a 5xx) says the call failed.
 */
export function isUnansweredError(error: unknown): boolean {
  if (httpStatusOf(error) !== undefined) return false;
  const code = errorCodeOf(error);
  const rawCode = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'ECONNREFUSED' || rawCode === 'ECONNREFUSED') return false;
  // AbortError: a call cut off while it waited for its answer (the run was stopped) may have been written too.
  const unanswered = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'TimeoutError', 'RequestTimeout', 'UND_ERR_SOCKET', 'AbortError']);
  if (unanswered.has(code) || (typeof rawCode === 'string' && unanswered.has(rawCode))) return true;
  return /socket hang up|ECONNRESET|EPIPE|ETIMEDOUT/i.test(errorMessageOf(error));
}

/**
 * A short, stable name for an error: the SDK's exception name, else Node's `code` (ECONNRESET),
 * else the error's name, else `UnknownError`.
 */
export function errorCodeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'UnknownError';
  const { name, code } = error as { name?: unknown; code?: unknown };
  if (typeof name === 'string' && name !== '' && name !== 'Error') return name;
  if (typeof code === 'string' && code !== '') return code;
  return typeof name === 'string' && name !== '' ? name : 'UnknownError';
}

export function errorMessageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Waits `ms`, or less if `signal` aborts; never rejects, so callers check `signal.aborted` after. */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    // A zero wait still yields to the event loop, so a producer spinning on rejected records sees aborts.
    if (ms <= 0) {
      setImmediate(resolve);
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
