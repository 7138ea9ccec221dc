import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreatePipeCommand, DeletePipeCommand, DescribePipeCommand, ListPipesCommand, ListTagsForResourceCommand, StartPipeCommand,
  StopPipeCommand, TagResourceCommand, UntagResourceCommand, UpdatePipeCommand,
} from '@aws-sdk/client-pipes';
import type { CreatePipeCommandInput } from '@aws-sdk/client-pipes';
import { createRole, createStream, startPipesSandbox, streamArn, waitFor, waitForPipeState } from './pipes-helpers.js';
import type { PipesTestBox } from './pipes-helpers.js';

let t: PipesTestBox;
let roleArn: string;

beforeAll(async () => {
  t = await startPipesSandbox();
  roleArn = await createRole(t, 'pipe-role');
  await createStream(t, 'api-source');
  await createStream(t, 'api-target');
});

afterAll(async () => {
  await t.stop();
});

const pipeInput = (name: string, overrides: Partial<CreatePipeCommandInput> = {}): CreatePipeCommandInput => ({
  Name: name,
  Source: streamArn('api-source'),
  Target: streamArn('api-target'),
  RoleArn: roleArn,
  SourceParameters: { KinesisStreamParameters: { StartingPosition: 'TRIM_HORIZON' } },
  TargetParameters: { KinesisStreamParameters: { PartitionKey: '$.partitionKey' } },
  ...overrides,
});

/** The error a call fails with, so tests can look at its name, status and fields. */
async function failure(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number }; fieldList?: { name: string; message: string }[] }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('CreatePipe and DescribePipe', () => {
  it('creates a pipe in CREATING that becomes RUNNING, described with Pipes defaults', async () => {
    const created = await t.pipes.send(new CreatePipeCommand(pipeInput('runs', { Description: 'trips to the out stream' })));
    expect(created).toMatchObject({ Name: 'runs', Arn: 'arn:aws:pipes:us-east-1:000000000000:pipe/runs', DesiredState: 'RUNNING', CurrentState: 'CREATING' });
    expect(created.CreationTime).toBeInstanceOf(Date);
    await waitForPipeState(t, 'runs', 'RUNNING');
    const described = await t.pipes.send(new DescribePipeCommand({ Name: 'runs' }));
    expect(described).toMatchObject({
      Name: 'runs',
      Description: 'trips to the out stream',
      Source: streamArn('api-source'),
      Target: streamArn('api-target'),
      RoleArn: roleArn,
      SourceParameters: {
        KinesisStreamParameters: { StartingPosition: 'TRIM_HORIZON', BatchSize: 100, MaximumBatchingWindowInSeconds: 0, ParallelizationFactor: 1, MaximumRecordAgeInSeconds: -1, MaximumRetryAttempts: -1 },
      },
      TargetParameters: { KinesisStreamParameters: { PartitionKey: '$.partitionKey' } },
    });
    expect(described.StateReason).toBeUndefined();
  });

  it('ends in STOPPED when created with DesiredState STOPPED', async () => {
    await t.pipes.send(new CreatePipeCommand(pipeInput('born-stopped', { DesiredState: 'STOPPED' })));
    await waitForPipeState(t, 'born-stopped', 'STOPPED');
  });

  it('fails to create when the source stream does not exist', async () => {
    await t.pipes.send(new CreatePipeCommand(pipeInput('no-source', { Source: streamArn('missing-stream') })));
    await waitForPipeState(t, 'no-source', 'CREATE_FAILED');
    const described = await t.pipes.send(new DescribePipeCommand({ Name: 'no-source' }));
    expect(described.StateReason).toBe(`The source stream ${streamArn('missing-stream')} does not exist.`);
  });

  it('fails to create when the role is unknown to the sandbox IAM', async () => {
    await t.pipes.send(new CreatePipeCommand(pipeInput('no-role', { RoleArn: 'arn:aws:iam::000000000000:role/nobody' })));
    await waitForPipeState(t, 'no-role', 'CREATE_FAILED');
    const described = await t.pipes.send(new DescribePipeCommand({ Name: 'no-role' }));
    expect(described.StateReason).toContain('arn:aws:iam::000000000000:role/nobody');
  });

  it('refuses a name already in use with ConflictException 409', async () => {
    await t.pipes.send(new CreatePipeCommand(pipeInput('twice')));
    const error = await failure(t.pipes.send(new CreatePipeCommand(pipeInput('twice'))));
    expect(error.name).toBe('ConflictException');
    expect(error.$metadata?.httpStatusCode).toBe(409);
  });

  it('answers NotFoundException 404 for an unknown pipe', async () => {
    const error = await failure(t.pipes.send(new DescribePipeCommand({ Name: 'ghost' })));
    expect(error.name).toBe('NotFoundException');
    expect(error.message).toBe('Pipe ghost does not exist.');
    expect(error.$metadata?.httpStatusCode).toBe(404);
  });
});

