import { describe, expect, it } from 'vitest';
import { classStreamPolicy, parseAudience } from './class-policy.js';

const ARN = 'arn:aws:kinesis:ap-northeast-2:999988887777:stream/kinesis-lab-class';

describe('class stream policy', () => {
  it('lets the listed accounts put records on this stream and nothing else', () => {
    expect(JSON.parse(classStreamPolicy(ARN, { kind: 'accounts', accounts: ['111122223333', '444455556666'] }))).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'LearnersPutClassProgressEvents', Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'] },
        Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: ARN,
      }],
    });
  });

  it('lets every account of a room sandbox put records on this stream and nothing else', () => {
    expect((JSON.parse(classStreamPolicy(ARN, { kind: 'room' })) as { Statement: unknown[] }).Statement).toEqual([{
      Sid: 'LearnersPutClassProgressEvents', Effect: 'Allow', Principal: { AWS: '*' },
      Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: ARN,
    }]);
  });

  it('lets every account of an organization put records, by aws:PrincipalOrgID', () => {
    expect((JSON.parse(classStreamPolicy(ARN, { kind: 'organization', orgId: 'o-abc123def4' })) as { Statement: unknown[] }).Statement).toEqual([{
      Sid: 'LearnersPutClassProgressEvents', Effect: 'Allow', Principal: { AWS: '*' },
      Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: ARN,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } },
    }]);
  });

  it('reads --accounts and --org, refusing anything else before the stream exists', () => {
    expect(parseAudience(' 111122223333, 111122223333,444455556666', undefined)).toEqual({ ok: true, value: { kind: 'accounts', accounts: ['111122223333', '444455556666'] } });
    expect(parseAudience(undefined, 'o-abc123def4')).toEqual({ ok: true, value: { kind: 'organization', orgId: 'o-abc123def4' } });
    expect(parseAudience('1234', undefined)).toMatchObject({ ok: false, message: { en: '--accounts needs 12-digit account ids separated by commas, not "1234"' } });
    expect(parseAudience(undefined, 'org-1')).toMatchObject({ ok: false, message: { en: '--org "org-1" is not an organization id like o-abc123def4' } });
    expect(parseAudience('111122223333', 'o-abc123def4')).toMatchObject({ ok: false, message: { en: 'use either --accounts or --org, not both' } });
    expect(parseAudience(undefined, undefined)).toMatchObject({ ok: false });
  });
});
