import { LAB_TAG_KEY } from '../resources/lab-tag.js';
import { isLabTag } from '../resources/ownership.js';
import type { PipeInventoryPort } from '../aws/pipes-adapter.js';
import type { RoleInventoryPort } from '../aws/iam-role-adapter.js';
import type { OwnedResource, OwnedResourceProbe } from './owned-resource.js';
import { waitUntilGone, type WaitOptions } from './wait-until-gone.js';

/**
 * Pipes tagged by this lab (any owner; the inventory decides whose). Deleted first (order 10): a pipe reading a deleted stream or
 * running as a deleted role would fail instead of going away quietly.
 */
export function pipeProbe(inventory: (region: string) => PipeInventoryPort, wait: WaitOptions): OwnedResourceProbe {
  return {
    kind: 'pipe',
    order: 10,
    scope: 'regional',
    async find(region, labId) {
      const port = inventory(region);
      const found: OwnedResource[] = [];
      for (const name of await port.listPipes()) {
        const facts = await port.facts(name);
        const tag = facts?.tags[LAB_TAG_KEY];
        if (!facts || !isLabTag(tag, labId) || facts.state === 'DELETING') continue;
        found.push({ kind: 'pipe', region, name, openShards: 0, onDemand: false, tag });
      }
      return found;
    },
    delete: (r) => inventory(r.region).deletePipe(r.name),
    waitGone: (r, signal) => waitUntilGone(async () => (await inventory(r.region).facts(r.name)) === undefined, `pipe ${r.name} in ${r.region}`, wait, signal),
  };
}

/**
 * The pipe step's execution roles, by the names the lab gives them (`roleNames`), deleted only when
 * tagged by this lab (any owner; the inventory decides whose). IAM is global, so this probe looks once (order 90: last, after the
 * pipe that runs as the role).
 */
export function roleProbe(inventory: () => RoleInventoryPort, roleNames: () => string[], wait: WaitOptions): OwnedResourceProbe {
  return {
    kind: 'iam-role',
    order: 90,
    scope: 'global',
    async find(_region, labId) {
      const found: OwnedResource[] = [];
      for (const name of new Set(roleNames())) {
        const tag = (await inventory().tagsOf(name))?.[LAB_TAG_KEY];
        if (isLabTag(tag, labId)) found.push({ kind: 'iam-role', region: 'global', name, openShards: 0, onDemand: false, tag });
      }
      return found;
    },
    delete: (r) => inventory().deleteRole(r.name),
    waitGone: (r, signal) => waitUntilGone(async () => (await inventory().tagsOf(r.name)) === undefined, `role ${r.name}`, wait, signal),
  };
}
