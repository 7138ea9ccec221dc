import { createKinesisAdapter } from '../aws/kinesis-adapter.js';
import { createKinesisClient } from '../aws/kinesis-client.js';
import type { AwsSettings } from '../aws/aws-settings.js';
import { createCloudWatchClient } from '../aws/cloudwatch-client.js';
import { createEventBridgeClient, createEventPatternTester } from '../aws/event-pattern-tester.js';
import { createLogGroupAdapter, createLogsClient } from '../aws/log-group-adapter.js';
import { createIamClient, createIamRoleAdapter } from '../aws/iam-role-adapter.js';
import { createPipesAdapter, createPipesClient } from '../aws/pipes-adapter.js';
import { createStreamMetricsPort } from '../aws/stream-metrics-port-adapter.js';
import { createStreamMetricsSource } from '../aws/stream-metrics-source-adapter.js';
import { AWS_METRICS_DELAY, sandboxMetricsDelay } from '../aws/stream-metrics-source.js';
import { DEFAULT_METRICS_DELAY_MS } from '../sandbox/cloudwatch/cloudwatch-service.js';
import type { LabContext } from '../checks/check-context.js';
import { diagnose } from '../diagnose/catalog.js';
import { createRegionProbes } from '../aws/region-probes.js';
import { createPipeInventory } from '../aws/pipes-adapter.js';
import { emptyLedger, type SessionLedger } from '../engine/session-ledger.js';
import type { LabKey } from '../diagnose/other-accounts.js';
import { accountIdFor } from '../sandbox/sandbox-accounts.js';
import { SANDBOX_CREDENTIALS } from '../sandbox/sandbox-types.js';
import { sandboxLocator } from './sandbox-locator.js';
import { sleepFor } from '../producer/retry-policy.js';
import type { RunSettings } from './run-settings.js';
import type { Surface } from '../i18n/surface.js';
import { labCommandLine } from './lab-command-line.js';
import { progressWorld } from './progress-world.js';
import { labTagValue } from '../resources/lab-tag.js';
import { createOwnership } from '../resources/ownership.js';

/** Settings with the region and endpoint known (the embedded sandbox is already listening). */
export type ReadySettings = RunSettings & { region: string };

export function awsSettingsFor(settings: ReadySettings, region = settings.region): AwsSettings {
  const aws: AwsSettings = { region };
  if (settings.deadlines) aws.deadlines = settings.deadlines;
  if (settings.signal) aws.signal = settings.signal;
  if (settings.endpoint) aws.endpoint = settings.endpoint;
  if (settings.endpointReturns) aws.endpointReturns = settings.endpointReturns;
  if (settings.profile && settings.target === 'aws') aws.profile = settings.profile;
  // On a sandbox every access key is an account. In a class on a room sandbox the lab signs with the
  // learner's own key there (src/classroom/learner-key.ts). The embedded sandbox's lab signs with the
  // sandbox's own key, the one it prints for learners' scripts, whatever the shell holds (often a real
  // AWS key), so the lab and those scripts meet in one account. Another local sandbox keeps the shell's
  // key, the learner's own there; without one, the sandbox's key, so "no credentials" never blocks.
  if (settings.target === 'sandbox' && settings.sandboxKey) aws.credentials = { ...settings.sandboxKey };
  else if (settings.embeddedSandbox || (settings.target === 'sandbox' && !process.env.AWS_ACCESS_KEY_ID)) aws.credentials = { ...SANDBOX_CREDENTIALS };
  return aws;
}

/** On a sandbox: the key the lab signs with (its secret only when it is a sandbox's key: the default one, or a class key). */
export function labKeyFor(settings: ReadySettings, aws: AwsSettings): LabKey | undefined {
  if (settings.target !== 'sandbox') return undefined;
  const accessKeyId = aws.credentials?.accessKeyId ?? process.env.AWS_ACCESS_KEY_ID;
  if (!accessKeyId) return undefined;
  const shown = [SANDBOX_CREDENTIALS, settings.sandboxKey].find((key) => key?.accessKeyId === accessKeyId);
  return { accessKeyId, account: accountIdFor(accessKeyId), ...(shown ? { secretAccessKey: shown.secretAccessKey } : {}) };
}

