/**
 * Issue 11's region flood: thousands of invented regions and every real but empty region cost the
 * sandbox nothing — refused or answered without allocating, no file handles, no files.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_REGION_PARTITIONS } from '../../src/sandbox/aws-regions.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function liveHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

const signed = (region: string, key = 'AKIAKINESISLAB000000') =>
  `AWS4-HMAC-SHA256 Credential=${key}/20261122/${region}/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;

describe('a flood of regions', () => {
  let dataDir: string;
  let box: TestSandbox;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kinesis-lab-flood-'));
    box = await startTestSandbox({ dataDir });
  });
  afterAll(async () => {
    await box.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const call = (region: string, operation: string, body: unknown, key?: string) =>
    fetch(box.sandbox.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Kinesis_20131202.${operation}`, 'x-amz-date': '20261122T000000Z', authorization: signed(region, key) },
      body: JSON.stringify(body),
    });

  it('refuses invented regions with AWS error and allocates nothing for them or for empty real regions', async () => {
    const files = (await readdir(dataDir)).sort();
    const journal = (await stat(join(dataDir, 'kinesis.journal.jsonl'))).size;
    const handles = process.getActiveResourcesInfo().length;
    // Warm up the code paths once, so what is measured is what the flood adds.
    await (await call('us-east-1', 'ListStreams', {})).text();
    const heapBefore = liveHeap();

    for (let i = 0; i < 3000; i++) {
      const response = await call(`xx-invented-${i}`, 'ListStreams', {});
      if (i === 0) {
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({ __type: 'InvalidSignatureException', message: "Credential should be scoped to a valid region, not 'xx-invented-0'." });
      } else {
        await response.arrayBuffer();
      }
    }
    // Every real region, many accounts, read-only: ListStreams and a missing stream, as the lab's cross-region diagnosis asks.
    for (const region of Object.keys(AWS_REGION_PARTITIONS)) {
      for (let learner = 0; learner < 20; learner++) {
        const key = `AKIAFLOOD${String(learner).padStart(11, '0')}`;
        expect((await call(region, 'ListStreams', {}, key)).status).toBe(200);
        expect((await call(region, 'DescribeStreamSummary', { StreamName: 'input-stream' }, key)).status).toBe(400);
      }
    }

    expect((await readdir(dataDir)).sort()).toEqual(files);
    expect((await stat(join(dataDir, 'kinesis.journal.jsonl'))).size).toBe(journal);
    expect(process.getActiveResourcesInfo().length).toBeLessThanOrEqual(handles + 4);
    // kinesalite cost 79 MB per 1,000 regions; the live heap may move a little with caches the runtime keeps.
    expect(liveHeap() - heapBefore).toBeLessThan(8 * 1024 * 1024);
    // About 4,500 HTTP calls one after another: 8 s on a quiet machine, 26 s seen on a loaded 2-core
    // one, so the in-process default of 30 s would make it flaky; its bounds are the assertions above.
  }, 120_000);
});
