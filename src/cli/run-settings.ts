import { resolveRegion } from '../aws/resolve-region.js';
import type { RegionSource } from '../shared/region-source.js';
import { langFromEnv, type Lang } from '../i18n/lang.js';
import type { GlobalOptions } from './parse-args.js';
import { validateRegion } from '../validate/region.js';
import { validateStreamName } from '../validate/stream-name.js';
import { validateShardCount } from '../validate/shard-count.js';
import type { StreamShape } from '../checks/check-context.js';
import { orUsageError, UsageError } from './usage-error.js';
import { callDeadlines, type CallDeadlines } from '../aws/call-deadlines.js';
import { validateCallTimeout } from '../validate/call-timeout.js';
import { isLoopbackUrl } from './loopback-host.js';
import type { Ownership } from '../resources/ownership.js';
import { classroomText } from '../i18n/classroom-messages.js';

export const DEFAULT_STREAM = 'input-stream';
/** The sandbox's region when nothing else names one; learners' tools get it from the printed exports. */
export const SANDBOX_DEFAULT_REGION = 'us-east-1';

export type EndpointSource = 'flag' | 'AWS_ENDPOINT_URL_KINESIS' | 'AWS_ENDPOINT_URL' | 'embedded-sandbox' | 'class';

/**
 * A kinesis-lab sandbox known to be one (its class registry answered), wherever it is: a room
 * sandbox on the LAN is a sandbox like one on loopback. With `credentials`, the lab signs every call
 * on it with them: a learner's own key in a class (src/classroom/learner-key.ts).
 */
