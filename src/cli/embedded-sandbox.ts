import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Localized } from '../i18n/lang.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { dataDirOwner } from '../sandbox/durable/data-dir-lock.js';
import type { Sandbox } from '../sandbox/sandbox-types.js';

/** `<config>/sandbox.json`: which process serves the embedded sandbox's data now, and where. */
interface SandboxLease {
  pid: number;
  url: string;
}

export interface EmbeddedSandbox {
  /** The endpoint, the same for the whole session: a hand-over keeps the port. */
  url: string;
  /** Set when another kinesis-lab process already served this data and this one uses its endpoint. */
  joinedPid?: number;
  /** What the sandbox said about its data folder as it started (files repaired or set aside, an older layout); none when joined. */
  notices: readonly Localized[];
  /**
   * Joined only: waits until the endpoint serves again after the owner went away (this process took
   * it over, or the owner is back); false when that did not happen in time. See AwsSettings.endpointReturns.
   */
  endpointReturns?: () => Promise<boolean>;
  stop(): Promise<void>;
}

export interface EmbeddedSandboxDeps {
  configDir: string;
  /** Starts a sandbox on the data folder; on `port` when given (a hand-over keeps the endpoint). */
  start(dataDir: string, port?: number): Promise<Sandbox>;
  /** Is the process alive and its endpoint answering? */
  isServing(lease: SandboxLease): Promise<boolean>;
  pid: number;
  /** How often a joined process looks whether the owner still serves. @default 150 */
  watchMs?: number;
  /** How long to keep trying to start or join when another process is starting at the same moment. @default 15000 */
  waitMs?: number;
}

/**
 * Starts the embedded sandbox with its data under the config folder, so a resumed lab finds its
 * world again. Its data folder can have one owner only (its lock), so when another kinesis-lab (a TUI
 * in another terminal, a `solve` started at the same moment) already serves it, this process uses
 * that endpoint — and watches it: when the owner exits first, this process takes the data folder's
 * lock and serves the same data on the same port, so its own calls, and a learner's exported
 * AWS_ENDPOINT_URL, keep working.
 */
export async function startOrJoinSandbox(deps: EmbeddedSandboxDeps): Promise<EmbeddedSandbox> {
  const leasePath = join(deps.configDir, 'sandbox.json');
  // The sandbox creates its folder, or says in the learner's language why it cannot (SandboxDataError).
  const dataDir = join(deps.configDir, 'sandbox-data');
  const deadline = Date.now() + (deps.waitMs ?? 15_000);
  for (;;) {
    const lease = await readLease(leasePath);
    if (lease && lease.pid !== deps.pid && (await deps.isServing(lease))) return joined(deps, leasePath, dataDir, lease);
    const sandbox = await tryToServe(deps, leasePath, dataDir);
    if (sandbox) return { url: sandbox.url, notices: sandbox.notices, stop: () => stopServing(sandbox, leasePath, deps.pid) };
    // Another process holds the folder and is starting (or stopping): its lease comes in a moment.
    if (Date.now() > deadline) throw new Error(`the sandbox data folder ${dataDir} is held by process ${dataDirOwner(dataDir) ?? '?'}, which does not answer`);
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(Math.random() * 100)));
  }
}

/** Starts serving the data folder unless another live process holds it; undefined when it does (or won the race). */
async function tryToServe(deps: EmbeddedSandboxDeps, leasePath: string, dataDir: string, port?: number): Promise<Sandbox | undefined> {
  const owner = dataDirOwner(dataDir);
  if (owner !== undefined && owner !== deps.pid) return undefined;
  let sandbox: Sandbox;
  try {
    sandbox = await deps.start(dataDir, port);
  } catch (error) {
    // Two processes started at once: the lock went to the other one.
    if (dataDirOwner(dataDir) !== undefined) return undefined;
    throw error;
  }
  await writeFileAtomic(leasePath, JSON.stringify({ pid: deps.pid, url: sandbox.url } satisfies SandboxLease));
  return sandbox;
}

async function stopServing(sandbox: Sandbox, leasePath: string, pid: number): Promise<void> {
  // The lease goes first: processes that joined start taking over while this one closes.
  const current = await readLease(leasePath);
  if (current?.pid === pid) await rm(leasePath, { force: true });
  await sandbox.stop();
}

/** Uses another process's sandbox, and takes it over on the same port if that process exits first. */
function joined(deps: EmbeddedSandboxDeps, leasePath: string, dataDir: string, lease: SandboxLease): EmbeddedSandbox {
  const port = Number(new URL(lease.url).port);
  let own: Sandbox | undefined;
  let stopped = false;
  let looking = false;
  const watch = async () => {
    if (looking || stopped || own) return;
    looking = true;
    try {
      const current = await readLease(leasePath);
      if (current && current.pid !== deps.pid && current.url === lease.url && (await deps.isServing(current))) return;
      own = await tryToServe(deps, leasePath, dataDir, port);
    } catch {
      // The port is taken by something else, or the folder cannot be read: look again next time.
    } finally {
      looking = false;
    }
  };
  const timer = setInterval(() => void watch(), deps.watchMs ?? 150);
  timer.unref();
  /** The owner's lease is back and answering, or this process serves now. */
  const served = async (): Promise<boolean> => {
    if (own) return true;
    const current = await readLease(leasePath);
    return current !== undefined && current.pid !== deps.pid && current.url === lease.url && (await deps.isServing(current));
  };
  return {
    url: lease.url,
    joinedPid: lease.pid,
    notices: [],
    async endpointReturns() {
      // A call found nothing listening: the owner is gone or going. Look at once rather than at the
      // next tick, and keep looking while the take-over (a sandbox start, slower on a busy machine) runs.
      const until = Date.now() + (deps.waitMs ?? 15_000);
      while (!stopped && Date.now() < until) {
        await watch();
        if (await served()) return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return own !== undefined;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      // A take-over in progress finishes first, so its sandbox is stopped too.
      while (looking) await new Promise((resolve) => setTimeout(resolve, 10));
      if (own) await stopServing(own, leasePath, deps.pid);
    },
  };
}

async function readLease(path: string): Promise<SandboxLease | undefined> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<SandboxLease>;
    return typeof value.pid === 'number' && typeof value.url === 'string' ? { pid: value.pid, url: value.url } : undefined;
  } catch {
    return undefined;
  }
}

/** Default liveness probe: the pid exists and the endpoint answers HTTP at all. */
export async function leaseIsServing(lease: SandboxLease): Promise<boolean> {
  try {
    process.kill(lease.pid, 0);
  } catch {
    return false;
  }
  try {
    const res = await fetch(lease.url, { method: 'POST', signal: AbortSignal.timeout(1_000) });
    return res.status > 0;
  } catch {
    return false;
  }
}
