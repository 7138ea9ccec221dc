/**
 * The sandbox's data folder under the things that go wrong: a half-written journal line, a damaged
 * snapshot, a --data-dir that is a file or sits under one, a start that fails after the lock was
 * taken, and a reader whose shard iterator must still work after a restart.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-kinesis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/create-sandbox.js';
import { startTestSandbox } from '../fixtures/sandbox.js';

const text = (value: string) => new TextEncoder().encode(value);

describe('the sandbox data folder', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kinesis-lab-durable-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  async function seed(): Promise<void> {
    const box = await startTestSandbox({ dataDir });
    await box.kinesis().createStream('kept', { mode: 'PROVISIONED', shardCount: 1 });
    await box.waitForActive('kept');
    await box.kinesis().putRecords('kept', ['a', 'b'].map((key) => ({ partitionKey: key, data: text(key) })));
    await box.stop();
  }

  it('cuts a half-written last journal line off, says so, and keeps everything before it', async () => {
    const box = await startTestSandbox({ dataDir });
    await box.kinesis().createStream('torn', { mode: 'PROVISIONED', shardCount: 1 });
    await box.waitForActive('torn');
    await box.kinesis().putRecord('torn', { partitionKey: 'k', data: text('whole') });
    // As after kill -9 mid-write: the journal holds the acknowledged call and half of the next.
    const journal = await readFile(join(dataDir, 'kinesis.journal.jsonl'));
    await box.stop();
    await writeFile(join(dataDir, 'kinesis.journal.jsonl'), Buffer.concat([journal, Buffer.from('{"n":99,"c":{"k":"put","acc')]));
    await rm(join(dataDir, 'kinesis.snapshot.jsonl'));

    const after = await startTestSandbox({ dataDir });
    try {
      expect(after.sandbox.notices.map((n) => n.en)).toEqual([
        `The last entry of ${join(dataDir, 'kinesis.journal.jsonl')} was half written (the sandbox was stopped while writing it) and was dropped; the call it belonged to had not been answered.`,
      ]);
      expect(after.sandbox.notices[0]?.ko).toContain('마지막 항목');
      expect((await after.kinesis().readStream('torn')).map((r) => new TextDecoder().decode(r.data))).toEqual(['whole']);
    } finally {
      await after.stop();
    }
  });

  it('moves a damaged snapshot aside with a message naming it and how to start fresh', async () => {
    await seed();
    await writeFile(join(dataDir, 'kinesis.snapshot.jsonl'), '{"section":"kinesis","formatVersion":1,"lsn":3}\nnot json\n');
    const box = await startTestSandbox({ dataDir });
    try {
      const [notice] = box.sandbox.notices;
      expect(notice?.en).toMatch(new RegExp(`^The sandbox data file ${join(dataDir, 'kinesis.snapshot.jsonl')} is damaged \\(a line is not JSON\\) and was moved to ${join(dataDir, 'kinesis.snapshot.jsonl')}\\.damaged-[\\dTZ-]+; the sandbox started without what it held\\. To start with an empty sandbox instead, stop it and delete ${dataDir}\\.$`));
      expect(await box.kinesis().listStreams()).toEqual([]);
      expect((await readdir(dataDir)).filter((file) => file.includes('.damaged-'))).toHaveLength(1);
    } finally {
      await box.stop();
    }
  });

  it('refuses a --data-dir that is a file, or that sits under a file, before listening', async () => {
    const file = join(dataDir, 'not-a-folder');
    await writeFile(file, 'x');
    await expect(createSandbox({ dataDir: file })).rejects.toMatchObject({
      name: 'SandboxDataError',
      message: `The sandbox data folder ${file} is a file, not a folder. Give --data-dir a folder (it is created if missing).`,
    });
    await expect(createSandbox({ dataDir: join(file, 'inside') })).rejects.toMatchObject({
      name: 'SandboxDataError',
      message: `The sandbox data folder ${join(file, 'inside')} cannot be created (ENOTDIR). Give --data-dir a folder you can write to.`,
    });
  });

  it('gives the lock back when the start fails after taking it', async () => {
    const holder = await createSandbox({});
    try {
      await expect(createSandbox({ dataDir, port: holder.port })).rejects.toThrow(`Port ${holder.port} on 127.0.0.1 is already in use`);
      expect(await readdir(dataDir)).not.toContain('sandbox.lock');
      const next = await createSandbox({ dataDir });
      await next.stop();
    } finally {
      await holder.stop();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    await writeFile(join(dataDir, 'sandbox.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, startedAt: '2026-01-01T00:00:00.000Z' }));
    const box = await createSandbox({ dataDir });
    expect(JSON.parse(await readFile(join(dataDir, 'sandbox.lock'), 'utf8'))).toMatchObject({ pid: process.pid });
    await box.stop();
  });

  it('keeps a shard iterator working across a restart on the same data', async () => {
    await seed();
    const first = await startTestSandbox({ dataDir });
    const issued = await first.client().send(new GetShardIteratorCommand({ StreamName: 'kept', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    await first.stop();
    const second = await startTestSandbox({ dataDir });
    try {
      const read = await second.client().send(new GetRecordsCommand({ ShardIterator: issued.ShardIterator }));
      expect(read.Records?.map((r) => r.PartitionKey)).toEqual(['a', 'b']);
    } finally {
      await second.stop();
    }
  });

  it('says when a journal written by a newer kinesis-lab cannot be read, rather than misreading it', async () => {
    await seed();
    const snapshot = await readFile(join(dataDir, 'kinesis.snapshot.jsonl'), 'utf8');
    await writeFile(join(dataDir, 'kinesis.snapshot.jsonl'), snapshot.replace(/"formatVersion":\d+/, '"formatVersion":7'));
    const box = await startTestSandbox({ dataDir });
    try {
      expect(box.sandbox.notices[0]?.en).toContain('was written by a newer kinesis-lab (format 7)');
    } finally {
      await box.stop();
    }
  });
});