export interface RoomSandbox {
  endpoint: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Where and how this run talks to Kinesis, resolved once from flags, environment and saved progress. */
export interface RunSettings {
  lang: Lang;
  stream: string;
  /** `sandbox`: the embedded sandbox (started by the CLI) or a local endpoint; `aws`: real AWS. */
  target: 'sandbox' | 'aws';
  /** True when the CLI must start the embedded sandbox itself (`--sandbox`). */
  embeddedSandbox: boolean;
  region?: string;
  regionSource?: RegionSource;
  endpoint?: string;
  endpointSource?: EndpointSource;
  /** CloudWatch's endpoint: the same as Kinesis for a flag or the sandbox, else its own variables. */
  cloudwatchEndpoint?: string;
  /** Step 1's stream shape when the learner chose one (`--on-demand`, `--shards N`); the lab's default otherwise. */
  streamShape?: StreamShape;
  /** EventBridge Pipes' and IAM's endpoints (step 5), resolved like CloudWatch's. */
  pipesEndpoint?: string;
  iamEndpoint?: string;
  /** EventBridge's endpoint (TestEventPattern for step 5's filter on real AWS), resolved like CloudWatch's. */
  eventbridgeEndpoint?: string;
  /** CloudWatch Logs' endpoint (step 5's log group target), resolved like CloudWatch's. */
  logsEndpoint?: string;
  /** This learner's install (see owner-id.ts); tags what the lab creates so cleanup finds only that. */
  ownerId?: string;
  /** Whose a same-name resource is (resources/ownership.ts), from the owner id, tags used before and progress. */
  ownership?: Ownership;
  profile?: string;
  /** Every AWS call's deadlines (`KINESIS_LAB_CALL_TIMEOUT`); the default ones when unset. */
  deadlines?: CallDeadlines;
  /** Aborts (a grace period after the command is stopped) to end AWS calls still in flight. */
  signal?: AbortSignal;
  /** A joined embedded sandbox: a refused call waits for the take-over (AwsSettings.endpointReturns). */
  endpointReturns?: () => Promise<boolean>;
  /** The key every call on the sandbox signs with: a learner's own in a class on a room sandbox. */
  sandboxKey?: { accessKeyId: string; secretAccessKey: string };
  /** `--class … --name …` as the learner gave them: the hints' commands repeat them to stay in the class. */
  classArgs?: readonly string[];
}

/**
 * `KINESIS_LAB_CALL_TIMEOUT` (e.g. `10s`): how long each AWS call waits for an answer before the SDK
 * tries again; for slow networks, and for tests that need a black-hole endpoint to fail fast.
 */
export function callDeadlinesFromEnv(env: NodeJS.ProcessEnv): CallDeadlines | undefined {
  const value = env.KINESIS_LAB_CALL_TIMEOUT;
  return value === undefined ? undefined : callDeadlines(orUsageError(validateCallTimeout(value), 'KINESIS_LAB_CALL_TIMEOUT'));
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function isRegionName(value: string): boolean {
  return REGION_PATTERN.test(value);
}

/**
 * Resolves everything but the embedded sandbox's URL (known only once it listens). The region may stay
 * undefined on real AWS: the interactive lab then asks, the other commands stop with a usage error.
 */
export async function resolveRunSettings(global: GlobalOptions, env: NodeJS.ProcessEnv, saved?: { stream: string; region: string }, room?: RoomSandbox): Promise<RunSettings> {
  const lang = global.lang ?? langFromEnv(env);
  const deadlines = callDeadlinesFromEnv(env);
  if (global.onDemand && global.shards !== undefined) throw new UsageError({ en: 'use either --on-demand or --shards, not both (an on-demand stream manages its shards itself)', ko: '--on-demand와 --shards 중 하나만 쓰세요(온디맨드 스트림은 샤드를 스스로 관리합니다)' });
  const streamShape: StreamShape | undefined = global.onDemand
    ? { mode: 'ON_DEMAND' }
    : global.shards !== undefined
      ? { mode: 'PROVISIONED', shardCount: orUsageError(validateShardCount(global.shards), '--shards') }
      : undefined;
  const stream = global.stream === undefined ? (saved?.stream ?? DEFAULT_STREAM) : orUsageError(validateStreamName(global.stream), '--stream');
  // A typo such as ap-northest-2 looks well-formed; the known-region list catches it with a "did you mean".
  if (global.region !== undefined) orUsageError(validateRegion(global.region), '--region');

  const endpointFlag = global.endpointUrl;
  if (endpointFlag !== undefined) assertEndpoint(endpointFlag, '--endpoint-url');
  if (global.sandbox && endpointFlag !== undefined) throw new UsageError({ en: 'use either --sandbox or --endpoint-url, not both', ko: '--sandbox와 --endpoint-url 중 하나만 쓰세요' });

  if (global.sandbox && room) throw new UsageError(classroomText((t) => t.classWithSandbox));

  let endpoint: string | undefined;
  let endpointSource: EndpointSource | undefined;
  if (global.sandbox) endpointSource = 'embedded-sandbox';
  else if (room) [endpoint, endpointSource] = [room.endpoint, endpointFlag === room.endpoint ? 'flag' : 'class'];
  else if (endpointFlag) [endpoint, endpointSource] = [endpointFlag, 'flag'];
  else if (env.AWS_ENDPOINT_URL_KINESIS) [endpoint, endpointSource] = [assertEndpoint(env.AWS_ENDPOINT_URL_KINESIS, 'AWS_ENDPOINT_URL_KINESIS'), 'AWS_ENDPOINT_URL_KINESIS'];
  else if (env.AWS_ENDPOINT_URL) [endpoint, endpointSource] = [assertEndpoint(env.AWS_ENDPOINT_URL, 'AWS_ENDPOINT_URL'), 'AWS_ENDPOINT_URL'];

  const target = global.sandbox || room !== undefined || (endpoint !== undefined && isLoopbackUrl(endpoint)) ? 'sandbox' : 'aws';
  const resolved = await resolveRegion({ flag: global.region, profile: global.profile, env, useInstanceMetadata: target === 'aws' });
  let region = resolved?.region;
  let regionSource = resolved?.source;
  if (region === undefined && saved?.region) [region, regionSource] = [saved.region, 'saved-progress'];
  if (region === undefined && target === 'sandbox') [region, regionSource] = [SANDBOX_DEFAULT_REGION, 'sandbox-default'];
  if (region !== undefined && regionSource !== 'flag') orUsageError(validateRegion(region), regionSource === 'profile' ? 'region in the AWS profile' : String(regionSource));

  // A flag, or a room sandbox, is one endpoint for every service.
  const oneEndpoint = endpointSource === 'flag' || endpointSource === 'class';
  const cloudwatchEndpoint = oneEndpoint ? endpoint : env.AWS_ENDPOINT_URL_CLOUDWATCH ?? env.AWS_ENDPOINT_URL;
  const pipesEndpoint = oneEndpoint ? endpoint : env.AWS_ENDPOINT_URL_PIPES ?? env.AWS_ENDPOINT_URL;
  const iamEndpoint = oneEndpoint ? endpoint : env.AWS_ENDPOINT_URL_IAM ?? env.AWS_ENDPOINT_URL;
  const eventbridgeEndpoint = oneEndpoint ? endpoint : env.AWS_ENDPOINT_URL_EVENTBRIDGE ?? env.AWS_ENDPOINT_URL;
  const logsEndpoint = oneEndpoint ? endpoint : env.AWS_ENDPOINT_URL_CLOUDWATCH_LOGS ?? env.AWS_ENDPOINT_URL;
  const sandboxKey = room?.credentials;
  return { lang, stream, target, embeddedSandbox: global.sandbox, region, regionSource, endpoint, endpointSource, cloudwatchEndpoint, pipesEndpoint, iamEndpoint, eventbridgeEndpoint, logsEndpoint, streamShape, profile: global.profile ?? env.AWS_PROFILE, ...(deadlines ? { deadlines } : {}), ...(sandboxKey ? { sandboxKey } : {}) };
}

function assertEndpoint(value: string, from: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError({ en: `${from} "${value}" is not a URL (expected something like http://127.0.0.1:4567)`, ko: `${from} 값("${value}")은 URL이 아닙니다(예: http://127.0.0.1:4567)` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError({ en: `${from} "${value}" must start with http:// or https://`, ko: `${from} 값("${value}")은 http:// 또는 https://로 시작해야 합니다` });
  return value;
}
