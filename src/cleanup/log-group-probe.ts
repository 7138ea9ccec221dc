import { LAB_TAG_KEY } from '../resources/lab-tag.js';
import { isLabTag } from '../resources/ownership.js';
import { LOG_GROUP_PREFIX } from '../resources/pipe-settings.js';
import type { LogGroupInventoryPort } from '../aws/log-group-inventory.js';
import type { OwnedResource, OwnedResourceProbe } from './owned-resource.js';
import { waitUntilGone, type WaitOptions } from './wait-until-gone.js';

/**
 * The pipe step's CloudWatch Logs targets: log groups under the lab's prefix tagged
 * `kinesis-lab=<lab id>`. Deleted after the pipe that writes to them (order 50, with the streams).
 */
export function logGroupProbe(inventory: (region: string) => LogGroupInventoryPort, wait: WaitOptions): OwnedResourceProbe {
  return {
    kind: 'log-group',
    order: 50,
    scope: 'regional',
    async find(region, labId) {
      const port = inventory(region);
      const found: OwnedResource[] = [];
      // Only the prefix the lab names its groups with: an account may hold thousands of log groups.
      for (const group of await port.listLogGroups(LOG_GROUP_PREFIX)) {
        const tag = (await port.tagsOf(group.arn))?.[LAB_TAG_KEY];
        if (!isLabTag(tag, labId)) continue;
        found.push({ kind: 'log-group', region, name: group.name, openShards: 0, onDemand: false, tag, ...(group.createdAt ? { createdAt: group.createdAt } : {}) });
      }
      return found;
    },
    delete: (r) => inventory(r.region).deleteLogGroup(r.name),
    waitGone: (r, signal) => waitUntilGone(async () => !(await inventory(r.region).exists(r.name)), `log group ${r.name} in ${r.region}`, wait, signal),
  };
}
