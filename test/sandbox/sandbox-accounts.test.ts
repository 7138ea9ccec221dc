/**
 * Every access key id is an AWS account of its own on the sandbox (issue 12): its own streams in
 * every region, its own account id in ARNs and in STS, and another account's ARN refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient, ListStreamsCommand, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { getCallerIdentity } from '../../src/aws/caller-identity.js';
import { accountIdFor } from '../../src/sandbox/sandbox-accounts.js';
import { SANDBOX_ACCOUNT_ID, SANDBOX_CREDENTIALS } from '../../src/sandbox/sandbox-types.js';
import { attachSts } from '../../src/sandbox/sts/sts-service.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const LEARNER_B = { accessKeyId: 'AKIALEARNERB00000001', secretAccessKey: 'learner-b-secret' };

describe('an account per access key', () => {
  let box: TestSandbox;
  let a: KinesisClient;
  let b: KinesisClient;
  beforeAll(async () => {
    box = await startTestSandbox();
    attachSts(box.sandbox);
    a = box.client();
    b = createKinesisClient({ region: 'us-east-1', endpoint: box.sandbox.url, credentials: LEARNER_B }, { maxAttempts: 1 });
  });
  afterAll(async () => {
    b.destroy();
    await box.stop();
  });

  it('derives a stable 12-digit account from a key, and keeps 000000000000 for the lab key and unsigned calls', () => {
    const account = accountIdFor(LEARNER_B.accessKeyId);
    expect(account).toMatch(/^\d{12}$/);
    expect(account).not.toBe(SANDBOX_ACCOUNT_ID);
    expect(accountIdFor(LEARNER_B.accessKeyId)).toBe(account);
    expect(accountIdFor('AKIALEARNERC00000001')).not.toBe(account);
    expect(accountIdFor(SANDBOX_CREDENTIALS.accessKeyId)).toBe(SANDBOX_ACCOUNT_ID);
    expect(accountIdFor(undefined)).toBe(SANDBOX_ACCOUNT_ID);
  });

  it('gives each account its own stream of the same name, with the account in its ARN', async () => {
    const accountB = accountIdFor(LEARNER_B.accessKeyId);
    await a.send(new CreateStreamCommand({ StreamName: 'input-stream', ShardCount: 1 }));
    await b.send(new CreateStreamCommand({ StreamName: 'input-stream', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    await box.waitForActive('input-stream');
    const summaryA = (await a.send(new DescribeStreamSummaryCommand({ StreamName: 'input-stream' }))).StreamDescriptionSummary;
    const summaryB = (await b.send(new DescribeStreamSummaryCommand({ StreamName: 'input-stream' }))).StreamDescriptionSummary;
    expect(summaryA?.StreamARN).toBe('arn:aws:kinesis:us-east-1:000000000000:stream/input-stream');
    expect(summaryB?.StreamARN).toBe(`arn:aws:kinesis:us-east-1:${accountB}:stream/input-stream`);
    expect([summaryA?.StreamModeDetails?.StreamMode, summaryB?.StreamModeDetails?.StreamMode]).toEqual(['PROVISIONED', 'ON_DEMAND']);
    // A's stream exists only for A.
    await a.send(new CreateStreamCommand({ StreamName: 'only-a', ShardCount: 1 }));
    expect((await b.send(new ListStreamsCommand({}))).StreamNames).toEqual(['input-stream']);
    await expect(b.send(new DescribeStreamSummaryCommand({ StreamName: 'only-a' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Stream only-a under account ${accountB} not found.`,
    });
  });

  it("refuses another account's ARN as AWS refuses a caller no resource policy lets in", async () => {
    const accountB = accountIdFor(LEARNER_B.accessKeyId);
    const arnOfA = 'arn:aws:kinesis:us-east-1:000000000000:stream/input-stream';
    await expect(b.send(new PutRecordCommand({ StreamARN: arnOfA, PartitionKey: 'k', Data: new Uint8Array([1]) }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::${accountB}:user/kinesis-lab-learner is not authorized to perform: kinesis:PutRecord on resource: ${arnOfA} because no resource-based policy allows the kinesis:PutRecord action`,
    });
  });

  it('shows the account in STS GetCallerIdentity', async () => {
    const identity = await getCallerIdentity({ region: 'us-east-1', endpoint: box.sandbox.url, credentials: LEARNER_B });
    expect(identity).toMatchObject({ account: accountIdFor(LEARNER_B.accessKeyId), arn: `arn:aws:iam::${accountIdFor(LEARNER_B.accessKeyId)}:user/kinesis-lab-learner` });
  });
});