/**
 * Builds the adapters every check and action uses, for one run. `sandboxMetricsDelayMs` is the
 * delay of a sandbox this process started; for any other sandbox only its default can be assumed.
 * `surface` is where the results are read (their fixes name keys or commands).
 */
export function buildLabContext(settings: ReadySettings, labId: string, ledger: () => SessionLedger = emptyLedger, sandboxMetricsDelayMs?: number, surface: Surface = 'tui'): LabContext {
  const aws = awsSettingsFor(settings);
  const ownership = settings.ownership ?? createOwnership({ labId, tag: labTagValue(labId, settings.ownerId) });
  // AWS allows 5 GetRecords per second per shard, and so does the sandbox: the adapter paces its pages.
  const kinesis = createKinesisAdapter(createKinesisClient(aws));
  const cloudwatchFor = (region: string) => createCloudWatchClient({ ...awsSettingsFor(settings, region), endpoint: settings.embeddedSandbox ? settings.endpoint : settings.cloudwatchEndpoint });
  const cloudwatchClient = cloudwatchFor(settings.region);
  const metrics = createStreamMetricsPort(cloudwatchClient);
  const delay =
    settings.target === 'aws' ? AWS_METRICS_DELAY : sandboxMetricsDelay(sandboxMetricsDelayMs ?? DEFAULT_METRICS_DELAY_MS, sandboxMetricsDelayMs !== undefined);
  const cloudwatch = createStreamMetricsSource({ client: cloudwatchClient, clientFor: cloudwatchFor, region: settings.region, delay });
  const labKey = labKeyFor(settings, aws);
  // Where else on the sandbox a name is: the lab's own account left out. Not in a class: there the
  // other accounts are the other learners', none of this learner's business.
  const otherAccounts = labKey && settings.endpoint && !settings.sandboxKey ? sandboxLocator(settings.endpoint, labKey.account) : undefined;
  const regionProbes = createRegionProbes(
    {
      kinesisFor: (region) => createKinesisAdapter(createKinesisClient(awsSettingsFor(settings, region), { maxAttempts: 1 })),
      pipesFor: (region) => createPipeInventory(createPipesClient({ ...awsSettingsFor(settings, region), endpoint: settings.embeddedSandbox ? settings.endpoint : settings.pipesEndpoint })),
    },
    settings.region,
  );
  const probes = { ...regionProbes, ...(otherAccounts ? { otherAccounts } : {}) };
  return {
    streamShape: settings.streamShape,
    kinesis,
    producerKinesis: createKinesisAdapter(createKinesisClient(aws, { maxAttempts: 1 })),
    metrics,
    cloudwatch,
    // On the embedded sandbox every service is the one endpoint.
    pipes: createPipesAdapter(createPipesClient({ ...aws, endpoint: settings.embeddedSandbox ? settings.endpoint : settings.pipesEndpoint })),
    iam: createIamRoleAdapter(createIamClient({ ...aws, endpoint: settings.embeddedSandbox ? settings.endpoint : settings.iamEndpoint })),
    logs: createLogGroupAdapter(createLogsClient({ ...aws, endpoint: settings.embeddedSandbox ? settings.endpoint : settings.logsEndpoint })),
    // The sandbox tries filters with our matcher; only real AWS is asked for EventBridge's own verdict.
    ...(settings.target === 'aws' ? { eventPatterns: createEventPatternTester(createEventBridgeClient({ ...aws, endpoint: settings.eventbridgeEndpoint })) } : {}),
    stream: settings.stream,
    region: settings.region,
    labId,
    labTag: ownership.tag,
    ownership,
    sandbox: settings.target === 'sandbox',
    world: progressWorld(settings),
    endpoint: settings.endpoint,
    ...(labKey ? { labKey } : {}),
    ...(otherAccounts ? { otherAccounts } : {}),
    surface,
    command: (args, where) => labCommandLine(settings, args, where ? { where } : {}),
    ledger,
    elsewhere: probes,
    diagnose: (error, ctx) => diagnose(error, ctx, probes),
    clock: Date.now,
    sleep: sleepFor,
  };
}
