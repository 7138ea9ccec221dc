import { createKinesisClient } from '../aws/kinesis-client.js';
import { createStreamInventory } from '../aws/stream-inventory.js';
import type { OwnedResourceProbe } from '../cleanup/owned-resource.js';
import { streamProbe } from '../cleanup/stream-probe.js';
import { sleepFor } from '../producer/retry-policy.js';
import { awsSettingsFor, type ReadySettings } from './build-lab-context.js';

/**
 * Every kind of resource the lab can create, as cleanup probes. A step that creates a new kind (the
 * pipe step: its target stream is a tagged stream already; the pipe, the IAM role and a log group
 * each need a probe) adds its probe to this list.
 */
export function ownedResourceProbes(settings: ReadySettings): OwnedResourceProbe[] {
  // On a local sandbox deletion is near-instant; poll quickly there.
  const pollMs = settings.target === 'sandbox' ? 100 : 2_000;
  return [
    streamProbe({ inventory: (region) => createStreamInventory(createKinesisClient(awsSettingsFor(settings, region))), sleep: sleepFor, pollMs }),
  ];
}
