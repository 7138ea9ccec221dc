/**
 * Shared setup for the Pipes tests: a test sandbox with Pipes and IAM attached, real SDK
 * clients bound to it, and small helpers to make streams and read them back.
 */
import http from 'node:http';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand } from '@aws-sdk/client-kinesis';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { DescribePipeCommand, PipesClient } from '@aws-sdk/client-pipes';
import type { CreatePipeCommandInput } from '@aws-sdk/client-pipes';
import type { PipeState } from '@aws-sdk/client-pipes';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startTestSandbox, TEST_REGION } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import type { SandboxOptions } from '../../src/sandbox/sandbox-types.js';
import { attachPipes } from '../../src/sandbox/pipes/attach-pipes.js';
import type { AttachPipesOptions, PipesHandle } from '../../src/sandbox/pipes/attach-pipes.js';

export const ACCOUNT = '000000000000';
export const streamArn = (name: string) => `arn:aws:kinesis:${TEST_REGION}:${ACCOUNT}:stream/${name}`;

export const TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'pipes.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export interface PipesTestBox {
  box: TestSandbox;
  handle: PipesHandle;
  pipes: PipesClient;
  iam: IAMClient;
  kinesis: KinesisClient;
  stop(): Promise<void>;
}

export async function startPipesSandbox(options: AttachPipesOptions = {}, sandboxOptions: SandboxOptions = {}): Promise<PipesTestBox> {
  // The pipe polls every 50 ms to keep these tests quick: 20 reads/s, four times what a shard serves on
  // AWS, so AWS's limits are off here (test/sandbox/kinesis-limits.test.ts holds the sandbox to them).
  const box = await startTestSandbox({ limits: 'off', ...sandboxOptions });
  const handle = attachPipes(box.sandbox, { creatingDelayMs: 100, transitionDelayMs: 50, pollIntervalMs: 50, ...options });
  const common = {
    region: TEST_REGION,
    endpoint: box.sandbox.url,
    credentials: { ...SANDBOX_CREDENTIALS },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpAgent: new http.Agent({ keepAlive: true }) }),
  };
  const pipes = new PipesClient(common);
  const iam = new IAMClient(common);
  return {
    box,
    handle,
    pipes,
    iam,
    kinesis: box.client(),
    async stop() {
      pipes.destroy();
      iam.destroy();
      await box.stop();
    },
  };
}

/** Polls until `check` returns a value (not undefined); fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function waitForPipeState(t: PipesTestBox, name: string, state: PipeState): Promise<void> {
  await waitFor(`${name} to be ${state}`, async () => {
    const pipe = await t.pipes.send(new DescribePipeCommand({ Name: name }));
    return pipe.CurrentState === state ? true : undefined;
  });
}

/** CreatePipe's input for a Kinesis stream to a Kinesis stream, from the trim horizon. */
export function streamToStreamPipe(name: string, source: string, target: string, roleArn: string | undefined, batchSize?: number): CreatePipeCommandInput {
  return {
    Name: name,
    Source: source,
    Target: target,
    RoleArn: roleArn,
    SourceParameters: { KinesisStreamParameters: { StartingPosition: 'TRIM_HORIZON', ...(batchSize !== undefined ? { BatchSize: batchSize } : {}) } },
    TargetParameters: { KinesisStreamParameters: { PartitionKey: '$.partitionKey' } },
  };
}

export async function createRole(t: PipesTestBox, roleName: string): Promise<string> {
  const role = await t.iam.send(new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: TRUST_POLICY }));
  const arn = role.Role?.Arn;
  if (arn === undefined) throw new Error(`CreateRole ${roleName} answered without a role ARN`);
  return arn;
}

export async function createStream(t: PipesTestBox, name: string, shardCount = 1): Promise<void> {
  await t.kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: shardCount }));
  await t.box.waitForActive(name);
}

/** Every record in the stream, shard by shard, in sequence order within a shard. */
export async function readAll(t: PipesTestBox, stream: string): Promise<{ partitionKey: string; data: string }[]> {
  const client = t.kinesis;
  const shards = await client.send(new ListShardsCommand({ StreamName: stream }));
  const out: { partitionKey: string; data: string }[] = [];
  for (const shard of shards.Shards ?? []) {
    let iterator = (await client.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    while (iterator) {
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
      for (const r of page.Records ?? []) out.push({ partitionKey: r.PartitionKey ?? '', data: Buffer.from(r.Data ?? []).toString('utf8') });
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return out;
}
