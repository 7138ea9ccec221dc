/**
 * One kinesalite per region, as streams are scoped by region on AWS. Each listens on
 * 127.0.0.1:0 and is started on the first request for its region; the sandbox forwards Kinesis
 * calls to it over a keep-alive agent.
 *
 * kinesalite is loaded with createRequire on first use: importing the sandbox stays cheap, and
 * the CLI bundle keeps kinesalite (and its native leveldown) external.
 */
import http from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SANDBOX_ACCOUNT_ID } from './sandbox-types.js';
import { StreamSettingsStore } from './stream-settings-store.js';

/** How each kinesalite is configured; all times in ms. */
export interface KinesalitePoolOptions {
  createStreamMs: number;
  deleteStreamMs: number;
  updateStreamMs: number;
  shardLimit: number;
  /** Persist under `<dataDir>/<region>/`; in memory when absent. */
  dataDir?: string;
}

/** A response read in full from kinesalite. */
export interface BackendResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One region's kinesalite and the sandbox's own notes about its streams. */
export interface RegionBackend {
  region: string;
  settings: StreamSettingsStore;
  forward(method: string, url: string, headers: Record<string, string>, body: Buffer): Promise<BackendResponse>;
}

type KinesaliteFactory = (options: Record<string, unknown>) => Server;

interface LeveldownDb {
  open(callback: (error?: Error) => void): void;
  close(callback: (error?: Error) => void): void;
}

// Operations after which kinesalite finishes work on a timer (CREATING → ACTIVE …).
const TIMED_OPERATIONS: Record<string, keyof Pick<KinesalitePoolOptions, 'createStreamMs' | 'deleteStreamMs' | 'updateStreamMs'>> = {
  CreateStream: 'createStreamMs',
  DeleteStream: 'deleteStreamMs',
  MergeShards: 'updateStreamMs',
  SplitShard: 'updateStreamMs',
  IncreaseStreamRetentionPeriod: 'updateStreamMs',
  DecreaseStreamRetentionPeriod: 'updateStreamMs',
};

const moduleRequire = createRequire(import.meta.url);

function requireFromKinesalite(name: string): unknown {
  return createRequire(moduleRequire.resolve('kinesalite'))(name);
}

/**
 * Throws a readable Error when kinesalite's native store cannot load on this machine, so
 * `--data-dir` fails at start-up with the fix instead of a stack trace at the first request.
 */
export function assertLeveldownLoads(): void {
  try {
    requireFromKinesalite('leveldown');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `The sandbox cannot keep data on disk: leveldown (kinesalite's native storage) did not load (${reason}). ` +
        'Fix it with `npm rebuild leveldown` in the kinesis-lab install folder, or start without a data folder to keep streams in memory.',
    );
  }
}

export class KinesalitePool {
  private readonly regions = new Map<string, Promise<{ backend: RegionBackend; server: Server }>>();
  // Keep-alive so each forwarded call does not pay a TCP handshake.
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private settleUntil = 0;
  private closed = false;

  constructor(private readonly options: KinesalitePoolOptions) {
    if (options.dataDir) assertLeveldownLoads();
  }

  /** The backend for a region, started on first use. */
  backend(region: string): Promise<RegionBackend> {
    if (this.closed) return Promise.reject(new Error('The sandbox is stopping.'));
    let started = this.regions.get(region);
    if (!started) {
      started = this.start(region);
      this.regions.set(region, started);
      // A failed start (e.g. data folder locked) is retried by the next request.
      started.catch(() => this.regions.delete(region));
    }
    return started.then((entry) => entry.backend);
  }

  /** Remembers that kinesalite has a timer running, so close() lets it write its final state. */
  noteOperation(operation: string): void {
    const option = TIMED_OPERATIONS[operation];
    if (option) this.settleUntil = Math.max(this.settleUntil, performance.now() + this.options[option]);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const entries = await Promise.allSettled(this.regions.values());
    // Without this wait a stream created just before stop would stay CREATING in dataDir forever.
    const wait = this.settleUntil - performance.now();
    if (wait > 0 && this.options.dataDir) await new Promise((resolve) => setTimeout(resolve, wait + 50));
    this.agent.destroy();
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.status !== 'fulfilled') return;
        const { server } = entry.value;
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }),
    );
    this.regions.clear();
  }

  private async start(region: string): Promise<{ backend: RegionBackend; server: Server }> {
    const regionDir = this.options.dataDir ? join(this.options.dataDir, region) : undefined;
    const dbPath = regionDir ? join(regionDir, 'kinesalite') : undefined;
    if (dbPath) {
      mkdirSync(dbPath, { recursive: true });
      await checkDatabaseOpens(dbPath);
    }
    const server = createKinesalite(region, {
      createStreamMs: this.options.createStreamMs,
      deleteStreamMs: this.options.deleteStreamMs,
      updateStreamMs: this.options.updateStreamMs,
      shardLimit: this.options.shardLimit,
      ...(dbPath ? { path: dbPath } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('kinesalite did not get a TCP port.');
    const port = address.port;
    const settings = new StreamSettingsStore(regionDir ? join(regionDir, 'stream-settings.json') : undefined);
    const backend: RegionBackend = {
      region,
      settings,
      forward: (method, url, headers, body) => this.forward(port, method, url, headers, body),
    };
    return { backend, server };
  }

  private forward(port: number, method: string, url: string, headers: Record<string, string>, body: Buffer): Promise<BackendResponse> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, method, path: url, headers: { ...headers, 'content-length': String(body.length) }, agent: this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}

function createKinesalite(region: string, options: Record<string, unknown>): Server {
  const kinesalite = moduleRequire('kinesalite') as KinesaliteFactory;
  // kinesalite reads its region and account (for ARNs and error texts) from the environment when
  // its store is created, synchronously; set them for that call only.
  const saved = { region: process.env.AWS_REGION, account: process.env.AWS_ACCOUNT_ID };
  process.env.AWS_REGION = region;
  process.env.AWS_ACCOUNT_ID = SANDBOX_ACCOUNT_ID;
  try {
    return kinesalite(options);
  } finally {
    restoreEnv('AWS_REGION', saved.region);
    restoreEnv('AWS_ACCOUNT_ID', saved.account);
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * Opens and closes the region's LevelDB once before kinesalite does: kinesalite reports an open
 * failure (another kinesis-lab holding the folder, a corrupt store) as an uncaught exception.
 */
async function checkDatabaseOpens(dbPath: string): Promise<void> {
  const leveldown = requireFromKinesalite('leveldown') as (location: string) => LeveldownDb;
  const db = leveldown(dbPath);
  await new Promise<void>((resolve, reject) => {
    db.open((error) => {
      if (error) {
        reject(new Error(`The sandbox data folder ${dbPath} cannot be opened (${error.message}). Is another kinesis-lab sandbox using it?`));
        return;
      }
      db.close((closeError) => (closeError ? reject(closeError) : resolve()));
    });
  });
}