describe('validation', () => {
  it.each([
    ['a name with a space', pipeInput('bad name'), 'name'],
    ['BatchSize 0', pipeInput('v1', { SourceParameters: { KinesisStreamParameters: { StartingPosition: 'LATEST', BatchSize: 0 } } }), 'sourceParameters.kinesisStreamParameters.batchSize'],
    ['a batching window over 300 s', pipeInput('v2', { SourceParameters: { KinesisStreamParameters: { StartingPosition: 'LATEST', MaximumBatchingWindowInSeconds: 301 } } }), 'sourceParameters.kinesisStreamParameters.maximumBatchingWindowInSeconds'],
    ['ParallelizationFactor 11', pipeInput('v3', { SourceParameters: { KinesisStreamParameters: { StartingPosition: 'LATEST', ParallelizationFactor: 11 } } }), 'sourceParameters.kinesisStreamParameters.parallelizationFactor'],
    ['a Kinesis source without StartingPosition', pipeInput('v4', { SourceParameters: {} }), 'sourceParameters.kinesisStreamParameters'],
    ['a role ARN that is not a role', pipeInput('v5', { RoleArn: 'arn:aws:iam::000000000000:user/me' }), 'roleArn'],
    ['an invalid filter pattern', pipeInput('v6', { SourceParameters: { KinesisStreamParameters: { StartingPosition: 'LATEST' }, FilterCriteria: { Filters: [{ Pattern: '{"data": {"x": "card"}}' }] } } }), 'sourceParameters.filterCriteria.filters.1.member.pattern'],
    ['six filters', pipeInput('v7', { SourceParameters: { KinesisStreamParameters: { StartingPosition: 'LATEST' }, FilterCriteria: { Filters: Array.from({ length: 6 }, () => ({ Pattern: '{"partitionKey":["a"]}' })) } } }), 'sourceParameters.filterCriteria.filters'],
    ['a Kinesis target without PartitionKey', pipeInput('v8', { TargetParameters: {} }), 'targetParameters.kinesisStreamParameters'],
  ])('refuses %s with ValidationException 400 and a fieldList', async (_what, input, field) => {
    const error = await failure(t.pipes.send(new CreatePipeCommand(input)));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.fieldList?.map((f) => f.name)).toContain(field);
  });

  it.each([
    ['anything-but with prefix', '{"data": {"city": [{"anything-but": {"prefix": "Se"}}]}}', '$.data.city[0]["anything-but"].prefix: anything-but with prefix is not supported in EventBridge Pipes filters (only on event buses)'],
    ['anything-but with suffix', '{"data": {"city": [{"anything-but": {"suffix": "ul"}}]}}', '$.data.city[0]["anything-but"].suffix: anything-but with suffix is not supported in EventBridge Pipes filters (only on event buses)'],
    ['anything-but with equals-ignore-case', '{"data": {"city": [{"anything-but": {"equals-ignore-case": "seoul"}}]}}', '$.data.city[0]["anything-but"]["equals-ignore-case"]: anything-but with equals-ignore-case is not supported in EventBridge Pipes filters (only on event buses)'],
    ['anything-but with wildcard', '{"data": {"city": [{"anything-but": {"wildcard": "S*"}}]}}', '$.data.city[0]["anything-but"].wildcard: anything-but with wildcard is not supported in EventBridge Pipes filters (only on event buses)'],
    ['wildcard', '{"$or": [{"partitionKey": ["a"]}, {"data": {"city": [{"wildcard": "S*"}]}}]}', '$.$or[1].data.city[0].wildcard: wildcard is not supported in EventBridge Pipes filters (only on event buses)'],
    ['an IPv4 cidr of one host (/32)', '{"data": {"ip": [{"cidr": "10.0.0.1/32"}]}}', '$.data.ip[0].cidr: "10.0.0.1/32" is not a valid CIDR block: IPv4 mask bits must be < 32'],
  ])('refuses a filter with %s, an operator EventBridge Pipes does not take, as a ValidationException', async (_what, pattern, detail) => {
    const input = pipeInput(`op-${_what.length}`, { SourceParameters: { KinesisStreamParameters: { StartingPosition: 'LATEST' }, FilterCriteria: { Filters: [{ Pattern: pattern }] } } });
    const error = await failure(t.pipes.send(new CreatePipeCommand(input)));
    expect(error.name).toBe('ValidationException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.fieldList?.map((f) => f.name)).toEqual(['sourceParameters.filterCriteria.filters.1.member.pattern']);
    expect(error.message).toBe(`1 validation error detected: Invalid filter pattern definition. Invalid event pattern at ${detail}`);
  });

  it('explains an invalid pattern with its JSON path', async () => {
    const input = pipeInput('v9', { SourceParameters: { KinesisStreamParameters: { StartingPosition: 'LATEST' }, FilterCriteria: { Filters: [{ Pattern: '{"data": {"fare": [{"numeric": [">", "ten"]}]}}' }] } } });
    const error = await failure(t.pipes.send(new CreatePipeCommand(input)));
    expect(error.message).toBe('1 validation error detected: Invalid filter pattern definition. Invalid event pattern at $.data.fare[0].numeric[1]: value of > must be a number');
  });
});

