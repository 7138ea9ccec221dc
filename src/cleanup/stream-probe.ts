import { LAB_TAG_KEY } from '../resources/lab-tag.js';
import { isLabTag } from '../resources/ownership.js';
import type { StreamInventoryPort } from '../aws/stream-inventory.js';
import type { OwnedResource, OwnedResourceProbe } from './owned-resource.js';
import { waitUntilGone, type WaitOptions } from './wait-until-gone.js';

export interface StreamProbeDeps extends WaitOptions {
  inventory(region: string): StreamInventoryPort;
}

/**
 * Streams tagged by this lab (any owner). A stream with the lab's name but without the tag (made by
 * hand, or by another tool) is never returned, so it is never deleted.
 */
export function streamProbe(deps: StreamProbeDeps): OwnedResourceProbe {
  return {
    kind: 'stream',
    order: 50,
    scope: 'regional',
    async find(region, labId) {
      const inventory = deps.inventory(region);
      const found: OwnedResource[] = [];
      for (const name of await inventory.listStreams()) {
        const tag = (await inventory.tagsOf(name).catch(notFoundAsEmpty))[LAB_TAG_KEY];
        if (!isLabTag(tag, labId)) continue;
        const facts = await inventory.facts(name);
        // Already on its way out: nothing left to delete or pay for.
        if (!facts || facts.status === 'DELETING') continue;
        const resource: OwnedResource = { kind: 'stream', region, name, openShards: facts.openShards, onDemand: facts.mode === 'ON_DEMAND', tag };
        if (facts.createdAt) resource.createdAt = facts.createdAt;
        found.push(resource);
      }
      return found;
    },
    delete(resource) {
      return deps.inventory(resource.region).deleteStream(resource.name);
    },
    waitGone: (resource, signal) =>
      waitUntilGone(async () => (await deps.inventory(resource.region).facts(resource.name)) === undefined, `stream ${resource.name} in ${resource.region}`, deps, signal),
  };
}

// A stream deleted between ListStreams and ListTagsForStream simply is not ours to delete.
function notFoundAsEmpty(error: unknown): Record<string, string> {
  if ((error as { name?: string }).name === 'ResourceNotFoundException') return {};
  throw error;
}
