import { billingStopped, deletionOrder, type OwnedResource, type OwnedResourceProbe } from './owned-resource.js';

/** A region or kind that could not be searched; cleanup reports it instead of claiming "nothing left". */
export interface InventoryGap {
  kind: string;
  region: string;
  error: unknown;
}

export interface Inventory {
  resources: OwnedResource[];
  gaps: InventoryGap[];
}

/** Asks every probe in every region (global probes once) for what the lab owns. */
export async function takeInventory(probes: readonly OwnedResourceProbe[], regions: readonly string[], labId: string): Promise<Inventory> {
  const resources: OwnedResource[] = [];
  const gaps: InventoryGap[] = [];
  for (const probe of probes) {
    for (const region of probe.scope === 'global' ? ['global'] : regions) {
      try {
        resources.push(...(await probe.find(region, labId)));
      } catch (error) {
        gaps.push({ kind: probe.kind, region, error });
      }
    }
  }
  return { resources: deletionOrder(resources, probes), gaps };
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
