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

    expect(await readdir(dataDir)).toEqual(['ap-northeast-2']);
    expect((await readdir(join(dataDir, 'ap-northeast-2'))).sort()).toEqual(['kinesalite', 'stream-settings.json']);

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

  it('answers with InternalFailure naming the folder when another sandbox holds it', async () => {
    const holder = await startTestSandbox({ dataDir });
    const other = await startTestSandbox({ dataDir });
    try {
      await holder.kinesis().listStreams();
      await expect(other.kinesis().listStreams()).rejects.toMatchObject({
        name: 'InternalFailure',
        message: expect.stringContaining(`The sandbox data folder ${join(dataDir, 'us-east-1', 'kinesalite')} cannot be opened`),
      });
    } finally {
      await other.stop();
      await holder.stop();
    }
  });
});
