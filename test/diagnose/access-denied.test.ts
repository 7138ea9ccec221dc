import { AccessDeniedException } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { allowStatement, parseAccessDenied } from '../../src/diagnose/access-denied.js';
import { diagnose } from '../../src/diagnose/catalog.js';
import { ACCOUNT, AWS_CTX, awsError } from './aws-errors.js';

const role = `arn:aws:sts::${ACCOUNT}:assumed-role/WSParticipantRole/Participant`;
const streamArn = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/input-stream`;

describe('parseAccessDenied', () => {
  it('reads principal, action, resource and reason from the full sentence', () => {
    expect(
      parseAccessDenied(
        `User: ${role} is not authorized to perform: kinesis:DescribeStreamSummary on resource: ${streamArn} because no identity-based policy allows the kinesis:DescribeStreamSummary action`,
      ),
    ).toEqual({
      principal: role,
      action: 'kinesis:DescribeStreamSummary',
      resource: streamArn,
      reason: 'no identity-based policy allows the kinesis:DescribeStreamSummary action',
      explicitDeny: false,
    });
  });

  it('reads the older sentence without "because" (and its final full stop)', () => {
    expect(parseAccessDenied(`User: arn:aws:iam::${ACCOUNT}:user/student is not authorized to perform: kinesis:PutRecords on resource: ${streamArn}.`)).toEqual({
      principal: `arn:aws:iam::${ACCOUNT}:user/student`,
      action: 'kinesis:PutRecords',
      resource: streamArn,
      explicitDeny: false,
    });
  });

  it('reads a sentence without a resource (CloudWatch works on *)', () => {
    expect(
      parseAccessDenied(`User: ${role} is not authorized to perform: cloudwatch:GetMetricData because no identity-based policy allows the cloudwatch:GetMetricData action`),
    ).toEqual({
      principal: role,
      action: 'cloudwatch:GetMetricData',
      reason: 'no identity-based policy allows the cloudwatch:GetMetricData action',
      explicitDeny: false,
    });
  });

  it('recognises an explicit deny', () => {
    const parsed = parseAccessDenied(
      `User: ${role} is not authorized to perform: kinesis:CreateStream on resource: ${streamArn} with an explicit deny in a service control policy`,
    );
    expect(parsed).toMatchObject({ action: 'kinesis:CreateStream', resource: streamArn, reason: 'an explicit deny in a service control policy', explicitDeny: true });
  });

  it('returns undefined for other wording', () => {
    expect(parseAccessDenied('Access Denied')).toBeUndefined();
  });

  it('builds the statement that allows exactly that call', () => {
    expect(allowStatement({ action: 'kinesis:PutRecord', resource: streamArn })).toEqual({ Effect: 'Allow', Action: 'kinesis:PutRecord', Resource: streamArn });
    expect(allowStatement({ action: 'cloudwatch:GetMetricData' })).toEqual({ Effect: 'Allow', Action: 'cloudwatch:GetMetricData', Resource: '*' });
  });
});

describe('access-denied diagnosis', () => {
  it('names the role and shows the missing IAM statement as JSON', async () => {
    const error = new AccessDeniedException({
      message: `User: ${role} is not authorized to perform: kinesis:PutRecord on resource: ${streamArn} because no identity-based policy allows the kinesis:PutRecord action`,
      $metadata: { httpStatusCode: 400 },
    });
    const diagnosis = await diagnose(error, AWS_CTX);
    expect(diagnosis.what).toEqual({
      en: `The IAM role "WSParticipantRole" may not call kinesis:PutRecord on ${streamArn}.`,
      ko: `IAM 역할 "WSParticipantRole"에 ${streamArn} 대상 kinesis:PutRecord 권한이 없습니다.`,
    });
    const statement = ['  {', '    "Effect": "Allow",', '    "Action": "kinesis:PutRecord",', `    "Resource": "${streamArn}"`, '  }'].join('\n');
    expect(diagnosis.fix.en).toBe(
      `Add this statement to a policy of the IAM role "WSParticipantRole" (IAM console → Roles → Add permissions → Create inline policy → JSON), or ask whoever runs the account:\n${statement}\nTo practise without an AWS account, run kinesis-lab --sandbox.`,
    );
    expect(diagnosis.fix.ko).toContain(statement);
  });

  it('says an Allow will not help against an explicit deny', async () => {
    const error = awsError('AccessDeniedException', `User: ${role} is not authorized to perform: kinesis:CreateStream on resource: ${streamArn} with an explicit deny in a service control policy`);
    const diagnosis = await diagnose(error, AWS_CTX);
    expect(diagnosis.why.en).toBe('An explicit Deny blocks it (an explicit deny in a service control policy). A Deny always wins, so adding an Allow will not help.');
    expect(diagnosis.fix.en).not.toContain('"Effect"');
  });

  it('still explains a message it cannot parse', async () => {
    const diagnosis = await diagnose(awsError('AccessDeniedException', 'Access Denied'), AWS_CTX);
    expect(diagnosis.kind).toBe('access-denied');
    expect(diagnosis.what.en).toBe('AWS denied the request (PutRecord).');
    expect(diagnosis.why.en).toBe('The identity in use lacks a permission. AWS said: Access Denied');
  });
});
