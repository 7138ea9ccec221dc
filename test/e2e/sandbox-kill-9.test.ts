/**
 * `kinesis-lab sandbox --data-dir` killed with SIGKILL while learners write: every record it
 * acknowledged is there after a restart on the same folder, the dead process's lock is taken over,
 * a RUNNING pipe resumes from its checkpoints and delivers every source record exactly once, and a
 * --data-dir that is a file is refused at start with the reason and a non-zero exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKinesisAdapter } from '../../src/aws/kinesis-adapter.js';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, PutRecordCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { CreatePipeCommand, DescribePipeCommand } from '@aws-sdk/client-pipes';
import { createSandbox } from '../../src/sandbox/create-sandbox.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { accountClients } from '../fixtures/account-clients.js';
import { streamToStreamPipe, TRUST_POLICY, waitFor } from '../pipes/pipes-helpers.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import { CLI, runCli } from './cli-helpers.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts the built CLI's sandbox and resolves once it says it is ready. */
function startCliSandbox(port: number, dataDir: string, home: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'sandbox', '--port', String(port), '--data-dir', dataDir], {
      env: { PATH: process.env.PATH ?? '', HOME: home, KINESIS_LAB_HOME: home, LANG: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('Sandbox ready')) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`sandbox exited (${code}) before it was ready:\n${output}`)));
  });
}

describe('built CLI sandbox: kill -9 while writing', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kl-kill9-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps every acknowledged record and takes the dead owner\'s lock over', async () => {
    const dataDir = join(dir, 'data');
    const port = await freePort();
    const child = await startCliSandbox(port, dataDir, dir);
    const client = createKinesisClient({ region: 'eu-west-1', endpoint: `http://127.0.0.1:${port}`, credentials: { ...SANDBOX_CREDENTIALS } }, { maxAttempts: 1 });
    const kinesis = createKinesisAdapter(client, { pageIntervalMs: 0 });
    const acknowledged: string[] = [];
    try {
      await kinesis.createStream('survivor', { mode: 'PROVISIONED', shardCount: 2 });
      for (let attempt = 0; attempt < 100 && (await kinesis.describeStreamSummary('survivor')).status !== 'ACTIVE'; attempt++) await new Promise((r) => setTimeout(r, 50));
      // Writers keep going while the process is killed; only answered calls count.
      let writing = true;
      const writers = [0, 1, 2].map(async (writer) => {
        for (let n = 0; writing; n++) {
          try {
            const put = await kinesis.putRecord('survivor', { partitionKey: `w${writer}-${n}`, data: new TextEncoder().encode(`${writer}:${n}`) });
            acknowledged.push(put.sequenceNumber);
          } catch {
            return;
          }
        }
      });
      while (acknowledged.length < 200) await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      writing = false;
      await Promise.all(writers);
    } finally {
      client.destroy();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }

    const after = await createSandbox({ dataDir });
    const reader = createKinesisClient({ region: 'eu-west-1', endpoint: after.url, credentials: { ...SANDBOX_CREDENTIALS } }, { maxAttempts: 1 });
    try {
      const kept = new Set((await createKinesisAdapter(reader, { pageIntervalMs: 0 }).readStream('survivor')).map((record) => record.sequenceNumber));
      expect(acknowledged.filter((seq) => !kept.has(seq))).toEqual([]);
      expect(kept.size).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      reader.destroy();
      await after.stop();
    }
  });

  it('resumes a RUNNING pipe from its checkpoints: the target has every source record exactly once', async () => {
    const dataDir = join(dir, 'data');
    const port = await freePort();
    const region = 'eu-west-1';
    const arn = (name: string) => `arn:aws:kinesis:${region}:000000000000:stream/${name}`;
    const child = await startCliSandbox(port, dataDir, dir);
    const c = accountClients(`http://127.0.0.1:${port}`, region);
    const acknowledged: string[] = [];
    let pipeArn = '';
    try {
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'source', ShardCount: 2 }));
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'target', ShardCount: 1 }));
      for (const name of ['source', 'target']) {
        await waitFor(`${name} ACTIVE`, async () => ((await c.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }))).StreamDescriptionSummary?.StreamStatus === 'ACTIVE' ? true : undefined));
      }
      const role = await c.iam.send(new CreateRoleCommand({ RoleName: 'pipe-role', AssumeRolePolicyDocument: TRUST_POLICY }));
      pipeArn = (await c.pipes.send(new CreatePipeCommand(streamToStreamPipe('kill-pipe', arn('source'), arn('target'), role.Role?.Arn, 10)))).Arn!;
      await waitFor('the pipe RUNNING', async () => ((await c.pipes.send(new DescribePipeCommand({ Name: 'kill-pipe' }))).CurrentState === 'RUNNING' ? true : undefined), 20_000);
      // A producer keeps writing while the pipe delivers; the process dies in the middle of both.
      let writing = true;
      const writers = [0, 1, 2].map(async (writer) => {
        for (let n = 0; writing; n++) {
          try {
            const put = await c.kinesis.send(new PutRecordCommand({ StreamName: 'source', PartitionKey: `w${writer}-${n}`, Data: Buffer.from(JSON.stringify({ writer, n })) }));
            acknowledged.push(put.SequenceNumber!);
          } catch {
            return;
          }
        }
      });
      await waitFor('records delivered while writing', async () => (acknowledged.length >= 300 && (await eventIds(c.kinesis, 'target')).length >= 50 ? true : undefined), 30_000);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      writing = false;
      await Promise.all(writers);
    } finally {
      c.stop();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }

    const after = await startLabSandbox({ dataDir });
    const d = accountClients(after.url, region);
    try {
      // Resumed from the journal, not from the start of the stream.
      expect(Object.keys(after.pipes.runStatus(pipeArn)?.checkpoints ?? {}).length).toBeGreaterThan(0);
      const source = await sequenceNumbers(d.kinesis, 'source');
      expect(acknowledged.filter((seq) => !source.has(seq))).toEqual([]);
      const delivered = await waitFor('every source record in the target', async () => {
        const ids = await eventIds(d.kinesis, 'target');
        return ids.length >= source.size ? ids : undefined;
      }, 30_000);
      const times = new Map<string, number>();
      for (const id of delivered) times.set(id, (times.get(id) ?? 0) + 1);
      expect([...times].filter(([, count]) => count !== 1)).toEqual([]);
      const deliveredSequenceNumbers = new Set([...times.keys()].map((id) => id.slice(id.indexOf(':') + 1)));
      expect([...source].filter((seq) => !deliveredSequenceNumbers.has(seq))).toEqual([]);
    } finally {
      d.stop();
      await after.stop();
    }
  });

  it('refuses a --data-dir that is a file, with the reason and a non-zero exit', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    const run = await runCli(['sandbox', '--port', String(await freePort()), '--data-dir', file], { HOME: dir, KINESIS_LAB_HOME: dir });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(`The sandbox data folder ${file} is a file, not a folder.`);
    expect(run.stdout).not.toContain('Sandbox ready');
  });
});

