/**
 * Mounts IAM and EventBridge Pipes on a sandbox and runs its pipes against the sandbox's own
 * Kinesis, in process (no HTTP hop), each as its own account. Pipes, their checkpoints and IAM's
 * roles are kept with the sandbox's data, so a restart resumes every RUNNING pipe where it stopped.
 * The composition root (createSandbox's caller) decides whether to call it.
 */
import { DescribeStreamSummaryCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { inProcessHandler } from '../in-process-handler.js';
import { attachIam } from '../iam/iam-service.js';
import type { IamStore } from '../iam/iam-store.js';
import type { LogsStore } from '../logs/logs-store.js';
import { accountInArn } from '../sandbox-accounts.js';
import { SANDBOX_CREDENTIALS } from '../sandbox-types.js';
import type { Sandbox } from '../sandbox-types.js';
import { PipeRunnerManager, parseLogGroupArn, parseStreamArn } from './pipe-runner.js';
import type { PipeRunStatus } from './pipe-runner.js';
import { PipeTable } from './pipe-table.js';
import { createPipesService } from './pipes-service.js';
import type { PipeRecord, PipesService } from './pipes-service.js';
import { pipesSection } from './pipes-section.js';

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
  const iam = attachIam(sandbox, clock);
  const table = new PipeTable();
  const log = sandbox.keep(pipesSection(table));
  const commit = log.record.bind(log);
  const clients = new Map<string, KinesisClient>();
  const kinesisFor = (region: string, account: string): KinesisClient => {
    const key = `${region}/${account}`;
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
  const runner = new PipeRunnerManager({ kinesisFor, table, commit, clock, ...(options.logs ? { logs: options.logs } : {}), ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}) });

  /** Asked as the pipe's account, by ARN: another account's stream is refused as AWS refuses it. */
  async function streamProblem(pipe: PipeRecord, arn: string, role: 'source' | 'target'): Promise<string | undefined> {
    const parsed = parseStreamArn(arn);
    if (!parsed) return role === 'source' ? `The sandbox runs pipes with a Kinesis stream source only; ${arn} is not a stream ARN.` : `The sandbox delivers to Kinesis stream targets only; ${arn} is not a stream ARN.`;
    if (role === 'source' && parsed.region !== pipe.region) return `The source stream must be in the pipe's Region (${pipe.region}), not ${parsed.region}.`;
    try {
      const summary = await kinesisFor(parsed.region, pipe.account).send(new DescribeStreamSummaryCommand({ StreamARN: arn }));
      const status = summary.StreamDescriptionSummary?.StreamStatus;
      if (status !== 'ACTIVE' && status !== 'UPDATING') return `The ${role} stream ${parsed.streamName} is ${status}, not ACTIVE.`;
      return undefined;
    } catch (error) {
      if (error instanceof Error && error.name === 'ResourceNotFoundException') return `The ${role} stream ${arn} does not exist.`;
      return `Could not describe the ${role} stream ${arn}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    }
  }

  async function checkResources(pipe: PipeRecord): Promise<string | undefined> {
    if (accountInArn(pipe.roleArn) !== pipe.account || !iam.findByArn(pipe.roleArn)) {
      return `Pipes could not assume the execution role ${pipe.roleArn}: account ${pipe.account}'s IAM has no such role. Create it (CreateRole) in the pipe's account and try again.`;
    }
    return (await streamProblem(pipe, pipe.source, 'source')) ?? (parseLogGroupArn(pipe.target) ? logGroupProblem(pipe) : await streamProblem(pipe, pipe.target, 'target'));
  }

  function logGroupProblem(pipe: PipeRecord): string | undefined {
    const parsed = parseLogGroupArn(pipe.target);
    if (!parsed || !options.logs) return `The sandbox has no CloudWatch Logs to deliver to ${pipe.target}.`;
    if (accountInArn(pipe.target) !== pipe.account) return `The target log group ${pipe.target} belongs to another account than the pipe (${pipe.account}).`;
    try {
      options.logs.group(pipe.account, parsed.region, parsed.group);
      return undefined;
    } catch {
      return `The target log group ${pipe.target} does not exist.`;
    }
  }

  const pipes = createPipesService({
    clock,
    checkResources,
    table,
    commit,
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

  sandbox.mount(pipes);
  // Pipes that were RUNNING before a restart run again; transitions under way finish.
  pipes.resume();
  return { pipes, iam, runStatus: (arn) => runner.status(arn) };
}
