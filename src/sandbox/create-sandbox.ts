/**
 * The embedded sandbox: one local HTTP endpoint that answers Kinesis (our own engine, in process:
 * kinesis/) and whatever services are mounted on it (CloudWatch, Pipes …). Learners point
 * AWS_ENDPOINT_URL at it; integration tests use it as their fixture.
 */
import http from 'node:http';
import { networkInterfaces } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccountKeys, accountKeysSection } from './admin/account-keys.js';
import type { ClassRegistryRoute } from './classes/class-registry-route.js';
import { ClassRegistry, classRegistrySection } from './classes/class-registry.js';
import { roomUrls } from './room-addresses.js';
import { awsJsonError, internalFailure } from './aws-json-error.js';
import { DurableStore } from './durable/durable-store.js';
import type { FaultedReply } from './faults/fault-injector.js';
import { createKinesisEngine, type KinesisEngine } from './kinesis/kinesis-engine.js';
import { createKinesisRoute } from './kinesis/kinesis-route.js';
import { engineLimits } from './kinesis/limits/kinesis-limits.js';
import { errorReply, KINESIS_TARGET_PREFIX } from './kinesis/kinesis-wire.js';
import { KinesisError } from './kinesis/kinesis-error.js';
import { RECORDS_TOO_LARGE } from './kinesis/operations/put-records.js';
import { bodyFormat } from './kinesis-body-codec.js';
import type { InProcessRequest, LocatableKind, LocatedResource, Sandbox, SandboxOptions, SandboxResponse, SandboxService } from './sandbox-types.js';
import { dispatchRequest, type SandboxRoutes } from './sandbox-dispatch.js';

/** Bodies above this are refused before buffering (Kinesis itself caps requests at 10 MiB, base64 adds a third). */
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
/** How often records past their stream's retention are dropped. */
const TRIM_EVERY_MS = 60_000;

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? Date.now;
  // Throws SandboxDataError (a file, an unwritable folder, another owner) before anything listens.
  const durable = new DurableStore(options.dataDir);
  try {
    return await startServing(options, host, clock, durable);
  } catch (error) {
    // A failed start gives every lock back.
    durable.abandon();
    throw error;
  }
}

async function startServing(options: SandboxOptions, host: string, clock: () => number, durable: DurableStore): Promise<Sandbox> {
  const settings = {
    createStreamMs: options.createStreamMs ?? 500,
    deleteStreamMs: options.deleteStreamMs ?? 500,
    updateStreamMs: options.updateStreamMs ?? 500,
    ...(options.shardLimit !== undefined ? { shardLimit: options.shardLimit } : {}),
  };
  const limits = engineLimits(options.limits, options.faults?.throttle);
  const engine = createKinesisEngine({ ...settings, limits, ...(options.kinesisClock ? { now: options.kinesisClock } : {}) }, durable);
  const services: SandboxService[] = [];
  const kinesis = createKinesisRoute(engine, clock, options.faults);
  const keys = new AccountKeys();
  keys.keepIn(durable.attach(accountKeysSection(keys)));
  const registry = new ClassRegistry();
  registry.keepIn(durable.attach(classRegistrySection(registry)));
  // Filled in once the server listens and its port is known.
  let roomAddresses: () => string[] = () => [];
  const classes: ClassRegistryRoute = {
    registry,
    streamExists: (account, region, stream) => engine.locate(stream).some((place) => place.account === account && place.region === region),
    roomAddresses: () => roomAddresses(),
  };
  const locate = (kind: LocatableKind, name: string): LocatedResource[] => [
    ...(kind === 'stream' ? engine.locate(name) : []),
    ...services.flatMap((service) => service.locate?.(kind, name) ?? []),
  ];

  const routes: SandboxRoutes = { services, kinesis, keys, classes, locate };
  const answer = (request: InProcessRequest) => dispatchRequest(routes, request);

  const server = http.createServer((incoming, outgoing) => {
    // respond() catches everything it can; this catch is for what it cannot foresee.
    respond(answer, incoming, outgoing).catch(() => outgoing.destroy());
  });
  const port = await listen(server, options.port, host);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  // A sandbox on loopback is this machine's alone: the room has no address for it.
  roomAddresses = () => (host === 'localhost' || host === '::1' || host.startsWith('127.') ? [] : roomUrls(url, host, networkInterfaces()));
  const trimmer = setInterval(() => engine.trimAll(), TRIM_EVERY_MS);
  trimmer.unref();

  let stopping: Promise<void> | undefined;
  const stopAll = () => stopServing({ server, trimmer, engine, services, durable, settleLimitMs: Math.max(settings.createStreamMs, settings.deleteStreamMs, settings.updateStreamMs), kinesisClock: options.kinesisClock ?? Date.now });

  return {
    url,
    host,
    port,
    notices: durable.notices,
    onKinesisCall: (listener) => kinesis.onCall(listener),
    mount(service) {
      services.push(service);
    },
    keep: (section) => durable.attach(section),
    dispatch: (request) => answer(request),
    stop() {
      stopping ??= stopAll();
      return stopping;
    },
  };
}

