import { LAB_TAG_KEY } from '../resources/lab-tag.js';
import { isOurs, type Ownership } from '../resources/ownership.js';
import { billingStopped, deletionOrder, type OwnedResource, type OwnedResourceProbe } from './owned-resource.js';

/** A region or kind that could not be searched; cleanup reports it instead of claiming "nothing left". */
export interface InventoryGap {
  kind: string;
  region: string;
  error: unknown;
}

export interface Inventory {
  /** This learner's: what cleanup deletes once asked. */
  resources: OwnedResource[];
  /** Tagged the older way, without an owner id, and not proved this install's: deleted only if the learner says they are theirs. */
  unconfirmed: OwnedResource[];
  gaps: InventoryGap[];
  /** Searches made (a probe in a region); when every one is a gap, cleanup knows nothing. */
  searched: number;
}

/**
 * Asks every probe in every region (global probes once) for what the lab tagged, and sorts it by
 * whose it is: this learner's, unconfirmed (the older tag), or someone else's (left out).
 */
export async function takeInventory(probes: readonly OwnedResourceProbe[], regions: readonly string[], ownership: Ownership): Promise<Inventory> {
  const resources: OwnedResource[] = [];
  const unconfirmed: OwnedResource[] = [];
  const gaps: InventoryGap[] = [];
  let searched = 0;
  for (const probe of probes) {
    for (const region of probe.scope === 'global' ? ['global'] : regions) {
      searched += 1;
      let found: OwnedResource[];
      try {
        found = await probe.find(region, ownership.labId);
      } catch (error) {
        gaps.push({ kind: probe.kind, region, error });
        continue;
      }
      for (const resource of found) {
        const claim = ownership.claim(resource.tag === undefined ? undefined : { [LAB_TAG_KEY]: resource.tag }, resource);
        if (isOurs(claim)) resources.push(resource);
        else if (claim === 'legacy') unconfirmed.push(resource);
      }
    }
  }
  return { resources: deletionOrder(resources, probes), unconfirmed: deletionOrder(unconfirmed, probes), gaps, searched };
}

export type CleanupEvent =
  | { type: 'deleting'; resource: OwnedResource }
  | { type: 'deleted'; resource: OwnedResource }
  | { type: 'failed'; resource: OwnedResource; error: unknown };

export interface CleanupOutcome {
  deleted: OwnedResource[];
  failed: { resource: OwnedResource; error: unknown }[];
  stopped: ReturnType<typeof billingStopped>;
}

/**
 * Deletes in order and waits for each resource to be gone before the next, so a pipe is gone before
 * its streams and role. One failure does not stop the rest; it is reported.
 */
export async function deleteOwned(resources: readonly OwnedResource[], probes: readonly OwnedResourceProbe[], onEvent: (e: CleanupEvent) => void, signal?: AbortSignal): Promise<CleanupOutcome> {
  const deleted: OwnedResource[] = [];
  const failed: CleanupOutcome['failed'] = [];
  for (const resource of resources) {
    if (signal?.aborted) break;
    const probe = probes.find((p) => p.kind === resource.kind);
    onEvent({ type: 'deleting', resource });
    try {
      if (!probe) throw new Error(`no probe for ${resource.kind}`);
      await probe.delete(resource);
      await probe.waitGone(resource, signal);
      deleted.push(resource);
      onEvent({ type: 'deleted', resource });
    } catch (error) {
      failed.push({ resource, error });
      onEvent({ type: 'failed', resource, error });
    }
  }
  return { deleted, failed, stopped: billingStopped(deleted) };
}
