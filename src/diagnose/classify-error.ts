import { redactSecrets } from './redact-secrets.js';

/**
 * Whatever was thrown, reduced to what the catalog matches on. SDK v3 service exceptions carry
 * `name` and `$metadata.httpStatusCode`; Node network errors carry `code` (often on a `cause` or
 * inside an AggregateError when both IPv4 and IPv6 were tried); the SDK's own timeouts and aborts
 * carry only a `name`.
 */
export interface ClassifiedError {
  /** Exception name (`ResourceNotFoundException`, `CredentialsProviderError`, `TimeoutError` …), or `Error`. */
  name: string;
  /** The message with credentials and signatures removed, at most 600 characters. */
  message: string;
  /** HTTP status of the response, when there was one. */
  status?: number;
  /** Node system error code found on the error or its causes (`ECONNREFUSED`, `ENOTFOUND` …). */
  code?: string;
  /** Host (and port) the failed connection was for, when Node says. */
  host?: string;
  requestId?: string;
  /** The lab's own deadline that ended the call (src/aws/call-deadlines.ts): which phase, after how long. */
  deadline?: { phase: 'connect' | 'first-byte' | 'whole'; limitMs: number };
}

const MAX_MESSAGE = 600;

/** Never throws; an error without a usable message gets one built from its name or code. */
export function classifyError(error: unknown): ClassifiedError {
  if (typeof error === 'string') return { name: 'Error', message: clip(redactSecrets(error)) };
  if (!isRecord(error)) return { name: 'Error', message: describeNonObject(error) };

  const name = stringField(error, 'name') ?? 'Error';
  const metadata = isRecord(error.$metadata) ? error.$metadata : undefined;
  const response = isRecord(error.$response) ? error.$response : undefined;
  const status = numberField(metadata, 'httpStatusCode') ?? numberField(response, 'statusCode');
  const system = findSystemError(error, 0);
  const raw = stringField(error, 'message') || system?.message || system?.code || name;

  const classified: ClassifiedError = { name, message: clip(redactSecrets(raw)) };
  if (status !== undefined) classified.status = status;
  if (system?.code) classified.code = system.code;
  if (system?.host) classified.host = system.host;
  const requestId = stringField(metadata, 'requestId');
  if (requestId) classified.requestId = requestId;
  const deadline = deadlineOf(error);
  if (deadline) classified.deadline = deadline;
  return classified;
}

const PHASES = ['connect', 'first-byte', 'whole'] as const;

/** A DeadlineError (src/aws/call-deadlines.ts), by shape: the catalog imports nothing from src/aws. */
function deadlineOf(error: Record<string, unknown>): ClassifiedError['deadline'] {
  const phase = PHASES.find((p) => p === error.phase);
  const limitMs = numberField(error, 'limitMs');
  return phase && limitMs !== undefined ? { phase, limitMs } : undefined;
}

interface SystemError {
  code?: string;
  message?: string;
  host?: string;
}

/** Node puts the system error on the error itself, on `cause`, or in an AggregateError's `errors`. */
function findSystemError(error: Record<string, unknown>, depth: number): SystemError | undefined {
  if (depth > 5) return undefined;
  const code = stringField(error, 'code');
  if (code && /^(E[A-Z0-9_]+|ERR_[A-Z0-9_]+|[A-Z_]*CERT[A-Z_]*|UNABLE_TO_[A-Z_]+|HPE_[A-Z_]+)$/.test(code)) {
    const found: SystemError = { code };
    const message = stringField(error, 'message');
    if (message) found.message = message;
    const host = hostOf(error);
    if (host) found.host = host;
    if (!found.host || !found.message) {
      const inner = nested(error).map((e) => findSystemError(e, depth + 1)).find((e) => e !== undefined);
      if (inner) return { ...inner, ...found, host: found.host ?? inner.host, message: found.message ?? inner.message };
    }
    return found;
  }
  return nested(error)
    .map((e) => findSystemError(e, depth + 1))
    .find((e) => e !== undefined);
}

function nested(error: Record<string, unknown>): Record<string, unknown>[] {
  const inner: unknown[] = [error.cause, ...(Array.isArray(error.errors) ? (error.errors as unknown[]) : [])];
  return inner.filter(isRecord);
}

function hostOf(error: Record<string, unknown>): string | undefined {
  const hostname = stringField(error, 'hostname');
  if (hostname) return hostname;
  const address = stringField(error, 'address');
  const port = numberField(error, 'port');
  if (!address) return undefined;
  return port === undefined ? address : address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

function clip(text: string): string {
  const oneLine = text.trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE - 1)}…` : oneLine;
}

/** What was thrown when it is not an object (nor a string, which is a message). */
function describeNonObject(value: unknown): string {
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `function ${value.name}`;
    default:
      return 'no error details';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringField(value: Record<string, unknown> | undefined, key: string): string | undefined {
  const field = value?.[key];
  return typeof field === 'string' ? field : undefined;
}

function numberField(value: Record<string, unknown> | undefined, key: string): number | undefined {
  const field = value?.[key];
  return typeof field === 'number' ? field : undefined;
}
