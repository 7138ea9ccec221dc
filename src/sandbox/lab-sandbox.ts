import { attachCloudWatch, type CloudWatchHandle } from './cloudwatch/cloudwatch-service.js';
import { createSandbox } from './create-sandbox.js';
import { attachSts } from './sts/sts-service.js';
import { attachLogs } from './logs/logs-service.js';
import type { LogsStore } from './logs/logs-store.js';
import { attachPipes, type PipesHandle } from './pipes/attach-pipes.js';
import type { Sandbox, SandboxOptions } from './sandbox-types.js';

export interface LabSandboxOptions extends SandboxOptions {
  /** Milliseconds a new pipe stays CREATING; AWS takes a minute or two, practice needs seconds. @default 3000 */
  pipeCreatingMs?: number;
}

/** The sandbox with what its services hold, for tests and benchmarks that look inside. */
export interface LabSandbox extends Sandbox {
  cloudwatch: CloudWatchHandle;
  logs: LogsStore;
  pipes: PipesHandle;
}

/**
 * The sandbox as learners get it: Kinesis, CloudWatch metrics for its streams, EventBridge Pipes,
 * CloudWatch Logs (a pipe's other target) and the IAM calls the lab makes, on one endpoint. `createSandbox` alone stays the bare fixture;
 * every service the lab needs is attached here.
 */
export async function startLabSandbox(options: LabSandboxOptions = {}): Promise<LabSandbox> {
  const sandbox = await createSandbox(options);
  attachSts(sandbox);
  const cloudwatch = attachCloudWatch(sandbox, {
    ...(options.metricsDelayMs !== undefined ? { delayMs: options.metricsDelayMs } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const logs = attachLogs(sandbox, options.clock ? { clock: options.clock } : {});
  // Pipes keep wall-clock time: LATEST and batching windows compare with Kinesis arrival times.
  const pipes = attachPipes(sandbox, { logs, ...(options.pipeCreatingMs !== undefined ? { creatingDelayMs: options.pipeCreatingMs } : {}) });
  return Object.assign(sandbox, { cloudwatch, logs, pipes });
}
