/**
 * The two halves of scripts/bench-restart, each run in a fresh process:
 *
 *   fill DIR CRASH_DIR   builds a lab's world in DIR: 100,200 taxi trips put into input-stream (200
 *                        PutRecord calls, 200 PutRecords of 500) spread over 30 minutes of CloudWatch
 *                        time, two RUNNING pipes from TRIM_HORIZON (one to a stream, one to a log
 *                        group) that deliver all of them; copies DIR to CRASH_DIR while the sandbox
 *                        runs (what a kill -9 leaves), then stops cleanly. Prints JSON counts.
 *   load DIR             starts the lab sandbox on DIR and prints JSON: how long startLabSandbox took,
 *                        the process's RSS and heap after it, the notices, and what it found.
 */
import { cp } from 'node:fs/promises';
import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, PutRecordCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { CreatePipeCommand } from '@aws-sdk/client-pipes';
import { createTripGenerator } from '../src/producer/taxi-trip-generator.js';
import { startLabSandbox } from '../src/sandbox/lab-sandbox.js';
import { accountClients } from '../test/fixtures/account-clients.js';

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';
const MINUTES = 30;
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pipes.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

async function fill(dir: string, crashDir: string): Promise<void> {
  const start = Date.now() - MINUTES * 60_000;
  let now = start;
  const sandbox = await startLabSandbox({ dataDir: dir, clock: () => now, createStreamMs: 0, pipeCreatingMs: 100, metricsDelayMs: 0 });
  const c = accountClients(sandbox.url, REGION);
  const trip = createTripGenerator();
  const data = () => Buffer.from(JSON.stringify(trip()));
  try {
    await c.kinesis.send(new CreateStreamCommand({ StreamName: 'input-stream', ShardCount: 2 }));
    await c.kinesis.send(new CreateStreamCommand({ StreamName: 'pipe-target', ShardCount: 1 }));
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: '/kinesis-lab/pipe-target' }));
    const role = (await c.iam.send(new CreateRoleCommand({ RoleName: 'kinesis-lab-pipe-role', AssumeRolePolicyDocument: TRUST }))).Role?.Arn;
    const source = `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/input-stream`;
    const trimHorizon = { KinesisStreamParameters: { StartingPosition: 'TRIM_HORIZON' as const, BatchSize: 100 } };
    const toStream = await c.pipes.send(new CreatePipeCommand({ Name: 'to-stream', Source: source, Target: `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/pipe-target`, RoleArn: role, SourceParameters: trimHorizon, TargetParameters: { KinesisStreamParameters: { PartitionKey: '$.partitionKey' } } }));
    const toLogs = await c.pipes.send(new CreatePipeCommand({ Name: 'to-logs', Source: source, Target: `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/kinesis-lab/pipe-target`, RoleArn: role, SourceParameters: trimHorizon, TargetParameters: { CloudWatchLogsParameters: { LogStreamName: 'trips' } } }));
    let records = 0;
    for (let minute = 0; minute < MINUTES; minute++) {
      now = start + minute * 60_000 + 1_000;
      const singles = minute < 20 ? 10 : 0;
      for (let i = 0; i < singles; i++) await c.kinesis.send(new PutRecordCommand({ StreamName: 'input-stream', PartitionKey: `trip-${records++}`, Data: data() }));
      const batches = Math.round((200 * (minute + 1)) / MINUTES) - Math.round((200 * minute) / MINUTES);
      for (let b = 0; b < batches; b++) {
        await c.kinesis.send(new PutRecordsCommand({ StreamName: 'input-stream', Records: Array.from({ length: 500 }, () => ({ PartitionKey: `trip-${records++}`, Data: data() })) }));
      }
    }
    now = start + MINUTES * 60_000;
    const delivered = (arn: string | undefined) => sandbox.pipes.runStatus(arn ?? '')?.delivered ?? 0;
    while (delivered(toStream.Arn) < records || delivered(toLogs.Arn) < records) await new Promise((resolve) => setTimeout(resolve, 200));
    await cp(dir, crashDir, { recursive: true });
    process.stdout.write(`${JSON.stringify({ records, deliveredToStream: delivered(toStream.Arn), deliveredToLogs: delivered(toLogs.Arn) })}\n`);
  } finally {
    c.stop();
    const stopping = performance.now();
    await sandbox.stop();
    process.stderr.write(`clean stop: ${Math.round(performance.now() - stopping)} ms\n`);
  }
}

async function load(dir: string): Promise<void> {
  const started = performance.now();
  const sandbox = await startLabSandbox({ dataDir: dir });
  const startMs = performance.now() - started;
  const memory = process.memoryUsage();
  const toStream = sandbox.pipes.runStatus(`arn:aws:pipes:${REGION}:${ACCOUNT}:pipe/to-stream`);
  const found = { streams: sandbox.pipes.pipes.listPipes().length, checkpoints: Object.keys(toStream?.checkpoints ?? {}).length, delivered: toStream?.delivered };
  process.stdout.write(`${JSON.stringify({ startMs, rssMiB: memory.rss / 2 ** 20, heapMiB: memory.heapUsed / 2 ** 20, notices: sandbox.notices.length, found })}\n`);
  // Without stop: a measured start must not rewrite the folder the next round reads (the process exits).
  process.exit(0);
}

const [mode, dir, crashDir] = process.argv.slice(2);
if (mode === 'fill' && dir && crashDir) await fill(dir, crashDir);
else if (mode === 'load' && dir) await load(dir);
else {
  process.stderr.write('usage: bench-restart-world fill DIR CRASH_DIR | load DIR\n');
  process.exit(2);
}
