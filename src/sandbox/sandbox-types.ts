import type { Localized } from '../i18n/lang.js';
import type { DurableLog, DurableSection } from './durable/durable-section.js';
import type { FaultSpec } from './faults/fault-spec.js';
import type { LimitsSetting } from './kinesis/limits/kinesis-limits.js';

/**
 * The sandbox's public contract. `createSandbox(options)` (create-sandbox.ts) returns a `Sandbox`;
 * the CLI, the integration tests and later services (CloudWatch, Pipes, faults) all build on it.
 */

/** Fake account the sandbox reports in ARNs and error texts (kinesalite's own default). */
export const SANDBOX_ACCOUNT_ID = '000000000000';

/** Dummy credentials printed for learners' own tools; the sandbox accepts any signature. */
export const SANDBOX_CREDENTIALS = { accessKeyId: 'AKIAKINESISLAB000000', secretAccessKey: 'kinesis-lab-sandbox-secret' } as const;

export interface SandboxOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' */
  host?: string;
  /**
   * Where the sandbox keeps its world between runs (journal and snapshots, see
   * durable/durable-store.ts). In memory when absent (tests), so a resumed lab on the embedded
   * sandbox finds its stream again only with a dataDir. Created when missing; a file, an unwritable
   * folder or a folder another sandbox holds is refused at start with a SandboxDataError.
   */
  dataDir?: string;
  /** Milliseconds a stream stays CREATING, as on AWS where it takes seconds. @default 500 */
  createStreamMs?: number;
  /** Milliseconds a stream stays DELETING. @default 500 */
  deleteStreamMs?: number;
  /** Milliseconds a stream stays UPDATING. @default 500 */
  updateStreamMs?: number;
  /** Open shards allowed per account and region. @default AWS's default quota (20,000 in us-east-1, us-west-2 and eu-west-1, else 1,000) */
  shardLimit?: number;
  /**
   * AWS's throughput and call-rate limits (1,000 records/s and 1 MiB/s per shard for writes, 5 calls/s
   * and 2 MiB/s for reads, the control plane's calls per second), or `'off'` for a demo. See
   * kinesis/limits/. @default 'aws'
   */
  limits?: LimitsSetting;
  /**
   * How long after a minute ends its CloudWatch datapoints become visible. AWS takes minutes; the
   * sandbox defaults to a short practice delay and the UI says what AWS really does.
   */
  metricsDelayMs?: number;
  /** Wall clock for metrics and the call log; tests inject a fake. @default Date.now */
  clock?: () => number;
  /** The Kinesis engine's clock (record arrival, iterator expiry, CREATING → ACTIVE). @default Date.now */
  kinesisClock?: () => number;
  /** Faults to inject on purpose (a lower write limit, 5xx, resets, latency); none when absent. See faults/fault-spec.ts. */
  faults?: FaultSpec;
}

/** One Kinesis call the sandbox forwarded, as later services (metrics, faults, pipes) see it. */
export interface KinesisCallEvent {
  /** When the request arrived, from the sandbox clock (ms since epoch). */
  at: number;
  /** Region from the request's SigV4 credential scope. */
  region: string;
  /** The caller's account: its access key id's (sandbox-accounts.ts). */
  account: string;
  /** e.g. `PutRecord`, from `X-Amz-Target: Kinesis_20131202.PutRecord`. */
  operation: string;
  /** StreamName (or the name in StreamARN) when the request has one. */
  streamName?: string;
  /** Parsed JSON request body (binary CBOR requests are decoded too). */
  request: Record<string, unknown>;
  /** HTTP status the client received. */
  status: number;
  /** Parsed JSON response body, or undefined when it was not JSON. */
  response: unknown;
  /** Time from request arrival to the full response, in ms. */
  latencyMs: number;
}

/** A request as services inside the sandbox see it, body already read. */
export interface SandboxRequest {
  method: string;
  /** Path and query, e.g. `/v1/pipes/my-pipe?x=1`. */
  url: string;
  headers: Record<string, string>;
  body: Buffer;
  /** From the SigV4 credential scope; `us-east-1` when the request is unsigned. */
  region: string;
  /** Signing service from the credential scope (`kinesis`, `monitoring`, `pipes`, `iam`, `sts` …). */
  service: string;
  /** The caller's account, from the access key id (sandbox-accounts.ts); the router always sets it. */
  account?: string;
}

/** A request handed to the sandbox in process (no socket), as `dispatch` takes it. */
export interface InProcessRequest {
  method: string;
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: Buffer;
  /** Act as this account instead of the signature's (in-process callers only: a pipe acting for its owner). */
  account?: string;
  /** The caller's IP address when the request came over a socket; absent in process. */
  remoteAddress?: string;
}

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** What the sandbox can look for across its accounts (its loopback-only admin route, admin/where-route.ts). */
export type LocatableKind = 'stream' | 'metrics' | 'pipe' | 'role' | 'log-group';

/** One account (and region; IAM roles have none) holding a resource of the name looked for. */
export interface LocatedResource {
  account: string;
  region?: string;
  /** For a stream: records it holds. For metrics: records CloudWatch counted coming in. */
  records?: number;
}

/**
 * A service mounted on the sandbox endpoint next to Kinesis (CloudWatch, Pipes, IAM, STS …).
 * The router asks each service in order; the first that claims a request answers it.
 */
export interface SandboxService {
  name: string;
  claims(req: SandboxRequest): boolean;
  handle(req: SandboxRequest): Promise<SandboxResponse>;
  /** Every account holding a resource of this kind and name (the sandbox's look across accounts). */
  locate?(kind: LocatableKind, name: string): LocatedResource[];
  /** Called once when the sandbox stops. */
  stop?(): Promise<void>;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT` — what AWS_ENDPOINT_URL should be. */
  url: string;
  host: string;
  port: number;
  /** Every forwarded Kinesis call, in arrival order; listeners must not throw. */
  onKinesisCall(listener: (event: KinesisCallEvent) => void): () => void;
  /** Mounts another service on the endpoint (used by the metrics and pipes issues). */
  mount(service: SandboxService): void;
  /**
   * Keeps a service's state in the data folder with the Kinesis state (see durable/durable-section.ts):
   * loads it now and returns how to record its changes. In memory when the sandbox has no dataDir.
   */
  keep<Change>(section: DurableSection<Change>): DurableLog<Change>;
  /** Answers a request in process, as the endpoint would (the pipe runner reads its sources this way). */
  dispatch(request: InProcessRequest): Promise<SandboxResponse & { reset?: 'before' | 'after' }>;
  /** What the sandbox had to say about its data folder at start (files repaired or moved aside), in every language. */
  notices: readonly Localized[];
  stop(): Promise<void>;
}