/** Listens on `port` (0: a free one) and answers the port it got; a port in use is said in words. */
async function listen(server: http.Server, port: number | undefined, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use; pick another port or 0 for a free one.`) : error);
    });
    server.listen(port ?? 0, host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The sandbox did not get a TCP port.');
  return address.port;
}

interface ServingParts {
  server: http.Server;
  trimmer: NodeJS.Timeout;
  engine: KinesisEngine;
  services: readonly SandboxService[];
  durable: DurableStore;
  /** The longest stream transition the sandbox was given. */
  settleLimitMs: number;
  kinesisClock: () => number;
}

async function stopServing(parts: ServingParts): Promise<void> {
  const { server, engine, services, durable } = parts;
  clearInterval(parts.trimmer);
  // A stream created just before stop finishes CREATING first, so the data folder shows it ACTIVE
  // at once next time (bounded by the longest transition the sandbox was given).
  const settleMs = Math.min(engine.pendingUntil() - parts.kinesisClock(), parts.settleLimitMs);
  if (durable.dataDir !== undefined && settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs + 10));
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive sockets of SDK clients would otherwise hold close() open.
  server.closeAllConnections();
  await Promise.all([closed, ...services.map((service) => service.stop?.().catch(() => undefined))]);
  // Last: services stopping may still record changes.
  durable.close();
}

/** One request, start to finish; it settles without throwing, so no rejection can end the process. */
async function respond(answer: (request: InProcessRequest) => Promise<SandboxResponse | FaultedReply>, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  let response: SandboxResponse | FaultedReply;
  try {
    const body = await readBody(incoming);
    response = body === undefined
      ? oversizedRequest(flatHeaders(incoming))
      : await answer({ method: incoming.method ?? 'GET', url: incoming.url ?? '/', headers: flatHeaders(incoming), body, remoteAddress: incoming.socket.remoteAddress ?? '' });
  } catch (error) {
    response = internalFailure('router', error);
  }
  sendOrFail(outgoing, response);
}

/** A body past MAX_REQUEST_BYTES: a PutRecords that large is over Kinesis's 10 MiB, and Kinesis says so. */
function oversizedRequest(headers: Record<string, string>): SandboxResponse {
  if (headers['x-amz-target'] === `${KINESIS_TARGET_PREFIX}PutRecords`) {
    return errorReply(bodyFormat(headers['content-type']), new KinesisError('InvalidArgumentException', RECORDS_TOO_LARGE));
  }
  return awsJsonError(413, 'SerializationException', 'Request body is larger than the sandbox accepts.');
}

function flatHeaders(incoming: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
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

// Response headers that are the sandbox's business, not a service's.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'content-length']);

/**
 * Sends the answer; when Node refuses it (a header value with a newline, a status it does not
 * know), the client gets a 500 naming why, or, once headers are out, a closed connection.
 */
function sendOrFail(outgoing: ServerResponse, response: SandboxResponse | FaultedReply): void {
  try {
    send(outgoing, response);
  } catch (error) {
    try {
      if (outgoing.headersSent) outgoing.destroy();
      else send(outgoing, internalFailure('router', error));
    } catch {
      outgoing.destroy();
    }
  }
}

function send(outgoing: ServerResponse, response: SandboxResponse | FaultedReply): void {
  if (outgoing.headersSent) return;
  if ('reset' in response && response.reset) {
    // A TCP reset, as a dropped connection looks to the client: no status, no body.
    outgoing.socket?.resetAndDestroy();
    return;
  }
  const body = typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    const lower = name.toLowerCase();
    if (!HOP_BY_HOP.has(lower)) headers[lower] = value;
  }
  if ('events' in response && response.events) {
    sendEvents(outgoing, response.status, headers, response.events);
    return;
  }
  headers['content-length'] = String(body.length);
  outgoing.writeHead(response.status, headers);
  outgoing.end(body);
}

/** An event stream (SubscribeToShard): chunked, frame by frame, until it ends or the client goes away. */
function sendEvents(outgoing: ServerResponse, status: number, headers: Record<string, string>, events: NonNullable<FaultedReply['events']>): void {
  outgoing.on('close', () => events.cancel());
  outgoing.writeHead(status, headers);
  void (async () => {
    try {
      for await (const frame of events.frames) {
        if (outgoing.destroyed) break;
        outgoing.write(frame);
      }
      outgoing.end();
    } catch {
      outgoing.destroy();
    }
  })();
}
