import { createKinesisClient } from '../aws/kinesis-client.js';
import { createIamClient } from '../aws/iam-role-adapter.js';
import { createPipeInventory } from '../aws/pipes-adapter.js';
import { createRoleInventory } from '../aws/iam-role-adapter.js';
import { createPipesClient } from '../aws/pipes-adapter.js';
import { createStreamInventory } from '../aws/stream-inventory.js';
import { pipeNamesFor } from '../resources/pipe-settings.js';
import type { OwnedResourceProbe } from '../cleanup/owned-resource.js';
import { pipeProbe, roleProbe } from '../cleanup/pipe-probes.js';
import { streamProbe } from '../cleanup/stream-probe.js';
import { logGroupProbe } from '../cleanup/log-group-probe.js';
import { createLogGroupInventory } from '../aws/log-group-inventory.js';
import { createLogsClient } from '../aws/log-group-adapter.js';
import type { Lab } from '../content/lab-model.js';
import type { ProgressFile } from '../engine/progress-codec.js';
import { paramsWithChoices } from '../engine/session-ledger.js';
import { sleepFor } from '../producer/retry-policy.js';
import { awsSettingsFor, type ReadySettings } from './build-lab-context.js';

/**
 * Every kind of resource the lab can create, as cleanup probes: streams (the lab's and the pipe
 * step's target), the pipe step's log group target, pipes, and the pipe's IAM role. A step that creates a new kind adds its probe here.
 */
export function ownedResourceProbes(settings: ReadySettings, roleNames: () => string[] = () => []): OwnedResourceProbe[] {
  // On a local sandbox deletion is near-instant; poll quickly there.
  const wait = { sleep: sleepFor, pollMs: settings.target === 'sandbox' ? 100 : 2_000 };
  const endpoint = (own: string | undefined) => (settings.embeddedSandbox ? settings.endpoint : own);
  const optional = settings.target === 'sandbox' ? absentServiceFindsNothing : (probe: OwnedResourceProbe) => probe;
  return [
    optional(pipeProbe((region) => createPipeInventory(createPipesClient({ ...awsSettingsFor(settings, region), endpoint: endpoint(settings.pipesEndpoint) })), wait)),
    // Cleanup asks for every stream's tags and summary in a row, and AWS allows ListTagsForStream and
    // DescribeStreamSummary only a few calls per second: more attempts let the SDK's backoff wait a
    // throttled look out instead of reporting a region it could not search.
    streamProbe({ inventory: (region) => createStreamInventory(createKinesisClient(awsSettingsFor(settings, region), { maxAttempts: 6 })), ...wait }),
    optional(logGroupProbe((region) => createLogGroupInventory(createLogsClient({ ...awsSettingsFor(settings, region), endpoint: endpoint(settings.logsEndpoint) })), wait)),
    optional(roleProbe(() => createRoleInventory(createIamClient({ ...awsSettingsFor(settings), endpoint: endpoint(settings.iamEndpoint) })), roleNames, wait)),
  ];
}

/**
 * A local endpoint without Pipes or IAM (plain kinesalite, another emulator) cannot hold a pipe or
 * role the lab made: the pipe step could not have run there. Its "not implemented" answer means
 * nothing to find, not a region cleanup failed to search.
 */
function absentServiceFindsNothing(probe: OwnedResourceProbe): OwnedResourceProbe {
  return {
    ...probe,
    async find(region, labId) {
      try {
        return await probe.find(region, labId);
      } catch (error) {
        const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
        const notThere = e.name === 'UnknownOperationException' || /does not implement|XML parse error/.test(e.message ?? '') || e.$metadata?.httpStatusCode === 404;
        if (notThere) return [];
        throw error;
      }
    },
  };
}

/**
 * The names the pipe step gives its role, for every stream this lab ran with: IAM cannot be searched
 * by tag, so the role probe looks these up and deletes them only when they carry the lab's tag.
 */
export function labRoleNames(lab: Lab, streams: string[], progress: ProgressFile | undefined): string[] {
  const names = new Set<string>();
  for (const step of lab.steps) {
    if (step.action?.kind !== 'create-pipe') continue;
    // The default name and the one the step uses (choices, or other names when the default was taken).
    const params = progress ? paramsWithChoices(progress.ledger, step.id, step.action.params) : step.action.params;
    for (const stream of streams) names.add(pipeNamesFor(stream, step.action.params).role).add(pipeNamesFor(stream, params).role);
  }
  return [...names];
}
