/**
 * The embedded sandbox: one local HTTP endpoint that answers Kinesis (kinesalite per region,
 * behind kinesis-front.ts) and whatever services are mounted on it (CloudWatch, Pipes …).
 * Learners point AWS_ENDPOINT_URL at it; integration tests use it as their fixture.
 */
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { awsJsonError, internalFailure, unknownOperation } from './aws-json-error.js';
import { bodyFormat, decodeBody, encodeBody } from './kinesis-body-codec.js';
import { answerKinesisCall, KINESIS_TARGET_PREFIX, passableHeaders, streamNameOf } from './kinesis-front.js';
import type { KinesisReply } from './kinesis-front.js';
import { KinesalitePool } from './kinesalite-pool.js';
import { createFaultInjector, type FaultedReply } from './faults/fault-injector.js';
import type {
  KinesisCallEvent, Sandbox, SandboxOptions, SandboxRequest, SandboxResponse, SandboxService,
} from './sandbox-types.js';
import { isValidRegion, readCredentialScope } from './sigv4-scope.js';

/** Bodies above this are refused before buffering (Kinesis itself caps requests at 10 MiB). */
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? Date.now;
  const pool = new KinesalitePool({
    createStreamMs: options.createStreamMs ?? 500,
    deleteStreamMs: options.deleteStreamMs ?? 500,
    updateStreamMs: options.updateStreamMs ?? 500,
    shardLimit: options.shardLimit ?? 20,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
  });
  const services: SandboxService[] = [];
  const listeners = new Set<(event: KinesisCallEvent) => void>();
  const faults = options.faults ? createFaultInjector(options.faults, { clock }) : undefined;

  function emit(event: KinesisCallEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A broken observer (metrics, faults) must not fail the learner's request.
      }
    }
  }

  async function answer(incoming: IncomingMessage, body: Buffer): Promise<SandboxResponse | FaultedReply> {
    const url = incoming.url ?? '/';
    const method = incoming.method ?? 'GET';
    const headers = flatHeaders(incoming);
    const scope = readCredentialScope(incoming.headers, url);
    if (scope.signed && !isValidRegion(scope.region)) {
      return awsJsonError(400, 'InvalidSignatureException', `Credential should be scoped to a valid region, not '${scope.region}'.`);
    }
    const request: SandboxRequest = { method, url, headers, body, region: scope.region, service: scope.service };
    for (const service of services) {
      try {
        if (service.claims(request)) return await service.handle(request);
      } catch (error) {
        return internalFailure(service.name, error);
      }
    }
    const target = headers['x-amz-target'];
    if (target?.startsWith(KINESIS_TARGET_PREFIX)) {
      try {
        return await answerKinesis(request, target.slice(KINESIS_TARGET_PREFIX.length));
      } catch (error) {
        return internalFailure('Kinesis', error);
      }
    }
    return unknownOperation(method, url, target, scope.service);
  }

  async function answerKinesis(request: SandboxRequest, operation: string): Promise<FaultedReply> {
    const at = clock();
    const format = bodyFormat(request.headers['content-type']);
    const decoded = decodeBody(request.body, format);
    const backend = await pool.backend(request.region);
    pool.noteOperation(operation);
    const headers = forwardableHeaders(request.headers);
    const forward = (op: string, changed?: Record<string, unknown>): Promise<KinesisReply> => answerKinesisCall(backend, changed === undefined
      ? { operation: op, method: request.method, url: request.url, headers, body: request.body, format, request: decoded }
      : { operation: op, method: request.method, url: request.url, headers: { ...headers, 'x-amz-target': `${KINESIS_TARGET_PREFIX}${op}` }, body: encodeBody(changed, format), format, request: changed });
    const reply: FaultedReply = faults ? await faults.answer({ region: request.region, operation, format, request: decoded }, forward) : await forward(operation);
    // A connection dropped before the call reached the stream: AWS would have seen nothing to record.
    if (listeners.size > 0 && reply.reset !== 'before') {
      const response = reply.response ?? decodeBody(reply.body, bodyFormat(reply.headers['content-type']));
      const streamName = streamNameOf(decoded);
      emit({
        at,
        region: request.region,
        operation,
        ...(streamName !== undefined ? { streamName } : {}),
        request: (format === 'cbor' ? (withBase64Blobs(decoded) as Record<string, unknown> | undefined) : decoded) ?? {},
        status: reply.status,
        response: format === 'cbor' ? withBase64Blobs(response) : response,
        latencyMs: clock() - at,
      });
    }
    return reply;
  }

  function onRequest(incoming: IncomingMessage, outgoing: ServerResponse): void {
    readBody(incoming)
      .then((body) => (body === undefined ? awsJsonError(413, 'SerializationException', 'Request body is larger than the sandbox accepts.') : answer(incoming, body)))
      .catch((error: unknown) => internalFailure('router', error))
      .then((response) => send(outgoing, response));
  }

  const server = http.createServer(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${options.port} on ${host} is already in use; pick another port or 0 for a free one.`) : error);
    });
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The sandbox did not get a TCP port.');
  const port = address.port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let stopping: Promise<void> | undefined;
  async function stopAll(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive sockets of SDK clients would otherwise hold close() open.
    server.closeAllConnections();
    await Promise.all([
      closed,
      pool.close(),
      ...services.map((service) => service.stop?.().catch(() => undefined)),
    ]);
  }

  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    onKinesisCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    mount(service) {
      services.push(service);
    },
    stop() {
      stopping ??= stopAll();
      return stopping;
    },
  };
}

function flatHeaders(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

// Request headers kinesalite should see: not the hop-by-hop ones, not the client's Host.
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length', 'expect']);

function forwardableHeaders(headers: Record<string, string>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (!NOT_FORWARDED.has(name)) result[name] = value;
  return result;
}

/** The whole body, or undefined when it is larger than MAX_REQUEST_BYTES. */
function readBody(incoming: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    incoming.on('error', reject);
    incoming.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
  });
}

function send(outgoing: ServerResponse, response: SandboxResponse | FaultedReply): void {
  if (outgoing.headersSent) return;
  if ('reset' in response && response.reset) {
    // A TCP reset, as a dropped connection looks to the client: no status, no body.
    outgoing.socket?.resetAndDestroy();
    return;
  }
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
  const headers = passableHeaders(response.headers);
  headers['content-length'] = String(body.length);
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

/** CBOR bodies carry record Data as bytes; listeners get base64, as in a JSON body. */
function withBase64Blobs(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(withBase64Blobs);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withBase64Blobs(inner)]));
  }
  return value;
}