describe('ListPipes', () => {
  it('filters by prefix and state and pages with Limit and NextToken', async () => {
    for (const name of ['list-a', 'list-b', 'list-c']) await t.pipes.send(new CreatePipeCommand(pipeInput(name)));
    await t.pipes.send(new CreatePipeCommand(pipeInput('list-stopped', { DesiredState: 'STOPPED' })));
    await waitForPipeState(t, 'list-stopped', 'STOPPED');
    await waitForPipeState(t, 'list-c', 'RUNNING');

    const first = await t.pipes.send(new ListPipesCommand({ NamePrefix: 'list-', Limit: 2 }));
    expect(first.Pipes?.map((p) => p.Name)).toEqual(['list-a', 'list-b']);
    const second = await t.pipes.send(new ListPipesCommand({ NamePrefix: 'list-', Limit: 2, NextToken: first.NextToken }));
    expect(second.Pipes?.map((p) => p.Name)).toEqual(['list-c', 'list-stopped']);
    expect(second.NextToken).toBeUndefined();

    const stopped = await t.pipes.send(new ListPipesCommand({ NamePrefix: 'list-', DesiredState: 'STOPPED' }));
    expect(stopped.Pipes?.map((p) => [p.Name, p.CurrentState])).toEqual([['list-stopped', 'STOPPED']]);
    const bySource = await t.pipes.send(new ListPipesCommand({ SourcePrefix: 'arn:aws:kinesis:us-east-1:000000000000:stream/missing', CurrentState: 'CREATE_FAILED' }));
    expect(bySource.Pipes?.map((p) => p.Name)).toEqual(['no-source']);
  });
});

describe('state changes', () => {
  it('stops, starts, updates and deletes through the transitional states', async () => {
    await t.pipes.send(new CreatePipeCommand(pipeInput('cycle')));
    const early = await failure(t.pipes.send(new StopPipeCommand({ Name: 'cycle' })));
    expect(early.name).toBe('ConflictException');
    await waitForPipeState(t, 'cycle', 'RUNNING');

    expect((await t.pipes.send(new StopPipeCommand({ Name: 'cycle' }))).CurrentState).toBe('STOPPING');
    await waitForPipeState(t, 'cycle', 'STOPPED');
    expect((await t.pipes.send(new StartPipeCommand({ Name: 'cycle' }))).CurrentState).toBe('STARTING');
    await waitForPipeState(t, 'cycle', 'RUNNING');

    const updated = await t.pipes.send(new UpdatePipeCommand({
      Name: 'cycle',
      RoleArn: roleArn,
      SourceParameters: { KinesisStreamParameters: { BatchSize: 7 } },
    }));
    expect(updated.CurrentState).toBe('UPDATING');
    await waitForPipeState(t, 'cycle', 'RUNNING');
    const described = await t.pipes.send(new DescribePipeCommand({ Name: 'cycle' }));
    // StartingPosition stays what creation set; the Kinesis parameters are otherwise replaced.
    expect(described.SourceParameters?.KinesisStreamParameters).toMatchObject({ StartingPosition: 'TRIM_HORIZON', BatchSize: 7 });

    const deleted = await t.pipes.send(new DeletePipeCommand({ Name: 'cycle' }));
    expect(deleted).toMatchObject({ DesiredState: 'DELETED', CurrentState: 'DELETING' });
    await waitFor('cycle to disappear', () =>
      t.pipes.send(new DescribePipeCommand({ Name: 'cycle' })).then(
        () => undefined,
        (error: unknown) => (error instanceof Error && error.name === 'NotFoundException' ? true : undefined),
      ));
  });

  it('refuses StartPipe on a running pipe', async () => {
    await t.pipes.send(new CreatePipeCommand(pipeInput('already')));
    await waitForPipeState(t, 'already', 'RUNNING');
    const error = await failure(t.pipes.send(new StartPipeCommand({ Name: 'already' })));
    expect(error.name).toBe('ConflictException');
  });
});

describe('tags', () => {
  it('keeps tags from CreatePipe and changes them with TagResource and UntagResource', async () => {
    const created = await t.pipes.send(new CreatePipeCommand(pipeInput('tagged', { Tags: { lab: 'kinesis' } })));
    const arn = created.Arn!;
    await t.pipes.send(new TagResourceCommand({ resourceArn: arn, tags: { step: '5' } }));
    expect((await t.pipes.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ lab: 'kinesis', step: '5' });
    await t.pipes.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['lab'] }));
    expect((await t.pipes.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ step: '5' });
  });
});
