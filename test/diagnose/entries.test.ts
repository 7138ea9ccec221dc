import { ResourceInUseException } from '@aws-sdk/client-kinesis';
import { CredentialsProviderError } from '@smithy/core/config';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseEmptyMetrics, diagnosePipeState, diagnoseThrottledEntries } from '../../src/diagnose/catalog.js';
import { ACCOUNT, AWS_CTX, awsError, nodeError, SANDBOX_CTX } from './aws-errors.js';

describe('credentials', () => {
  it('no credentials on AWS: says how to set them up, and offers the sandbox', async () => {
    const diagnosis = await diagnose(new CredentialsProviderError('Could not load credentials from any providers', { tryNextLink: false }), { ...AWS_CTX, profile: 'lab' });
    expect(diagnosis.kind).toBe('no-credentials');
    expect(diagnosis.fix.en).toBe(
      'Set them up with aws configure (access key), or aws configure sso then aws sso login --profile lab. At an AWS event, paste the credentials from the event page into this terminal. CloudShell provides them already. Check with: aws sts get-caller-identity To practise without an AWS account, run kinesis-lab --sandbox.',
    );
  });

  it('no credentials in the sandbox: any placeholder values will do', async () => {
    const diagnosis = await diagnose(new CredentialsProviderError('Could not load credentials from any providers', { tryNextLink: true }), SANDBOX_CTX);
    expect(diagnosis.fix).toEqual({
      en: 'In the terminal that runs your script: export AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox',
      ko: '스크립트를 실행하는 터미널에서: export AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox',
    });
  });

  it('an expired token while in sandbox mode means the script called real AWS', async () => {
    const diagnosis = await diagnose(awsError('ExpiredTokenException', 'The security token included in the request is expired'), SANDBOX_CTX);
    expect(diagnosis.kind).toBe('expired-token');
    expect(diagnosis.fix.en).toMatch(/^The sandbox accepts any credentials, so this error came from real AWS: point your script at the sandbox with --endpoint-url http:\/\/127\.0\.0\.1:4567 /);
  });

  it('an SSO session that ran out: aws sso login with the profile in use', async () => {
    const diagnosis = await diagnose(
      new CredentialsProviderError('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.', { tryNextLink: true }),
      { ...AWS_CTX, profile: 'workshop' },
    );
    expect(diagnosis.kind).toBe('sso-session-expired');
    expect(diagnosis.fix.en).toBe('Sign in again: aws sso login --profile workshop — then run the step again.');
  });

  it.each([
    ['Could not resolve credentials using profile: [wrokshop] in configuration/credentials file(s).', 'wrokshop'],
    ['Profile wrokshop was not found.', 'wrokshop'],
  ])('a missing profile is named: %s', async (message, profile) => {
    const diagnosis = await diagnose(new CredentialsProviderError(message, { tryNextLink: true }), AWS_CTX);
    expect(diagnosis.kind).toBe('profile-not-found');
    expect(diagnosis.what.en).toBe(`The AWS profile "${profile}" has no usable credentials.`);
    expect(diagnosis.fix.en).toContain(`aws configure --profile ${profile}`);
  });

  it('tells a skewed clock from a wrong secret key, though AWS names both InvalidSignatureException', async () => {
    const skew = await diagnose(awsError('InvalidSignatureException', 'Signature not yet current: 20300101T000000Z is still later than 20240101T001000Z'), AWS_CTX);
    const key = await diagnose(awsError('InvalidSignatureException', 'The request signature we calculated does not match the signature you provided.'), AWS_CTX);
    expect([skew.kind, key.kind]).toEqual(['clock-skew', 'signature-mismatch']);
  });
});

