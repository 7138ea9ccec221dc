import { NodeHttpHandler, type NodeHttpHandlerOptions } from '@smithy/node-http-handler';
import { rememberSecret } from '../diagnose/redact-secrets.js';
import { DeadlineError, type CallDeadlines } from './call-deadlines.js';

type HandleArgs = Parameters<NodeHttpHandler['handle']>;
type HttpRequest = HandleArgs[0];
type HandlerOptions = NonNullable<HandleArgs[1]>;
type HandlerOutput = Awaited<ReturnType<NodeHttpHandler['handle']>>;

export interface DeadlineHandlerOptions {
  deadlines: CallDeadlines;
  /** When it aborts, calls in flight end at once (AbortError, never retried) and new ones fail fast. */
  signal?: AbortSignal;
  keepAlive: boolean;
  maxSockets?: number;
  /** See AwsSettings.endpointReturns: a refused connection waits for the endpoint once, then tries again. */
  endpointReturns?: () => Promise<boolean>;
}

/**
 * The request handler of every SDK client the lab builds: HTTP/1.1 (what local endpoints speak, and
 * what AWS serves for every API the lab calls) with deadlines that really fire. `@smithy/node-http-handler`
 * 4.x only logs a warning when `requestTimeout` passes unless `throwOnRequestTimeout` is set, and has no
 * limit at all on a body that stops halfway; this wrapper sets the one and adds the other, and turns each
 * into a `DeadlineError` that names the phase.
 *
 * It also learns the credentials each signed request carries (access key id, session token), so output
 * redaction knows them even when the SDK found them somewhere the lab never reads (SSO, a container role).
 */
export class DeadlineHandler {
  readonly metadata: { handlerProtocol: string };
  private readonly inner: NodeHttpHandler;

  constructor(private readonly options: DeadlineHandlerOptions) {
    const { deadlines, keepAlive, maxSockets } = options;
    const agent = { keepAlive, ...(maxSockets ? { maxSockets } : {}) };
    this.inner = new NodeHttpHandler({
      httpAgent: agent,
      httpsAgent: agent,
      connectionTimeout: deadlines.connectMs,
      requestTimeout: deadlines.firstByteMs,
      throwOnRequestTimeout: true,
    });
    this.metadata = this.inner.metadata;
  }

  async handle(request: HttpRequest, handlerOptions: HandlerOptions = {}): Promise<HandlerOutput> {
    try {
      return await this.attempt(request, handlerOptions);
    } catch (error) {
      // Nothing was sent (the connection was refused), so trying again cannot repeat a write.
      const refused = (error as { code?: string } | undefined)?.code === 'ECONNREFUSED';
      if (!refused || !this.options.endpointReturns || this.options.signal?.aborted) throw error;
      if (!(await this.options.endpointReturns())) throw error;
      return this.attempt(request, handlerOptions);
    }
  }

  private async attempt(request: HttpRequest, handlerOptions: HandlerOptions): Promise<HandlerOutput> {
    learnCredentials(request.headers);
    const { deadlines, signal } = this.options;
    const host = request.port ? `${request.hostname}:${request.port}` : request.hostname;
    const attempt = new AbortController();
    const signals = [attempt.signal, signal, handlerOptions.abortSignal].filter((s): s is AbortSignal => s instanceof AbortSignal);
    let answered = false;
    const whole = setTimeout(() => attempt.abort(new DeadlineError(answered ? 'whole' : 'first-byte', answered ? deadlines.wholeMs : deadlines.firstByteMs, host)), deadlines.wholeMs);
    // The deadline limits this attempt; it must never keep a finished command's process alive.
    whole.unref();
    let output: HandlerOutput;
    try {
      output = await this.inner.handle(request, { ...handlerOptions, abortSignal: AbortSignal.any(signals) });
    } catch (error) {
      clearTimeout(whole);
      throw attempt.signal.aborted ? (attempt.signal.reason as Error) : phased(error, deadlines, host);
    }
    answered = true;
    guardBody(output.response.body, whole, attempt.signal);
    return output;
  }

  updateHttpClientConfig(key: keyof NodeHttpHandlerOptions, value: NodeHttpHandlerOptions[typeof key]): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs(): NodeHttpHandlerOptions {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    this.inner.destroy();
  }
}

/** The body is read after `handle` returns; the whole-attempt deadline keeps watching it until it ends. */
function guardBody(body: unknown, whole: NodeJS.Timeout, aborted: AbortSignal): void {
  const stream = body as { destroy?: (error: Error) => void; once?: (event: string, listener: () => void) => void } | undefined;
  if (typeof stream?.destroy !== 'function' || typeof stream.once !== 'function') {
    clearTimeout(whole);
    return;
  }
  const done = () => clearTimeout(whole);
  stream.once('end', done);
  stream.once('close', done);
  stream.once('error', done);
  aborted.addEventListener('abort', () => stream.destroy?.(aborted.reason as Error), { once: true });
}

/** The inner handler's own timeouts, as a DeadlineError naming the phase. */
function phased(error: unknown, deadlines: CallDeadlines, host: string): unknown {
  const e = (error ?? {}) as { name?: string; message?: string };
  if (e.name !== 'TimeoutError') return error;
  if (e.message?.includes('establish a connection')) return new DeadlineError('connect', deadlines.connectMs, host);
  if (e.message?.includes('requestTimeout')) return new DeadlineError('first-byte', deadlines.firstByteMs, host);
  return error;
}

/** SigV4's `Credential=AKID/…` and the session token header: what a fake endpoint could echo back. */
function learnCredentials(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    if (key === 'x-amz-security-token') rememberSecret(value);
    if (key === 'authorization') rememberSecret(/Credential=([^/,\s]+)/.exec(value)?.[1]);
  }
}
