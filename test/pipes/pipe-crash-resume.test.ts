/**
 * A RUNNING pipe on a sandbox with a data folder resumes after a crash where it stopped, and sends
 * nothing twice — even when the crash fell between a batch reaching the target and its checkpoint.
 * That moment is made exactly: the folder is copied while the sandbox runs, and the pipes journal of
 * the copy is cut just before its last checkpoint line, as if the process had died before writing it.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { CreatePipeCommand, DescribePipeCommand } from '@aws-sdk/client-pipes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { accountClients, type AccountClients } from '../fixtures/account-clients.js';
import { streamToStreamPipe, TRUST_POLICY, waitFor } from './pipes-helpers.js';

const REGION = 'us-west-2';
const arn = (name: string) => `arn:aws:kinesis:${REGION}:000000000000:stream/${name}`;

/** How many times each source record (its eventID) is in the target. */
async function deliveries(c: AccountClients): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  for (const shard of (await c.kinesis.send(new ListShardsCommand({ StreamName: 'target' }))).Shards ?? []) {
    let iterator = (await c.kinesis.send(new GetShardIteratorCommand({ StreamName: 'target', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    while (iterator) {
      const page = await c.kinesis.send(new GetRecordsCommand({ ShardIterator: iterator }));
      for (const record of page.Records ?? []) {
        const { eventID } = JSON.parse(Buffer.from(record.Data ?? []).toString('utf8')) as { eventID: string };
        seen.set(eventID, (seen.get(eventID) ?? 0) + 1);
      }
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return seen;
}

async function put(c: AccountClients, from: number, count: number): Promise<void> {
  await c.kinesis.send(new PutRecordsCommand({ StreamName: 'source', Records: Array.from({ length: count }, (_, i) => ({ PartitionKey: `key-${from + i}`, Data: Buffer.from(JSON.stringify({ n: from + i })) })) }));
}

describe('a RUNNING pipe across a crash', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kl-pipe-crash-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const start = (dataDir: string) => startLabSandbox({ dataDir, createStreamMs: 0, pipeCreatingMs: 100 });

  it('resumes from its checkpoint and completes the batch a crash cut off without sending it twice', async () => {
    const dataDir = join(dir, 'data');
    const image = join(dir, 'image');
    const first = await start(dataDir);
    const c = accountClients(first.url, REGION);
    let pipeArn: string;
    try {
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'source', ShardCount: 2 }));
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'target', ShardCount: 1 }));
      const role = await c.iam.send(new CreateRoleCommand({ RoleName: 'pipe-role', AssumeRolePolicyDocument: TRUST_POLICY }));
      pipeArn = (await c.pipes.send(new CreatePipeCommand(streamToStreamPipe('crash-pipe', arn('source'), arn('target'), role.Role?.Arn, 10)))).Arn!;
      await put(c, 0, 30);
      await waitFor('30 records delivered', () => (first.pipes.runStatus(pipeArn)?.delivered === 30 ? true : undefined), 15_000);
      await cp(dataDir, image, { recursive: true });
    } finally {
      c.stop();
      await first.stop();
    }

    // The process died after the last batch reached the target, before its checkpoint was journaled.
    const journal = join(image, 'pipes.journal.jsonl');
    const lines = (await readFile(journal, 'utf8')).split('\n').filter(Boolean);
    const lastCheckpoint = lines.map((line) => line.includes('"k":"checkpoint"')).lastIndexOf(true);
    const cut = JSON.parse(lines[lastCheckpoint]!) as { c: { shard: string; delivered: number } };
    // Its delivery had begun (journaled before the batch was sent), so the restart knows to look.
    const ofShard = lines.slice(0, lastCheckpoint).filter((line) => line.includes(`"shard":"${cut.c.shard}"`));
    expect(ofShard.at(-1)).toContain('"k":"begin"');
    await writeFile(journal, `${lines.slice(0, lastCheckpoint).join('\n')}\n`);

    const again = await start(image);
    const d = accountClients(again.url, REGION);
    try {
      // Resumed from the journal: the checkpoint before the cut, the cut batch counted once it is recovered.
      await waitFor('the cut batch recovered', () => (again.pipes.runStatus(pipeArn)?.delivered === 30 ? true : undefined), 15_000);
      expect((await d.pipes.send(new DescribePipeCommand({ Name: 'crash-pipe' }))).CurrentState).toBe('RUNNING');
      expect(cut.c.delivered).toBeGreaterThan(0);
      // And it keeps delivering what arrives after the restart.
      await put(d, 30, 12);
      await waitFor('42 records delivered', () => (again.pipes.runStatus(pipeArn)?.delivered === 42 ? true : undefined), 15_000);
      const seen = await deliveries(d);
      expect(seen.size).toBe(42);
      expect([...seen.values()].filter((times) => times !== 1)).toEqual([]);
    } finally {
      d.stop();
      await again.stop();
    }
  }, 60_000);
});
