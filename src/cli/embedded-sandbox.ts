import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Localized } from '../i18n/lang.js';
import type { Sandbox } from '../sandbox/sandbox-types.js';

/** `<config>/sandbox.json`: which process serves the embedded sandbox's data now, and where. */
interface SandboxLease {
  pid: number;
  url: string;
}

export interface EmbeddedSandbox {
  url: string;
  /** True when another kinesis-lab process already serves this data and we use its endpoint. */
  joined: boolean;
  /** What the sandbox said about its data folder as it started (files repaired or set aside, an older layout); none when joined. */
  notices: readonly Localized[];
  stop(): Promise<void>;
}

export interface EmbeddedSandboxDeps {
  configDir: string;
  start(dataDir: string): Promise<Sandbox>;
  /** Is the process alive and its endpoint answering? */
  isServing(lease: SandboxLease): Promise<boolean>;
  pid: number;
}

/**
 * Starts the embedded sandbox with its data under the config folder, so a resumed lab finds its
 * stream again. Its store can have one owner only, so when another kinesis-lab (a TUI in another
 * terminal) already serves it, this process joins that endpoint instead of failing on the lock.
 */
export async function startOrJoinSandbox(deps: EmbeddedSandboxDeps): Promise<EmbeddedSandbox> {
  const leasePath = join(deps.configDir, 'sandbox.json');
  const lease = await readLease(leasePath);
  if (lease && lease.pid !== deps.pid && (await deps.isServing(lease))) {
    return { url: lease.url, joined: true, notices: [], stop: () => Promise.resolve() };
  }
  // The sandbox creates its folder, or says in the learner's language why it cannot (SandboxDataError).
  const sandbox = await deps.start(join(deps.configDir, 'sandbox-data'));
  await writeFile(leasePath, JSON.stringify({ pid: deps.pid, url: sandbox.url } satisfies SandboxLease));
  return {
    url: sandbox.url,
    joined: false,
    notices: sandbox.notices,
    stop: async () => {
      await sandbox.stop();
      const current = await readLease(leasePath);
      if (current?.pid === deps.pid) await rm(leasePath, { force: true });
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
