/**
 * `kinesis-lab sandbox --data-dir` killed with SIGKILL while learners write: every record it
 * acknowledged is there after a restart on the same folder, the dead process's lock is taken over,
 * and a --data-dir that is a file is refused at start with the reason and a non-zero exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKinesisAdapter } from '../../src/aws/kinesis-adapter.js';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { createSandbox } from '../../src/sandbox/create-sandbox.js';
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

  it('refuses a --data-dir that is a file, with the reason and a non-zero exit', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    const run = await runCli(['sandbox', '--port', String(await freePort()), '--data-dir', file], { HOME: dir, KINESIS_LAB_HOME: dir });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(`The sandbox data folder ${file} is a file, not a folder.`);
    expect(run.stdout).not.toContain('Sandbox ready');
  });
});
