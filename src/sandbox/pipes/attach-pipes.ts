/**
 * Mounts IAM and EventBridge Pipes on a sandbox and runs its pipes against the sandbox's own
 * Kinesis, in process (no HTTP hop), acting in the account each stream's ARN names. The
 * composition root (createSandbox's caller) decides whether to call it.
 */
import { DescribeStreamSummaryCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { inProcessHandler } from '../in-process-handler.js';
import { SANDBOX_CREDENTIALS } from '../sandbox-types.js';
import type { Sandbox } from '../sandbox-types.js';
import { createIamService } from '../iam/iam-service.js';
import { IamStore } from '../iam/iam-store.js';
import type { LogsStore } from '../logs/logs-store.js';
import { PipeRunnerManager, parseLogGroupArn, parseStreamArn } from './pipe-runner.js';
import type { PipeRunStatus } from './pipe-runner.js';
import { createPipesService } from './pipes-service.js';
import type { PipeRecord, PipesService } from './pipes-service.js';

export interface AttachPipesOptions {
  /** Milliseconds a new pipe stays CREATING (AWS: a minute or two). @default 3000 */
  creatingDelayMs?: number;
  /** Milliseconds of STARTING, STOPPING, UPDATING and DELETING. @default 1000 */
  transitionDelayMs?: number;
  /** Timestamps of pipes and roles, batching windows and LATEST. @default Date.now */
  clock?: () => number;
  /** Milliseconds between polls of a shard. @default 250 (4 per second, as Pipes does) */
  pollIntervalMs?: number;
  /** The sandbox's CloudWatch Logs, so pipes can deliver to a log group. */
  logs?: LogsStore;
}

export interface PipesHandle {
  pipes: PipesService;
  iam: IamStore;
  /** What a pipe's runner has done so far (checkpoints, counts, last error). */
  runStatus(pipeArn: string): PipeRunStatus | undefined;
}

export function attachPipes(sandbox: Sandbox, options: AttachPipesOptions = {}): PipesHandle {
  const clock = options.clock ?? Date.now;
  const iam = new IamStore(clock);
  const clients = new Map<string, KinesisClient>();
  const kinesisFor = (region: string, account?: string): KinesisClient => {
    const key = `${region}/${account ?? ''}`;
    let client = clients.get(key);
    if (!client) {
      client = new KinesisClient({
        region,
        endpoint: sandbox.url,
        credentials: { ...SANDBOX_CREDENTIALS },
        maxAttempts: 1,
        requestHandler: inProcessHandler(sandbox, account),
      });
      clients.set(key, client);
    }
    return client;
  };
  const runner = new PipeRunnerManager({ kinesisFor, clock, ...(options.logs ? { logs: options.logs } : {}), ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}) });

  async function streamProblem(arn: string, role: 'source' | 'target', pipeRegion: string): Promise<string | undefined> {
    const parsed = parseStreamArn(arn);
    if (!parsed) return role === 'source' ? `The sandbox runs pipes with a Kinesis stream source only; ${arn} is not a stream ARN.` : `The sandbox delivers to Kinesis stream targets only; ${arn} is not a stream ARN.`;
    if (role === 'source' && parsed.region !== pipeRegion) return `The source stream must be in the pipe's Region (${pipeRegion}), not ${parsed.region}.`;
    try {
      const summary = await kinesisFor(parsed.region, arn.split(':')[4]).send(new DescribeStreamSummaryCommand({ StreamName: parsed.streamName }));
      const status = summary.StreamDescriptionSummary?.StreamStatus;
      if (status !== 'ACTIVE' && status !== 'UPDATING') return `The ${role} stream ${parsed.streamName} is ${status}, not ACTIVE.`;
      return undefined;
    } catch (error) {
      if (error instanceof Error && error.name === 'ResourceNotFoundException') return `The ${role} stream ${arn} does not exist.`;
      return `Could not describe the ${role} stream ${arn}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async function checkResources(pipe: PipeRecord): Promise<string | undefined> {
    if (!iam.findByArn(pipe.roleArn)) {
      return `Pipes could not assume the execution role ${pipe.roleArn}: the sandbox's IAM has no such role. Create it (CreateRole) and try again.`;
    }
    return (await streamProblem(pipe.source, 'source', pipe.region)) ?? (parseLogGroupArn(pipe.target) ? logGroupProblem(pipe.target) : await streamProblem(pipe.target, 'target', pipe.region));
  }

  function logGroupProblem(arn: string): string | undefined {
    const parsed = parseLogGroupArn(arn);
    if (!parsed || !options.logs) return `The sandbox has no CloudWatch Logs to deliver to ${arn}.`;
    try {
      options.logs.group(parsed.region, parsed.group);
      return undefined;
    } catch {
      return `The target log group ${arn} does not exist.`;
    }
  }

  const pipes = createPipesService({
    clock,
    checkResources,
    onStateChange: (pipe, change) => runner.onStateChange(pipe, change),
    ...(options.creatingDelayMs !== undefined ? { creatingDelayMs: options.creatingDelayMs } : {}),
    ...(options.transitionDelayMs !== undefined ? { transitionDelayMs: options.transitionDelayMs } : {}),
  });
  const pipesStop = pipes.stop?.bind(pipes);
  pipes.stop = async () => {
    await pipesStop?.();
    await runner.stopAll();
    for (const client of clients.values()) client.destroy();
  };

  sandbox.mount(createIamService(iam));
  sandbox.mount(pipes);
  return { pipes, iam, runStatus: (arn) => runner.status(arn) };
}
