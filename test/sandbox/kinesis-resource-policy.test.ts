/**
 * A stream's resource policy (PutResourcePolicy) is what lets another account use it, as a class
 * stream in the instructor's account takes learners' puts: only what it grants, only for whom it
 * names, managed by the owner alone, and gone again with DeleteResourcePolicy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateStreamCommand, DeleteResourcePolicyCommand, GetRecordsCommand, GetResourcePolicyCommand, GetShardIteratorCommand,
  KinesisClient, PutRecordCommand, PutRecordsCommand, PutResourcePolicyCommand,
} from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '../../src/aws/kinesis-client.js';
import { classStreamPolicy } from '../../src/classroom/class-policy.js';
import { accountIdFor } from '../../src/sandbox/sandbox-accounts.js';
import { startTestSandbox, type TestSandbox } from '../fixtures/sandbox.js';

const LEARNER_B = { accessKeyId: 'AKIALEARNERB00000001', secretAccessKey: 'learner-b-secret' };
const LEARNER_C = { accessKeyId: 'AKIALEARNERC00000001', secretAccessKey: 'learner-c-secret' };
const ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/kinesis-lab-class';
const data = new TextEncoder().encode('{"learner":"b"}');

function denied(account: string, action: string): object {
  return { name: 'AccessDeniedException', message: `User: arn:aws:iam::${account}:user/kinesis-lab-learner is not authorized to perform: kinesis:${action} on resource: ${ARN} because no resource-based policy allows the kinesis:${action} action` };
}

describe('a stream shared with other accounts by its resource policy', () => {
  let box: TestSandbox;
  let owner: KinesisClient;
  let b: KinesisClient;
  let c: KinesisClient;
  const accountB = accountIdFor(LEARNER_B.accessKeyId);
  const accountC = accountIdFor(LEARNER_C.accessKeyId);
  beforeAll(async () => {
    box = await startTestSandbox();
    owner = box.client();
    b = createKinesisClient({ region: 'us-east-1', endpoint: box.sandbox.url, credentials: LEARNER_B }, { maxAttempts: 1 });
    c = createKinesisClient({ region: 'us-east-1', endpoint: box.sandbox.url, credentials: LEARNER_C }, { maxAttempts: 1 });
    await owner.send(new CreateStreamCommand({ StreamName: 'kinesis-lab-class', ShardCount: 1 }));
    await box.waitForActive('kinesis-lab-class');
  });
  afterAll(async () => {
    b.destroy();
    c.destroy();
    await box.stop();
  });

  it('takes puts from the accounts the policy names, and nothing else from them', async () => {
    await expect(b.send(new PutRecordCommand({ StreamARN: ARN, PartitionKey: 'b', Data: data }))).rejects.toMatchObject(denied(accountB, 'PutRecord'));
    await owner.send(new PutResourcePolicyCommand({ ResourceARN: ARN, Policy: classStreamPolicy(ARN, { kind: 'accounts', accounts: [accountB] }) }));
    const put = await b.send(new PutRecordCommand({ StreamARN: ARN, PartitionKey: 'b', Data: data }));
    expect(put.ShardId).toBe('shardId-000000000000');
    const batch = await b.send(new PutRecordsCommand({ StreamARN: ARN, Records: [{ PartitionKey: 'b', Data: data }] }));
    expect(batch.FailedRecordCount).toBe(0);
    // Not named: C. Not granted: reading, even for B.
    await expect(c.send(new PutRecordCommand({ StreamARN: ARN, PartitionKey: 'c', Data: data }))).rejects.toMatchObject(denied(accountC, 'PutRecord'));
    await expect(b.send(new GetShardIteratorCommand({ StreamARN: ARN, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).rejects.toMatchObject(denied(accountB, 'GetShardIterator'));
    // B's puts are in the owner's stream, not in a stream of B's own.
    const iterator = (await owner.send(new GetShardIteratorCommand({ StreamName: 'kinesis-lab-class', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    const read = await owner.send(new GetRecordsCommand({ ShardIterator: iterator }));
    expect(read.Records?.map((r) => new TextDecoder().decode(r.Data))).toEqual(['{"learner":"b"}', '{"learner":"b"}']);
  });

  it('lets another account read where the policy grants reads', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountC}:root` }, Action: ['kinesis:GetShardIterator', 'kinesis:GetRecords'], Resource: ARN }],
    });
    await owner.send(new PutResourcePolicyCommand({ ResourceARN: ARN, Policy: policy }));
    expect((await owner.send(new GetResourcePolicyCommand({ ResourceARN: ARN }))).Policy).toBe(policy);
    const iterator = (await c.send(new GetShardIteratorCommand({ StreamARN: ARN, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    expect((await c.send(new GetRecordsCommand({ ShardIterator: iterator }))).Records).toHaveLength(2);
    // The iterator is C's, not B's: B cannot read with it.
    await expect(b.send(new GetRecordsCommand({ ShardIterator: iterator }))).rejects.toMatchObject({ name: 'InvalidArgumentException', message: 'Invalid ShardIterator.' });
  });

  it('leaves the policy to the owner, and a deleted policy lets nobody in', async () => {
    await expect(c.send(new PutResourcePolicyCommand({ ResourceARN: ARN, Policy: classStreamPolicy(ARN, { kind: 'room' }) }))).rejects.toMatchObject(denied(accountC, 'PutResourcePolicy'));
    await expect(owner.send(new PutResourcePolicyCommand({ ResourceARN: ARN, Policy: 'not json' }))).rejects.toMatchObject({ name: 'InvalidArgumentException' });
    await owner.send(new PutResourcePolicyCommand({ ResourceARN: ARN, Policy: classStreamPolicy(ARN, { kind: 'room' }) }));
    await c.send(new PutRecordCommand({ StreamARN: ARN, PartitionKey: 'c', Data: data }));
    await owner.send(new DeleteResourcePolicyCommand({ ResourceARN: ARN }));
    expect((await owner.send(new GetResourcePolicyCommand({ ResourceARN: ARN }))).Policy).toBe('{}');
    await expect(c.send(new PutRecordCommand({ StreamARN: ARN, PartitionKey: 'c', Data: data }))).rejects.toMatchObject(denied(accountC, 'PutRecord'));
  });
});
