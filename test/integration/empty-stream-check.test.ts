import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRecordsInStream } from '../../src/checks/records-in-stream.js';
import { buildLabContext } from '../../src/cli/build-lab-context.js';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';

describe('records-in-stream on an empty stream', () => {
  let box: TestSandbox;
  beforeAll(async () => {
    box = await startTestSandbox();
    await box.kinesis().createStream('empty-trips', { mode: 'PROVISIONED', shardCount: 2 });
    await box.waitForActive('empty-trips');
  });
  afterAll(() => box.stop());

  it('fails with "no records" and still counts the shards it read', async () => {
    const ctx = buildLabContext({ lang: 'en', stream: 'empty-trips', target: 'sandbox', embeddedSandbox: false, region: 'us-east-1', regionSource: 'flag', endpoint: box.sandbox.url }, 'kinesis-data-streams');
    const result = await checkRecordsInStream(ctx, 'put-record');
    expect(result).toMatchObject({ outcome: 'failed', errorKind: 'no-records', summary: { en: 'No records in empty-trips yet.' } });
    expect(result.evidence[0]?.en).toBe('Read 0 record(s) from 2 shard(s) of empty-trips (us-east-1), from the oldest.');
  });
});
