import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, GetRoleCommand, GetRolePolicyCommand, ListRoleTagsCommand, PutRolePolicyCommand, TagRoleCommand,
} from '@aws-sdk/client-iam';
import { startPipesSandbox, TRUST_POLICY } from './pipes-helpers.js';
import type { PipesTestBox } from './pipes-helpers.js';

let t: PipesTestBox;

beforeAll(async () => {
  t = await startPipesSandbox();
});

afterAll(async () => {
  await t.stop();
});

async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

const SOURCE_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListShards'], Resource: '*' }],
});

describe('IAM roles in the sandbox', () => {
  it('creates a role and returns it as IAM does, trust policy URL-encoded', async () => {
    const created = await t.iam.send(new CreateRoleCommand({ RoleName: 'lab-pipe-role', AssumeRolePolicyDocument: TRUST_POLICY, Description: 'pipe role', Tags: [{ Key: 'lab', Value: 'kinesis' }] }));
    expect(created.Role).toMatchObject({ RoleName: 'lab-pipe-role', Path: '/', Arn: 'arn:aws:iam::000000000000:role/lab-pipe-role', Description: 'pipe role', MaxSessionDuration: 3600 });
    expect(created.Role?.RoleId).toMatch(/^AROA[0-9A-F]{17}$/);
    const got = await t.iam.send(new GetRoleCommand({ RoleName: 'lab-pipe-role' }));
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(TRUST_POLICY);
    expect(got.Role?.Tags).toEqual([{ Key: 'lab', Value: 'kinesis' }]);
  });

  it('refuses a second role with the same name (case-insensitively)', async () => {
    const error = await failure(t.iam.send(new CreateRoleCommand({ RoleName: 'LAB-PIPE-ROLE', AssumeRolePolicyDocument: TRUST_POLICY })));
    expect(error.name).toBe('EntityAlreadyExistsException');
    expect(error.$metadata?.httpStatusCode).toBe(409);
  });

  it('refuses a trust policy that is not JSON', async () => {
    const error = await failure(t.iam.send(new CreateRoleCommand({ RoleName: 'broken', AssumeRolePolicyDocument: '{not json' })));
    expect(error.name).toBe('MalformedPolicyDocumentException');
  });

  it('keeps inline policies and will not delete a role that still has one', async () => {
    await t.iam.send(new CreateRoleCommand({ RoleName: 'with-policy', AssumeRolePolicyDocument: TRUST_POLICY }));
    await t.iam.send(new PutRolePolicyCommand({ RoleName: 'with-policy', PolicyName: 'source', PolicyDocument: SOURCE_POLICY }));
    const policy = await t.iam.send(new GetRolePolicyCommand({ RoleName: 'with-policy', PolicyName: 'source' }));
    expect(decodeURIComponent(policy.PolicyDocument ?? '')).toBe(SOURCE_POLICY);

    const conflict = await failure(t.iam.send(new DeleteRoleCommand({ RoleName: 'with-policy' })));
    expect(conflict.name).toBe('DeleteConflictException');
    await t.iam.send(new DeleteRolePolicyCommand({ RoleName: 'with-policy', PolicyName: 'source' }));
    await t.iam.send(new DeleteRoleCommand({ RoleName: 'with-policy' }));
    const gone = await failure(t.iam.send(new GetRoleCommand({ RoleName: 'with-policy' })));
    expect(gone.name).toBe('NoSuchEntityException');
    expect(gone.message).toBe('The role with name with-policy cannot be found.');
    expect(gone.$metadata?.httpStatusCode).toBe(404);
  });

  it('adds tags with TagRole and lists them', async () => {
    await t.iam.send(new CreateRoleCommand({ RoleName: 'tag-me', AssumeRolePolicyDocument: TRUST_POLICY }));
    await t.iam.send(new TagRoleCommand({ RoleName: 'tag-me', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }));
    const tags = await t.iam.send(new ListRoleTagsCommand({ RoleName: 'tag-me' }));
    expect(tags.Tags).toEqual([{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }]);
    expect(tags.IsTruncated).toBe(false);
  });

  it('tells Pipes which roles exist', () => {
    expect(t.handle.iam.findByArn('arn:aws:iam::000000000000:role/lab-pipe-role')?.roleName).toBe('lab-pipe-role');
    expect(t.handle.iam.findByArn('arn:aws:iam::123456789012:role/lab-pipe-role')).toBeUndefined();
  });
});