/**
 * A call tried again after a pause while the sandbox throttles it: these reads share each shard's
 * 5 calls/s with the pipe's own, and AWS's limits are on.
 */
async function patiently<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const name = (error as { name?: string }).name;
      if ((name !== 'ProvisionedThroughputExceededException' && name !== 'LimitExceededException') || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Every record of a stream, from the trim horizon of each shard. */
async function readAll(client: KinesisClient, stream: string): Promise<{ sequenceNumber: string; data: string }[]> {
  const records: { sequenceNumber: string; data: string }[] = [];
  for (const shard of (await patiently(() => client.send(new ListShardsCommand({ StreamName: stream })))).Shards ?? []) {
    let iterator = (await patiently(() => client.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' })))).ShardIterator;
    while (iterator) {
      const current = iterator;
      const page = await patiently(() => client.send(new GetRecordsCommand({ ShardIterator: current })));
      for (const record of page.Records ?? []) records.push({ sequenceNumber: record.SequenceNumber ?? '', data: Buffer.from(record.Data ?? []).toString('utf8') });
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return records;
}

async function sequenceNumbers(client: KinesisClient, stream: string): Promise<Set<string>> {
  return new Set((await readAll(client, stream)).map((record) => record.sequenceNumber));
}

/** The eventID (`shardId:sequenceNumber` of the source record) of every pipe event in the target. */
async function eventIds(client: KinesisClient, stream: string): Promise<string[]> {
  return (await readAll(client, stream)).map((record) => (JSON.parse(record.data) as { eventID: string }).eventID);
}