describe('resource in use', () => {
  it('shows the state from the message and waits', async () => {
    const error = new ResourceInUseException({ message: `Stream input-stream under account ${ACCOUNT} not ACTIVE or UPDATING, instead in state DELETING`, $metadata: {} });
    const diagnosis = await diagnose(error, AWS_CTX);
    expect(diagnosis.what).toEqual({ en: 'Stream "input-stream" is DELETING, not ACTIVE.', ko: '"input-stream" 스트림의 상태가 ACTIVE가 아니라 DELETING입니다.' });
    expect(diagnosis.why.en).toBe('It is being deleted; once it is gone, the name can be used again.');
    expect(diagnosis.autoFix).toEqual({ type: 'wait-and-retry', delayMs: 5000 });
  });

  it('asks the probe for the state when the message does not say it', async () => {
    const asked: string[] = [];
    const probes = {
      findStreamInOtherRegions: async () => [],
      listStreamsHere: async () => [],
      streamStatus: async (name: string) => {
        asked.push(name);
        return 'UPDATING';
      },
    };
    const error = new ResourceInUseException({ message: `Stream input-stream under account ${ACCOUNT} is in use.`, $metadata: {} });
    const diagnosis = await diagnose(error, AWS_CTX, probes);
    expect(asked).toEqual(['input-stream']);
    expect(diagnosis.what.en).toBe('Stream "input-stream" is UPDATING, not ACTIVE.');
  });

  it('an existing stream on CreateStream is not something to wait for', async () => {
    const error = new ResourceInUseException({ message: `Stream input-stream under account ${ACCOUNT} already exists.`, $metadata: {} });
    const diagnosis = await diagnose(error, { ...AWS_CTX, operation: 'CreateStream' });
    expect(diagnosis.kind).toBe('stream-already-exists');
    expect(diagnosis.autoFix).toBeUndefined();
  });
});

