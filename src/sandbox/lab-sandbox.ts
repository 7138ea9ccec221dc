import { attachCloudWatch } from './cloudwatch/cloudwatch-service.js';
import { createSandbox } from './create-sandbox.js';
import type { Sandbox, SandboxOptions } from './sandbox-types.js';

/**
 * The sandbox as learners get it: Kinesis plus CloudWatch metrics for its streams on one endpoint.
 * `createSandbox` alone stays the bare fixture; every service the lab needs is attached here.
 */
export async function startLabSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await createSandbox(options);
  attachCloudWatch(sandbox, {
    ...(options.metricsDelayMs !== undefined ? { delayMs: options.metricsDelayMs } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return sandbox;
}
