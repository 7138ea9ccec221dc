/**
 * The sandbox's own clients (the pipe runner's) reach it through the in-process handler: the SDK's
 * requests arrive whole, answers come back as over HTTP, and the SDK prints nothing while they do
 * (a warning from it lands above the learner's full screen).
 */
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inProcessHandler } from '../../src/sandbox/in-process-handler.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import { startTestSandbox, TEST_REGION, type TestSandbox } from '../fixtures/sandbox.js';

describe('the in-process handler', () => {
  let box: TestSandbox;
  beforeAll(async () => {
    box = await startTestSandbox();
  });
  afterAll(() => box.stop());

  it('carries JSON requests and answers, and the SDK warns of nothing', async () => {
    const warn = vi.spyOn(console, 'warn');
    const client = new KinesisClient({ region: TEST_REGION, credentials: SANDBOX_CREDENTIALS, requestHandler: inProcessHandler(box.sandbox), maxAttempts: 1 });
    try {
      await client.send(new CreateStreamCommand({ StreamName: 'in-process', ShardCount: 1 }));
      await box.waitForActive('in-process');
      const summary = await client.send(new DescribeStreamSummaryCommand({ StreamName: 'in-process' }));
      expect(summary.StreamDescriptionSummary?.StreamStatus).toBe('ACTIVE');
      const put = await client.send(new PutRecordCommand({ StreamName: 'in-process', PartitionKey: 'k', Data: new TextEncoder().encode('{"fare":12.5}') }));
      expect(put.ShardId).toBe('shardId-000000000000');
      expect(put.SequenceNumber).toMatch(/^\d+$/);
      expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([]);
    } finally {
      warn.mockRestore();
      client.destroy();
    }
  });
});