describe('throttling', () => {
  it('a throttled shard: names the shard, explains the per-shard limits, backs off', async () => {
    const error = awsError('ProvisionedThroughputExceededException', `Rate exceeded for shard shardId-000000000001 in stream input-stream under account ${ACCOUNT}.`);
    const diagnosis = await diagnose(error, AWS_CTX);
    expect(diagnosis.what.en).toBe('Shard shardId-000000000001 of stream "input-stream" is getting more writes per second than it accepts.');
    expect(diagnosis.why.en).toContain('1,000 records/s and 1 MiB/s');
    expect(diagnosis.fix.en).toContain('aws kinesis update-shard-count --stream-name input-stream --target-shard-count 2 --scaling-type UNIFORM_SCALING --region ap-northeast-2');
    expect(diagnosis.fix.en).toContain('StreamMode=ON_DEMAND');
    expect(diagnosis.fix.en).toContain('partition keys');
    expect(diagnosis.autoFix).toEqual({ type: 'wait-and-retry', delayMs: 1000 });
  });

  it('PutRecords entries throttled', () => {
    const diagnosis = diagnoseThrottledEntries({ ProvisionedThroughputExceededException: 37, InternalFailure: 1 }, AWS_CTX);
    expect(diagnosis.kind).toBe('records-throttled');
    expect(diagnosis.what).toEqual({
      en: '38 records of a PutRecords call to "input-stream" failed (ProvisionedThroughputExceededException × 37, InternalFailure × 1), though the call itself returned HTTP 200.',
      ko: '"input-stream" 스트림에 보낸 PutRecords 호출은 HTTP 200으로 끝났지만 그중 레코드 38개가 실패했습니다(ProvisionedThroughputExceededException × 37, InternalFailure × 1).',
    });
    expect(diagnosis.why.en).toMatch(/^37 were throttled: the batch went over a shard's write limit\. Each shard accepts at most 1,000 records\/s and 1 MiB\/s/);
    expect(diagnosis.fix.en).toMatch(/^Send again only the entries that carry an ErrorCode/);
    expect(diagnosis.autoFix).toEqual({ type: 'wait-and-retry', delayMs: 1000 });
  });

  it('PutRecords entries with internal failures only, and with other codes', () => {
    expect(diagnoseThrottledEntries({ InternalFailure: 1 }, AWS_CTX).kind).toBe('records-internal-failure');
    expect(diagnoseThrottledEntries({ KMSThrottlingException: 2 }, AWS_CTX).kind).toBe('records-failed');
    const summaries: Record<string, number>[] = [{ ProvisionedThroughputExceededException: 1 }, { InternalFailure: 1 }, { KMSThrottlingException: 2 }];
    for (const codes of summaries) {
      const diagnosis = diagnoseThrottledEntries(codes, AWS_CTX);
      for (const part of [diagnosis.what, diagnosis.why, diagnosis.fix]) {
        expect(part.en).not.toBe('');
        expect(part.ko).toMatch(/[가-힣]/);
      }
    }
  });
});

describe('network', () => {
  it('a DNS failure caused by a misspelt region says which region was meant', async () => {
    const error = nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND kinesis.ap-northeast2.amazonaws.com', { hostname: 'kinesis.ap-northeast2.amazonaws.com' });
    const diagnosis = await diagnose(error, { ...AWS_CTX, region: 'ap-northeast2' });
    expect(diagnosis.kind).toBe('dns-failure');
    expect(diagnosis.what.en).toBe('Could not find the server for region ap-northeast2 (endpoint https://kinesis.ap-northeast2.amazonaws.com).');
    expect(diagnosis.why.en).toBe('The host name is built from the region, and the region is wrong: Region "ap-northeast2" is not an AWS region code; did you mean "ap-northeast-2"?');
    expect(diagnosis.autoFix).toBeUndefined();
  });

  it('a temporary DNS failure with a good region retries', async () => {
    const error = nodeError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN kinesis.ap-northeast-2.amazonaws.com', { hostname: 'kinesis.ap-northeast-2.amazonaws.com' });
    const diagnosis = await diagnose(error, AWS_CTX);
    expect(diagnosis.why.en).toBe('Name lookup for kinesis.ap-northeast-2.amazonaws.com failed for now: the network or its DNS server is not answering.');
    expect(diagnosis.autoFix).toEqual({ type: 'wait-and-retry', delayMs: 3000 });
  });

  it('names the CloudWatch endpoint for a metrics call', async () => {
    const diagnosis = await diagnose(Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' }), { ...AWS_CTX, operation: 'GetMetricData' });
    expect(diagnosis.what.en).toBe('No answer in time from region ap-northeast-2 (endpoint https://monitoring.ap-northeast-2.amazonaws.com).');
    expect(diagnosis.what.ko).toBe('ap-northeast-2 리전(엔드포인트 https://monitoring.ap-northeast-2.amazonaws.com)에서 제시간에 응답이 없었습니다.');
  });

  it('a refused custom endpoint on AWS points at --endpoint-url', async () => {
    const error = nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4566', { address: '127.0.0.1', port: 4566 });
    const diagnosis = await diagnose(error, { ...AWS_CTX, endpoint: 'http://127.0.0.1:4566' });
    expect(diagnosis.fix.en).toBe(
      'A custom endpoint is set (http://127.0.0.1:4566, from --endpoint-url or AWS_ENDPOINT_URL…); for real AWS, remove it. Check with: env | grep -i -E "endpoint|proxy"',
    );
  });
});

describe('pipes state', () => {
  it('a missing source permission shows the Kinesis source actions on the stream ARN', async () => {
    const arn = `arn:aws:kinesis:ap-northeast-2:${ACCOUNT}:stream/input-stream`;
    const diagnosis = await diagnosePipeState('lab-pipe', 'CREATE_FAILED', `Input parameter is invalid from the request due to : Cannot access stream ${arn}. Please ensure the customer role can perform actions on source stream`, AWS_CTX);
    expect(diagnosis.kind).toBe('pipe-missing-permission');
    expect(diagnosis.what.en).toBe('Pipe "lab-pipe" is CREATE_FAILED.');
    expect(diagnosis.fix.en).toContain('"kinesis:GetShardIterator"');
    expect(diagnosis.fix.en).toContain(`"Resource": "${arn}"`);
  });

  it('a denied action in the reason becomes exactly that statement', async () => {
    const diagnosis = await diagnosePipeState(
      'lab-pipe',
      'START_FAILED',
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/lab-pipe-role/pipes is not authorized to perform: logs:PutLogEvents on resource: arn:aws:logs:ap-northeast-2:${ACCOUNT}:log-group:/lab:*`,
      AWS_CTX,
    );
    expect(diagnosis.fix.en).toContain('"Action": "logs:PutLogEvents"');
  });

  it('a trust problem shows the trust policy for pipes.amazonaws.com', async () => {
    const diagnosis = await diagnosePipeState('lab-pipe', 'CREATE_FAILED', 'Unable to assume role arn:aws:iam::123456789012:role/lab-pipe-role', AWS_CTX);
    expect(diagnosis.kind).toBe('pipe-role-trust');
    expect(diagnosis.fix.en).toContain('"Service": "pipes.amazonaws.com"');
    expect(diagnosis.fix.en).toContain('"Action": "sts:AssumeRole"');
  });

  it('a pipe still being created is waited for', async () => {
    const diagnosis = await diagnosePipeState('lab-pipe', 'CREATING', '', AWS_CTX);
    expect(diagnosis).toMatchObject({ kind: 'pipe-settling', autoFix: { type: 'wait-and-retry', delayMs: 15_000 } });
  });
});

describe('empty metrics', () => {
  it('a delay a few minutes after sending is normal and waited for', async () => {
    const diagnosis = await diagnoseEmptyMetrics({ metricName: 'PutRecord.Success', streamName: 'input-stream', msSinceLastPut: 150_000 }, AWS_CTX);
    expect(diagnosis.kind).toBe('metrics-delay');
    expect(diagnosis.why.en).toMatch(/^Records were sent about 3 minutes ago\./);
    expect(diagnosis.autoFix).toEqual({ type: 'wait-and-retry', delayMs: 60_000 });
  });

  it('data under a similar stream name points at that stream', async () => {
    const diagnosis = await diagnoseEmptyMetrics(
      { metricName: 'PutRecords.Success', streamName: 'input-stream', msSinceLastPut: 60_000, streamsWithMetric: ['Input_Stream', 'orders'] },
      AWS_CTX,
    );
    expect(diagnosis.kind).toBe('metrics-wrong-dimension');
    expect(diagnosis.autoFix).toEqual({ type: 'switch-stream', stream: 'Input_Stream' });
  });

  it('long after sending, the query itself is suspect', async () => {
    const diagnosis = await diagnoseEmptyMetrics({ metricName: 'PutRecord.Success', streamName: 'input-stream', msSinceLastPut: 45 * 60_000 }, AWS_CTX);
    expect(diagnosis.kind).toBe('metrics-empty');
    expect(diagnosis.fix.en).toContain('aws cloudwatch list-metrics --namespace AWS/Kinesis --dimensions Name=StreamName,Value=input-stream');
  });
});

describe('unknown errors', () => {
  it('show name, message, endpoint, region and request ID, never a stack', async () => {
    const error = awsError('DryRunOperationException', 'Request would have succeeded.');
    const diagnosis = await diagnose(error, AWS_CTX);
    expect(diagnosis.what.en).toBe('PutRecord failed: DryRunOperationException: Request would have succeeded.');
    expect(diagnosis.why.en).toBe(
      'The call went to region ap-northeast-2 (endpoint https://kinesis.ap-northeast-2.amazonaws.com). Details: HTTP 400, request ID b1c2d3e4-0000-4000-8000-000000000001. The lab does not have an explanation for this error yet.',
    );
    expect(JSON.stringify(diagnosis)).not.toContain(' at ');
  });
});
