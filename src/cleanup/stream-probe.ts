import { LAB_TAG_KEY } from '../actions/create-stream.js';
import type { StreamInventoryPort } from '../aws/stream-inventory.js';
import type { OwnedResource, OwnedResourceProbe } from './owned-resource.js';

export interface StreamProbeDeps {
  inventory(region: string): StreamInventoryPort;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** How long to wait for one stream to disappear. @default 300000 */
  waitMs?: number;
  /** Between two looks while waiting. @default 2000 */
  pollMs?: number;
  clock?: () => number;
}

/**
 * Streams tagged `kinesis-lab=<lab id>`. A stream with the lab's name but without the tag (made by
 * hand, or by another tool) is never returned, so it is never deleted.
 */
export function streamProbe(deps: StreamProbeDeps): OwnedResourceProbe {
  const clock = deps.clock ?? Date.now;
  return {
    kind: 'stream',
    order: 50,
    scope: 'regional',
    async find(region, labId) {
      const inventory = deps.inventory(region);
      const found: OwnedResource[] = [];
      for (const name of await inventory.listStreams()) {
        const tags = await inventory.tagsOf(name).catch(notFoundAsEmpty);
        if (tags[LAB_TAG_KEY] !== labId) continue;
        const facts = await inventory.facts(name);
        // Already on its way out: nothing left to delete or pay for.
        if (!facts || facts.status === 'DELETING') continue;
        const resource: OwnedResource = { kind: 'stream', region, name, openShards: facts.openShards, onDemand: facts.mode === 'ON_DEMAND' };
        if (facts.createdAt) resource.createdAt = facts.createdAt;
        found.push(resource);
      }
      return found;
    },
    delete(resource) {
      return deps.inventory(resource.region).deleteStream(resource.name);
    },
    async waitGone(resource, signal) {
      const inventory = deps.inventory(resource.region);
      const deadline = clock() + (deps.waitMs ?? 300_000);
      for (;;) {
        if ((await inventory.facts(resource.name)) === undefined) return;
        if (clock() >= deadline) throw new Error(`stream ${resource.name} in ${resource.region} is still there after ${Math.round((deps.waitMs ?? 300_000) / 1000)} s`);
        if (signal?.aborted) throw new Error('stopped while waiting');
        await deps.sleep(deps.pollMs ?? 2_000, signal);
      }
    },
  };
}

// A stream deleted between ListStreams and ListTagsForStream simply is not ours to delete.
function notFoundAsEmpty(error: unknown): Record<string, string> {
  if ((error as { name?: string }).name === 'ResourceNotFoundException') return {};
  throw error;
}
