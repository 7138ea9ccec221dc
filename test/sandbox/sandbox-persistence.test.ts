import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox } from '../fixtures/sandbox.js';

describe('sandbox with a dataDir', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kinesis-lab-sandbox-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps streams, their mode and their records across stop and start', async () => {
    const first = await startTestSandbox({ dataDir });
    const before = first.kinesis('ap-northeast-2');
    await before.createStream('input-stream', { mode: 'ON_DEMAND' });
    await first.waitForActive('input-stream', 'ap-northeast-2');
    await before.putRecords('input-stream', ['a', 'b'].map((key) => ({ partitionKey: key, data: new TextEncoder().encode(key) })));
    await first.stop();

    // One journal and one snapshot for all of Kinesis (no folder per region), one pair each for the keys seen and the class registry, and the lock given back.
    expect((await readdir(dataDir)).sort()).toEqual(['account-keys.journal.jsonl', 'account-keys.snapshot.jsonl', 'classes.journal.jsonl', 'classes.snapshot.jsonl', 'kinesis.journal.jsonl', 'kinesis.snapshot.jsonl']);

    const second = await startTestSandbox({ dataDir });
    try {
      const after = second.kinesis('ap-northeast-2');
      expect(await after.describeStreamSummary('input-stream')).toMatchObject({ status: 'ACTIVE', mode: 'ON_DEMAND', openShardCount: 4 });
      const records = await after.readStream('input-stream');
      expect(records.map((record) => record.partitionKey).sort()).toEqual(['a', 'b']);
      expect(await second.kinesis('us-east-1').listStreams()).toEqual([]);
    } finally {
      await second.stop();
    }
  });

  it('lets a stream created just before stop finish CREATING', async () => {
    const first = await startTestSandbox({ dataDir, createStreamMs: 150 });
    await first.kinesis().createStream('fresh', { mode: 'PROVISIONED', shardCount: 1 });
    expect((await first.kinesis().describeStreamSummary('fresh')).status).toBe('CREATING');
    await first.stop();

    const second = await startTestSandbox({ dataDir });
    try {
      expect((await second.kinesis().describeStreamSummary('fresh')).status).toBe('ACTIVE');
    } finally {
      await second.stop();
    }
  });

  it('refuses to start a second sandbox on a folder another one holds, naming the folder and its owner', async () => {
    const holder = await startTestSandbox({ dataDir });
    try {
      await expect(startTestSandbox({ dataDir })).rejects.toMatchObject({
        name: 'SandboxDataError',
        message: `The sandbox data folder ${dataDir} is in use by another kinesis-lab sandbox (process ${process.pid}). Stop that one first, or give this one another --data-dir.`,
      });
      expect(await holder.kinesis().listStreams()).toEqual([]);
    } finally {
      await holder.stop();
    }
    // Given back at stop: the next sandbox starts.
    const next = await startTestSandbox({ dataDir });
    await next.stop();
  });
});
