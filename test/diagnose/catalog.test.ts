import {
  AccessDeniedException,
  InvalidArgumentException,
  KMSAccessDeniedException,
  KMSDisabledException,
  KMSInvalidStateException,
  KMSNotFoundException,
  KMSOptInRequired,
  KMSThrottlingException,
  LimitExceededException,
  ProvisionedThroughputExceededException,
  ResourceInUseException,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-kinesis';
import { CredentialsProviderError, TokenProviderError } from '@smithy/core/config';
import { describe, expect, it } from 'vitest';
import type { StreamProbes } from '../../src/diagnose/catalog-entry.js';
import { CATALOG, diagnose, EmptyMetricsFailure, PipeStateFailure } from '../../src/diagnose/catalog.js';
import type { DiagnosisContext } from '../../src/diagnose/diagnosis.js';
import { keyWordingIn } from '../fixtures/key-wording.js';
import { ACCOUNT, AWS_CTX, awsError, nodeError, SANDBOX_CTX } from './aws-errors.js';

const meta = { $metadata: { httpStatusCode: 400 } };
const streamArn = `arn:aws:kinesis:ap-northeast-2:${ACCOUNT}:stream/input-stream`;
const keyArn = `arn:aws:kms:ap-northeast-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const noProbes: StreamProbes = { findStreamInOtherRegions: async () => [], listStreamsHere: async () => [] };

interface Case {
  error: unknown;
  ctx?: DiagnosisContext;
  probes?: StreamProbes;
}

/** One realistic error per catalog kind. The first test makes sure no kind is missing here. */
const CASES: Record<string, Case> = {
  'pipe-settling': { error: new PipeStateFailure('lab-pipe', 'CREATING', '') },
  'pipe-role-trust': { error: new PipeStateFailure('lab-pipe', 'CREATE_FAILED', 'Pipes does not have permission to assume the provided role arn:aws:iam::123456789012:role/lab-pipe-role') },
  'pipe-missing-permission': {
    error: new PipeStateFailure('lab-pipe', 'CREATE_FAILED', `Input parameter is invalid from the request due to : Cannot access stream ${streamArn}. Please ensure the customer role can perform actions on source stream`),
  },
  'pipe-missing-resource': { error: new PipeStateFailure('lab-pipe', 'START_FAILED', `Stream ${streamArn} does not exist.`) },
  'pipe-failed': { error: new PipeStateFailure('lab-pipe', 'UPDATE_FAILED', 'Internal error, please retry later.') },
  'metrics-wrong-dimension': { error: new EmptyMetricsFailure({ metricName: 'PutRecord.Success', streamName: 'input-stream', msSinceLastPut: 120_000, streamsWithMetric: ['input_stream'] }) },
  'metrics-no-puts': { error: new EmptyMetricsFailure({ metricName: 'PutRecord.Success', streamName: 'input-stream' }) },
  'metrics-delay': { error: new EmptyMetricsFailure({ metricName: 'PutRecord.Success', streamName: 'input-stream', msSinceLastPut: 180_000 }) },
  'metrics-empty': { error: new EmptyMetricsFailure({ metricName: 'PutRecords.Success', streamName: 'input-stream', msSinceLastPut: 30 * 60_000 }) },
  'sso-session-expired': { error: new TokenProviderError("Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.", { tryNextLink: false }) },
  'profile-not-found': { error: new CredentialsProviderError('Could not resolve credentials using profile: [workshop] in configuration/credentials file(s).', { tryNextLink: true }) },
  'no-credentials': { error: new CredentialsProviderError('Could not load credentials from any providers', { tryNextLink: false }) },
  'expired-token': { error: awsError('ExpiredTokenException', 'The security token included in the request is expired') },
  'clock-skew': {
    error: awsError('InvalidSignatureException', 'Signature expired: 20240101T000000Z is now earlier than 20240101T001000Z (20240101T002000Z - 5 min.)'),
  },
  'invalid-credentials': { error: awsError('UnrecognizedClientException', 'The security token included in the request is invalid.') },
  'signature-mismatch': {
    error: awsError('InvalidSignatureException', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.'),
  },
  'kms-access-denied': { error: new KMSAccessDeniedException({ message: `User is not authorized to access ${keyArn}`, ...meta }) },
  'kms-key-disabled': { error: new KMSDisabledException({ message: `${keyArn} is disabled.`, ...meta }) },
  'kms-key-invalid-state': { error: new KMSInvalidStateException({ message: `${keyArn} is pending deletion.`, ...meta }) },
  'kms-key-not-found': { error: new KMSNotFoundException({ message: `Invalid keyId alias/lab-key`, ...meta }) },
  'kms-opt-in-required': { error: new KMSOptInRequired({ message: 'The AWS access key ID needs a subscription for the service', ...meta }) },
  'kms-throttled': { error: new KMSThrottlingException({ message: 'Rate exceeded', ...meta }) },
  'access-denied': {
    error: new AccessDeniedException({
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/WSParticipantRole/Participant is not authorized to perform: kinesis:PutRecord on resource: ${streamArn} because no identity-based policy allows the kinesis:PutRecord action`,
      ...meta,
    }),
  },
  'pipe-not-found': { error: awsError('NotFoundException', 'Pipe lab-pipe does not exist.', 404), ctx: { ...AWS_CTX, operation: 'DescribePipe' } },
  'stream-not-found': { error: new ResourceNotFoundException({ message: `Stream input-stream under account ${ACCOUNT} not found.`, ...meta }), probes: noProbes },
  'stream-already-exists': { error: new ResourceInUseException({ message: `Stream input-stream under account ${ACCOUNT} already exists.`, ...meta }), ctx: { ...AWS_CTX, operation: 'CreateStream' } },
  'stream-busy': { error: new ResourceInUseException({ message: `Stream input-stream under account ${ACCOUNT} not ACTIVE or UPDATING, instead in state CREATING`, ...meta }) },
  'pipe-busy': { error: awsError('ConflictException', 'Pipe lab-pipe is in state CREATING and cannot be updated.', 409), ctx: { ...AWS_CTX, operation: 'UpdatePipe' } },
  'throughput-exceeded': {
    error: new ProvisionedThroughputExceededException({ message: `Rate exceeded for shard shardId-000000000000 in stream input-stream under account ${ACCOUNT}.`, ...meta }),
  },
  'request-throttled': { error: awsError('ThrottlingException', 'Rate exceeded', 429), ctx: { ...AWS_CTX, operation: 'CreatePipe' } },
  'shard-limit': {
    error: new LimitExceededException({
      message: `This request would exceed the shard limit for the account ${ACCOUNT} in ap-northeast-2. Current shard count for the account: 200. Limit: 200. Number of additional shards that would have resulted from this request: 2. Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.`,
      ...meta,
    }),
    ctx: { ...AWS_CTX, operation: 'CreateStream' },
  },
  'request-limit': { error: new LimitExceededException({ message: `Rate exceeded for stream input-stream under account ${ACCOUNT}.`, ...meta }), ctx: { ...AWS_CTX, operation: 'DescribeStreamSummary' } },
  'pipe-quota': { error: awsError('ServiceQuotaExceededException', 'Pipe quota exceeded for the account.', 402), ctx: { ...AWS_CTX, operation: 'CreatePipe' } },
  'request-too-large': { error: new InvalidArgumentException({ message: 'Records size exceeds 5 MB limit', ...meta }), ctx: { ...AWS_CTX, operation: 'PutRecords' } },
  'record-too-large': {
    error: new ValidationException({ message: "1 validation error detected: Value at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576", ...meta }),
  },
  'bad-stream-name': {
    error: new ValidationException({
      message: "1 validation error detected: Value 'my stream' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
      ...meta,
    }),
  },
  'bad-partition-key': {
    error: new ValidationException({ message: "1 validation error detected: Value '' at 'partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1", ...meta }),
  },
  'too-many-records': {
    error: new ValidationException({ message: "1 validation error detected: Value '[...]' at 'records' failed to satisfy constraint: Member must have length less than or equal to 500", ...meta }),
    ctx: { ...AWS_CTX, operation: 'PutRecords' },
  },
  'invalid-argument': {
    error: new InvalidArgumentException({ message: 'UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: 1 Target shard count: 4', ...meta }),
    ctx: { ...AWS_CTX, operation: 'UpdateShardCount' },
  },
  'endpoint-refused': { error: nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4567', { syscall: 'connect', address: '127.0.0.1', port: 4567 }), ctx: SANDBOX_CTX },
  'dns-failure': { error: nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND kinesis.ap-northeast-2.amazonaws.com', { syscall: 'getaddrinfo', hostname: 'kinesis.ap-northeast-2.amazonaws.com' }) },
  'network-timeout': { error: Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError' }) },
  'connection-reset': { error: nodeError('ECONNRESET', 'read ECONNRESET', { syscall: 'read' }) },
  'network-unreachable': { error: nodeError('ENETUNREACH', 'connect ENETUNREACH 3.34.0.1:443', { syscall: 'connect', address: '3.34.0.1', port: 443 }) },
  'tls-failure': { error: nodeError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain') },
  'not-an-aws-endpoint': {
    error: Object.assign(new SyntaxError('Unexpected token \'<\', "<html><bod"... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.'), {
      $metadata: { httpStatusCode: 404 },
    }),
    ctx: { ...AWS_CTX, endpoint: 'http://localhost:8080' },
  },
  'request-aborted': { error: Object.assign(new Error('Request aborted'), { name: 'AbortError' }) },
  'service-unavailable': { error: awsError('InternalFailure', 'Internal service failure.', 500) },
  'unknown-error': { error: awsError('ExpiredIteratorException', 'Iterator expired. The iterator was created at time Mon Jan 01 00:00:00 UTC 2024 while right now it is Mon Jan 01 00:06:00 UTC 2024 which is further in the future than the tolerated delay of 300000 milliseconds.') },
};

const HANGUL = /[가-힣]/;

describe('the diagnosis catalog', () => {
  it('has a test case for every kind, and every kind once', () => {
    const kinds = CATALOG.map((entry) => entry.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect([...kinds].sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s: a realistic error lands on it, with texts in both languages', async (kind, { error, ctx = AWS_CTX, probes }) => {
    const diagnosis = await diagnose(error, ctx, probes);
    expect(diagnosis.kind).toBe(kind);
    for (const part of [diagnosis.what, diagnosis.why, diagnosis.fix]) {
      expect(part.en.trim()).not.toBe('');
      expect(part.ko.trim()).not.toBe('');
      expect(part.ko).toMatch(HANGUL);
      expect(part.en).not.toMatch(HANGUL);
      for (const text of [part.en, part.ko]) {
        expect(text).not.toMatch(/undefined|\[object Object\]|NaN|\n\s+at /);
      }
    }
  });

  it('never throws, even for values that are not errors', async () => {
    for (const thrown of [undefined, null, 42, 'plain text', { weird: true }, Symbol.for('x')]) {
      const diagnosis = await diagnose(thrown, AWS_CTX);
      expect(diagnosis.kind).toBe('unknown-error');
    }
  });

  it('treats failing probes as "found nothing" rather than failing the diagnosis', async () => {
    const probes: StreamProbes = {
      findStreamInOtherRegions: () => Promise.reject(new Error('AccessDenied on ListStreams')),
      listStreamsHere: () => Promise.reject(new Error('AccessDenied on ListStreams')),
    };
    const diagnosis = await diagnose(CASES['stream-not-found']?.error, AWS_CTX, probes);
    // Failing lookups are "found nothing", not a crash: still the stream diagnosis.
    expect(diagnosis.kind).toBe('stream-not-found');
    expect(diagnosis.why.en).toContain('could not search');
  });
});

describe('the diagnosis catalog outside the TUI (plain output, --json)', () => {
  const command = (args: string, where?: { region?: string; stream?: string }) =>
    ['npx kinesis-lab', args, '--sandbox', `--region ${where?.region ?? 'us-east-1'}`, where?.stream ? `--stream ${where.stream}` : ''].filter(Boolean).join(' ');
  const elsewhere: StreamProbes = { findStreamInOtherRegions: async () => ['us-west-2'], listStreamsHere: async () => [] };
  const similar: StreamProbes = { findStreamInOtherRegions: async () => [], listStreamsHere: async () => ['input_stream'] };
  // On a sandbox, the name in another account of it (the learner's script signs with another key).
  const labKey = { accessKeyId: 'AKIAKINESISLAB000000', secretAccessKey: 'kinesis-lab-sandbox-secret', account: '000000000000' };
  const otherAccount: StreamProbes = { ...noProbes, otherAccounts: { find: async () => [{ account: '482190348211', region: 'us-east-1', accessKeys: ['AKIA…MPLE'] }] } };
  const inOtherAccount: [string, Case][] = [
    ['stream-not-found in another account', { ...CASES['stream-not-found']!, ctx: { ...SANDBOX_CTX, labKey }, probes: otherAccount }],
    ['pipe-not-found in another account', { ...CASES['pipe-not-found']!, ctx: { ...SANDBOX_CTX, operation: 'DescribePipe', labKey }, probes: otherAccount }],
  ];
  const variants: [string, Case][] = [
    ...Object.entries(CASES),
    ['stream-not-found in another region', { ...CASES['stream-not-found']!, probes: elsewhere }],
    ['stream-not-found under a similar name', { ...CASES['stream-not-found']!, probes: similar }],
    ...inOtherAccount,
  ];

  it.each(variants)('%s: names commands, never keys, on AWS and on the sandbox', async (_name, { error, ctx = AWS_CTX, probes }) => {
    for (const where of [ctx, { ...ctx, sandbox: true }]) {
      const diagnosis = await diagnose(error, { ...where, surface: 'cli', command }, probes);
      for (const part of [diagnosis.what, diagnosis.why, diagnosis.fix]) {
        expect(keyWordingIn(part.en), part.en).toEqual([]);
        expect(keyWordingIn(part.ko), part.ko).toEqual([]);
      }
    }
  });

  it.each(inOtherAccount)('%s: says where it is and which key to sign with', async (_name, { error, ctx, probes }) => {
    const diagnosis = await diagnose(error, { ...ctx!, surface: 'cli', command }, probes);
    expect(diagnosis.fix.en).toContain("on this sandbox in account 482190348211, us-east-1 (access key AKIA…MPLE), not in the lab's account 000000000000");
    expect(diagnosis.autoFix).toBeUndefined();
  });

  it('turns each one-key fix into the command that does the same', async () => {
    const ctx = { ...SANDBOX_CTX, surface: 'cli' as const, command };
    expect((await diagnose(CASES['stream-not-found']!.error, ctx, noProbes)).fix.en).toBe('Create it as step 1 does (npx kinesis-lab solve create-stream --sandbox --region us-east-1 --stream input-stream) or go back to step 1.');
    expect((await diagnose(CASES['stream-not-found']!.error, ctx, elsewhere)).fix.en).toBe(
      'Run the lab in us-west-2 (npx kinesis-lab --sandbox --region us-west-2), or in this terminal run: export AWS_REGION=us-west-2. To stay in us-east-1, create the stream there instead.',
    );
    expect((await diagnose(CASES['stream-not-found']!.error, ctx, similar)).fix.en).toBe(
      'Use "input_stream" (npx kinesis-lab --sandbox --region us-east-1 --stream input_stream), or correct the name in your own script. If you meant a new stream, create "input-stream".',
    );
    expect((await diagnose(CASES['connection-reset']!.error, ctx)).fix).toEqual({ en: 'Run the same command again.', ko: '같은 명령을 다시 실행하세요.' });
    // The same diagnosis in the TUI names the key, which is what the scan above would catch.
    expect(keyWordingIn((await diagnose(CASES['connection-reset']!.error, { ...ctx, surface: 'tui' })).fix.en)).toEqual(['press', 'key below']);
  });
});
