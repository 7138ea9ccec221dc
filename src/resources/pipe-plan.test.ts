import { describe, expect, it } from 'vitest';
import type { PipeDescription } from '../aws/pipes-adapter.js';
import { accountOf, pipeAccessPolicy, pipeDifferences, pipeSpecFor, pipeTrustPolicy, trustsPipes } from './pipe-plan.js';
import { DEFAULT_PIPE_SETTINGS, pipeNamesFor, pipeSettingsFrom } from './pipe-settings.js';

const SOURCE = 'arn:aws:kinesis:ap-northeast-2:123456789012:stream/input-stream';
const TARGET = 'arn:aws:kinesis:ap-northeast-2:123456789012:stream/input-stream-pipe-target';
const ROLE = 'arn:aws:iam::123456789012:role/input-stream-pipe-role';

describe('pipe plan', () => {
  it('names what the lab makes after the stream', () => {
    expect(pipeNamesFor('input-stream')).toEqual({
      pipe: 'input-stream-pipe', role: 'input-stream-pipe-role', policy: 'kinesis-lab-pipe-access', targetStream: 'input-stream-pipe-target',
      logGroup: '/kinesis-lab/input-stream-pipe-target', logStream: 'input-stream-pipe',
    });
    // Pipe and role names stay within 64 characters, the target within 128, for the longest stream names.
    const long = pipeNamesFor('s'.repeat(128));
    expect([long.pipe.length, long.role.length, long.targetStream.length]).toEqual([55, 60, 126]);
  });

  it('trusts pipes.amazonaws.com for this account only, and recognises trust policies that allow Pipes', () => {
    expect(JSON.parse(pipeTrustPolicy(accountOf(SOURCE)))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'pipes.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }],
    });
    expect(trustsPipes(pipeTrustPolicy(undefined))).toBe(true);
    expect(trustsPipes(JSON.stringify({ Statement: { Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com', 'pipes.amazonaws.com'] }, Action: ['sts:AssumeRole'] } }))).toBe(true);
    expect(trustsPipes(JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }))).toBe(false);
    expect(trustsPipes(JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: { Service: 'pipes.amazonaws.com' }, Action: 'sts:AssumeRole' }] }))).toBe(false);
    expect(trustsPipes('not json')).toBe(false);
  });

  it('allows reading this source and writing this target, nothing else', () => {
    expect((JSON.parse(pipeAccessPolicy(SOURCE, TARGET)) as { Statement: unknown[] }).Statement).toEqual([
      {
        Sid: 'ReadSourceStream', Effect: 'Allow', Resource: SOURCE,
        Action: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:ListStreams', 'kinesis:SubscribeToShard'],
      },
      { Sid: 'WriteTargetStream', Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: TARGET },
    ]);
  });

  it('lists what differs and which differences need the pipe re-created', () => {
    const settings = pipeSettingsFrom({ startingPosition: 'LATEST', batchSize: 10, filter: '{ "data": { "vendorId": [2] } }' });
    const spec = pipeSpecFor({ names: pipeNamesFor('input-stream'), settings, sourceArn: SOURCE, targetArn: TARGET, roleArn: ROLE, labId: 'lab' });
    const live: PipeDescription = {
      name: 'input-stream-pipe', arn: 'arn:aws:pipes:x', currentState: 'RUNNING', desiredState: 'RUNNING', sourceArn: SOURCE, targetArn: TARGET, roleArn: ROLE,
      source: { startingPosition: 'TRIM_HORIZON', batchSize: 100, batchingWindowSeconds: 1, parallelizationFactor: 1, maximumRetryAttempts: 10, onPartialBatchItemFailure: 'AUTOMATIC_BISECT' },
      filters: ['{"data":{"vendorId":[2]}}'], targetPartitionKey: '$.partitionKey', tags: {},
    };
    expect(pipeDifferences(live, spec)).toEqual([
      { field: 'StartingPosition', want: 'LATEST', have: 'TRIM_HORIZON', needsRecreate: true },
      { field: 'BatchSize', want: '10', have: '100', needsRecreate: false },
    ]);
    expect(pipeDifferences({ ...live, source: { ...live.source, startingPosition: 'LATEST', batchSize: 10 } }, spec)).toEqual([]);
  });

  it('with a log group target: a LogStreamName instead of a partition key, write on that group only, and switching targets is an update', () => {
    const group = 'arn:aws:logs:ap-northeast-2:123456789012:log-group:/kinesis-lab/input-stream-pipe-target';
    const settings = pipeSettingsFrom({ target: 'logs' });
    const spec = pipeSpecFor({ names: pipeNamesFor('input-stream'), settings, sourceArn: SOURCE, targetArn: group, roleArn: ROLE, labId: 'lab' });
    expect(spec).toMatchObject({ targetArn: group, targetLogStream: 'input-stream-pipe', description: 'kinesis-lab step 5: the source stream to a CloudWatch Logs log group' });
    expect(spec.targetPartitionKey).toBeUndefined();
    expect((JSON.parse(pipeAccessPolicy(SOURCE, group)) as { Statement: unknown[] }).Statement[1]).toEqual({ Sid: 'WriteTargetLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${group}:*` });
    const live: PipeDescription = {
      name: 'input-stream-pipe', arn: 'arn:aws:pipes:x', currentState: 'RUNNING', desiredState: 'RUNNING', sourceArn: SOURCE, targetArn: TARGET, roleArn: ROLE,
      source: { startingPosition: 'TRIM_HORIZON', batchSize: 100, batchingWindowSeconds: 1, parallelizationFactor: 1, maximumRetryAttempts: 10, onPartialBatchItemFailure: 'AUTOMATIC_BISECT' },
      filters: [], targetPartitionKey: '$.partitionKey', tags: {},
    };
    expect(pipeDifferences(live, spec)).toEqual([
      { field: 'Target', want: group, have: TARGET, needsRecreate: false },
      { field: 'LogStreamName', want: 'input-stream-pipe', have: '(none)', needsRecreate: false },
    ]);
    expect(pipeSettingsFrom({ target: 's3' }).target).toBe('kinesis');
  });

  it('falls back to the defaults for values out of range or of the wrong type', () => {
    expect(pipeSettingsFrom({ startingPosition: 'NOW', batchSize: 0, batchingWindowSeconds: 301, parallelizationFactor: 2.5, maximumRetryAttempts: '3', filter: '  ' })).toEqual(DEFAULT_PIPE_SETTINGS);
  });
});
