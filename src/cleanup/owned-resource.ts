/**
 * The inventory cleanup works from. Each kind of resource the lab can create has a probe that finds
 * the ones carrying the lab's tag in a region, deletes one, and waits for it to be gone; whose each
 * one is comes from its tag alone (resources/ownership.ts). A new step
 * that creates something (the pipe step's target stream, role, pipe, log group) adds a probe to the
 * list `cleanup-command.ts` passes in; nothing else changes.
 */

/** One thing the lab created, as found on AWS (or the sandbox). Plain data: printable and testable. */
export interface OwnedResource {
  /** The probe's kind: `stream`, `pipe`, `iam-role`, `log-group` … */
  kind: string;
  /** The region it lives in; `global` for IAM. */
  region: string;
  name: string;
  /** Provisioned shards billed per hour while it exists (0 for resources not billed by shard). */
  openShards: number;
  /** On-demand streams are billed per stream-hour instead of per shard-hour. */
  onDemand: boolean;
  createdAt?: Date;
  /** Its `kinesis-lab` tag value: whose it is (resources/ownership.ts decides). */
  tag?: string;
}

export interface OwnedResourceProbe {
  kind: string;
  /**
   * Deletion order across kinds, lower first: a pipe goes before the streams it reads and writes and
   * the role it runs as, so nothing is left pointing at a missing resource.
   */
  order: number;
  /** Regions this probe looks in; IAM is global and looks once. */
  scope: 'regional' | 'global';
  /**
   * Every resource of this kind in the region tagged by this lab (`kinesis-lab=<lab>` or
   * `<lab>/<owner>`), with its tag, whoever's it is: the inventory decides whose (takeInventory).
   */
  find(region: string, labId: string): Promise<OwnedResource[]>;
  delete(resource: OwnedResource): Promise<void>;
  /** Resolves once the resource is gone; rejects when it is still there after the probe's patience. */
  waitGone(resource: OwnedResource, signal?: AbortSignal): Promise<void>;
}

/** Resources in the order they must be deleted: by probe order, then region, then name. */
export function deletionOrder(resources: OwnedResource[], probes: readonly OwnedResourceProbe[]): OwnedResource[] {
  const orderOf = (kind: string) => probes.find((p) => p.kind === kind)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...resources].sort((a, b) => orderOf(a.kind) - orderOf(b.kind) || cmp(a.region, b.region) || cmp(a.name, b.name));
}

/** What deleting these stops: open shards (shard-hours per hour) and on-demand streams (stream-hours per hour). */
export function billingStopped(resources: OwnedResource[]): { shardHoursPerHour: number; onDemandStreams: number } {
  return {
    shardHoursPerHour: resources.reduce((n, r) => n + (r.onDemand ? 0 : r.openShards), 0),
    onDemandStreams: resources.filter((r) => r.onDemand).length,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
