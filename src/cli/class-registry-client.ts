/**
 * The lab's side of a room sandbox's class registry (src/sandbox/classes/class-registry-route.ts):
 * is this endpoint a kinesis-lab sandbox, register a class stream, look a code up. Plain HTTP with a
 * deadline: the registry is kinesis-lab's own route, not an AWS API.
 */
import { CLASSES_PATH } from '../sandbox/classes/class-registry-route.js';
import type { RegisteredClass } from '../sandbox/classes/class-registry.js';
import { callDeadlinesFromEnv } from './run-settings.js';

/** How long the registry may take to answer, unless `KINESIS_LAB_CALL_TIMEOUT` says (the lab's calls' answer deadline). */
const DEFAULT_TIMEOUT_MS = 5_000;

export interface RegistryOptions {
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export type RegisteredAnswer = RegisteredClass & { arn: string; addresses?: string[] };

export type ClassLookup =
  | { kind: 'found'; entry: RegisteredAnswer }
  | { kind: 'none' }
  /** The class stream was deleted; what it was. */
  | { kind: 'ended'; entry: RegisteredAnswer }
  | { kind: 'not-a-sandbox' }
  /** No connection (`error`: its code, e.g. ECONNREFUSED) or no answer within `afterMs`. */
  | { kind: 'unreachable'; error: string } | { kind: 'no-answer'; afterMs: number };

function url(endpoint: string, path = ''): string {
  return `${endpoint.replace(/\/+$/, '')}${CLASSES_PATH}${path}`;
}

type Asked = { status: number; body: unknown } | { error: string } | { afterMs: number };

async function ask(endpoint: string, path: string, init: RequestInit, options: RegistryOptions): Promise<Asked> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const response = await (options.fetchImpl ?? fetch)(url(endpoint, path), { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, body };
  } catch (error) {
    if ((error as { name?: string }).name === 'TimeoutError') return { afterMs: timeoutMs };
    return { error: (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message };
  }
}

function isEntry(body: unknown): body is RegisteredAnswer {
  const b = body as Partial<RegisteredAnswer> | undefined;
  return typeof b?.code === 'string' && typeof b.account === 'string' && typeof b.region === 'string' && typeof b.stream === 'string' && typeof b.arn === 'string';
}

/** True when the endpoint is a kinesis-lab sandbox with a class registry. */
export async function isKinesisLabSandbox(endpoint: string, options: RegistryOptions = {}): Promise<boolean> {
  const answer = await ask(endpoint, '', { method: 'GET' }, options);
  return 'status' in answer && answer.status === 200 && (answer.body as { registry?: unknown } | undefined)?.registry === 'kinesis-lab';
}

export async function lookUpClass(endpoint: string, code: string, options: RegistryOptions = {}): Promise<ClassLookup> {
  const answer = await ask(endpoint, `/${code}`, { method: 'GET' }, options);
  if ('error' in answer) return { kind: 'unreachable', error: answer.error };
  if ('afterMs' in answer) return { kind: 'no-answer', afterMs: answer.afterMs };
  if (answer.status === 200 && isEntry(answer.body)) return { kind: 'found', entry: answer.body };
  if (answer.status === 410 && isEntry(answer.body)) return { kind: 'ended', entry: answer.body };
  // A kinesis-lab sandbox's 404 says "No class"; anything else answering is some other server.
  if (answer.status === 404 && String((answer.body as { message?: unknown } | undefined)?.message).startsWith('No class ')) return { kind: 'none' };
  return { kind: 'not-a-sandbox' };
}

/** Registers the class stream; throws with the sandbox's own message when it refuses. */
export async function registerClass(endpoint: string, streamArn: string, options: RegistryOptions = {}): Promise<RegisteredAnswer> {
  const answer = await ask(endpoint, '', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ streamArn }) }, options);
  if (!('status' in answer)) throw new Error(`the sandbox's class registry did not answer (${'error' in answer ? answer.error : `nothing in ${answer.afterMs} ms`})`);
  if (answer.status === 200 && isEntry(answer.body)) return answer.body;
  throw new Error(`the sandbox's class registry refused the class (${answer.status}: ${String((answer.body as { message?: unknown } | undefined)?.message)})`);
}

/** The registry's options for this process: the lab's answer deadline when `KINESIS_LAB_CALL_TIMEOUT` sets one. */
export function registryOptions(env: NodeJS.ProcessEnv): RegistryOptions {
  const deadlines = callDeadlinesFromEnv(env);
  return deadlines ? { timeoutMs: deadlines.firstByteMs } : {};
}
