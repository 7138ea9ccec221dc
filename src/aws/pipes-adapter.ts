/**
 * The narrow view of EventBridge Pipes that step 5 uses (a pipe with a Kinesis source and a Kinesis
 * stream or CloudWatch Logs target), over SDK v3's PipesClient. `createPipesClient` builds the client like the other factories.
 */
import {
  CreatePipeCommand, DeletePipeCommand, DescribePipeCommand, ListPipesCommand, PipesClient, StartPipeCommand, TagResourceCommand, UpdatePipeCommand,
} from '@aws-sdk/client-pipes';
import type { DescribePipeCommandOutput } from '@aws-sdk/client-pipes';
import type { AwsSettings } from './aws-settings.js';
import { baseClientConfig } from './client-config.js';

/** A pipe's Kinesis source settings, as the lab writes and reads them. */
export interface KinesisSourceSettings {
  startingPosition: string;
  /** Epoch seconds. */
  startingPositionTimestamp?: number;
  batchSize: number;
  batchingWindowSeconds: number;
  parallelizationFactor: number;
  maximumRetryAttempts: number;
  onPartialBatchItemFailure?: 'AUTOMATIC_BISECT';
}

export interface PipeSpec {
  name: string;
  description?: string;
  roleArn: string;
  sourceArn: string;
  source: KinesisSourceSettings;
  /** FilterCriteria patterns (JSON text); none means every record passes. */
  filters: string[];
  targetArn: string;
  /** A Kinesis target's PartitionKey: a literal or a JSON path such as `$.partitionKey`. */
  targetPartitionKey?: string;
  /** A CloudWatch Logs target's LogStreamName (set instead of a partition key). */
  targetLogStream?: string;
  tags: Record<string, string>;
}

export interface PipeDescription {
  name: string;
  arn: string;
  currentState: string;
  desiredState: string;
  stateReason?: string;
  sourceArn: string;
  targetArn: string;
  roleArn: string;
  /** What DescribePipe reports (the service fills in defaults the lab left out). */
  source: Partial<KinesisSourceSettings>;
  filters: string[];
  targetPartitionKey?: string;
  targetLogStream?: string;
  tags: Record<string, string>;
  createdAt?: Date;
  lastModifiedAt?: Date;
}

export interface PipesPort {
  /** The pipe, or undefined when there is none of that name (NotFoundException). */
  describePipe(name: string): Promise<PipeDescription | undefined>;
  createPipe(spec: PipeSpec): Promise<void>;
  /** Changes everything UpdatePipe may change (not the source or its StartingPosition). */
  updatePipe(spec: PipeSpec): Promise<void>;
  startPipe(name: string): Promise<void>;
  deletePipe(name: string): Promise<void>;
  tagPipe(arn: string, tags: Record<string, string>): Promise<void>;
}

export function createPipesClient(settings: AwsSettings): PipesClient {
  return new PipesClient(baseClientConfig(settings));
}

// eslint-disable-next-line max-lines-per-function -- one short method per Pipes call the port names, all over the one client
export function createPipesAdapter(client: PipesClient): PipesPort {
  return {
    async describePipe(name) {
      let out: DescribePipeCommandOutput;
      try {
        out = await client.send(new DescribePipeCommand({ Name: name }));
      } catch (error) {
        if ((error as { name?: string }).name === 'NotFoundException') return undefined;
        throw error;
      }
      const kinesis = out.SourceParameters?.KinesisStreamParameters;
      const source: Partial<KinesisSourceSettings> = {};
      if (kinesis?.StartingPosition) source.startingPosition = kinesis.StartingPosition;
      if (kinesis?.StartingPositionTimestamp) source.startingPositionTimestamp = Math.floor(kinesis.StartingPositionTimestamp.getTime() / 1000);
      if (kinesis?.BatchSize !== undefined) source.batchSize = kinesis.BatchSize;
      if (kinesis?.MaximumBatchingWindowInSeconds !== undefined) source.batchingWindowSeconds = kinesis.MaximumBatchingWindowInSeconds;
      if (kinesis?.ParallelizationFactor !== undefined) source.parallelizationFactor = kinesis.ParallelizationFactor;
      if (kinesis?.MaximumRetryAttempts !== undefined) source.maximumRetryAttempts = kinesis.MaximumRetryAttempts;
      if (kinesis?.OnPartialBatchItemFailure === 'AUTOMATIC_BISECT') source.onPartialBatchItemFailure = 'AUTOMATIC_BISECT';
      const description: PipeDescription = {
        name: out.Name ?? name,
        arn: out.Arn ?? '',
        currentState: out.CurrentState ?? 'UNKNOWN',
        desiredState: out.DesiredState ?? 'UNKNOWN',
        sourceArn: out.Source ?? '',
        targetArn: out.Target ?? '',
        roleArn: out.RoleArn ?? '',
        source,
        filters: (out.SourceParameters?.FilterCriteria?.Filters ?? []).flatMap((f) => (f.Pattern ? [f.Pattern] : [])),
        tags: { ...(out.Tags ?? {}) },
      };
      if (out.StateReason) description.stateReason = out.StateReason;
      const partitionKey = out.TargetParameters?.KinesisStreamParameters?.PartitionKey;
      if (partitionKey !== undefined) description.targetPartitionKey = partitionKey;
      const logStream = out.TargetParameters?.CloudWatchLogsParameters?.LogStreamName;
      if (logStream !== undefined) description.targetLogStream = logStream;
      if (out.CreationTime) description.createdAt = out.CreationTime;
      if (out.LastModifiedTime) description.lastModifiedAt = out.LastModifiedTime;
      return description;
    },

    async createPipe(spec) {
      const s = spec.source;
      await client.send(
        new CreatePipeCommand({
          Name: spec.name,
          ...(spec.description ? { Description: spec.description } : {}),
          DesiredState: 'RUNNING',
          RoleArn: spec.roleArn,
          Source: spec.sourceArn,
          SourceParameters: {
            KinesisStreamParameters: {
              StartingPosition: s.startingPosition as 'TRIM_HORIZON',
              ...(s.startingPositionTimestamp !== undefined ? { StartingPositionTimestamp: new Date(s.startingPositionTimestamp * 1000) } : {}),
              ...tunables(s),
            },
            ...filterCriteria(spec.filters),
          },
          Target: spec.targetArn,
          TargetParameters: targetParameters(spec),
          Tags: spec.tags,
        }),
      );
    },

    async updatePipe(spec) {
      await client.send(
        new UpdatePipeCommand({
          Name: spec.name,
          ...(spec.description ? { Description: spec.description } : {}),
          DesiredState: 'RUNNING',
          RoleArn: spec.roleArn,
          // An empty filter list removes the filters; leaving FilterCriteria out would keep old ones.
          SourceParameters: { KinesisStreamParameters: tunables(spec.source), FilterCriteria: { Filters: spec.filters.map((Pattern) => ({ Pattern })) } },
          Target: spec.targetArn,
          TargetParameters: targetParameters(spec),
        }),
      );
    },

    async startPipe(name) {
      await client.send(new StartPipeCommand({ Name: name }));
    },

    async deletePipe(name) {
      await client.send(new DeletePipeCommand({ Name: name }));
    },

    async tagPipe(arn, tags) {
      await client.send(new TagResourceCommand({ resourceArn: arn, tags }));
    },
  };
}

/** What cleanup and the look across regions learn of a pipe. */
export interface PipeFacts {
  name: string;
  state: string;
  tags: Record<string, string>;
}

/**
 * What cleanup and the look across regions need from EventBridge Pipes: the names, each pipe's state
 * and tags, deletion. A port of its own, so the step's actions never gain a delete-everything path,
 * over the same calls as the step's adapter.
 */
export interface PipeInventoryPort {
  listPipes(): Promise<string[]>;
  /** Undefined when the pipe does not exist (any more). */
  facts(name: string): Promise<PipeFacts | undefined>;
  /** Deleting a pipe that is already gone is not an error. */
  deletePipe(name: string): Promise<void>;
}

export function createPipeInventory(client: PipesClient): PipeInventoryPort {
  const pipes = createPipesAdapter(client);
  return {
    async listPipes() {
      const names: string[] = [];
      let nextToken: string | undefined;
      do {
        const page = await client.send(new ListPipesCommand({ Limit: 100, ...(nextToken ? { NextToken: nextToken } : {}) }));
        for (const pipe of page.Pipes ?? []) if (pipe.Name) names.push(pipe.Name);
        nextToken = page.NextToken;
      } while (nextToken);
      return names;
    },
    async facts(name) {
      const pipe = await pipes.describePipe(name);
      return pipe && { name, state: pipe.currentState, tags: pipe.tags };
    },
    async deletePipe(name) {
      try {
        await pipes.deletePipe(name);
      } catch (error) {
        if ((error as { name?: string }).name !== 'NotFoundException') throw error;
      }
    },
  };
}

/** A log group target gets its LogStreamName, a stream target its PartitionKey. */
function targetParameters(spec: PipeSpec) {
  if (spec.targetLogStream !== undefined) return { CloudWatchLogsParameters: { LogStreamName: spec.targetLogStream } };
  return { KinesisStreamParameters: { PartitionKey: spec.targetPartitionKey ?? '' } };
}

function tunables(s: KinesisSourceSettings) {
  return {
    BatchSize: s.batchSize,
    MaximumBatchingWindowInSeconds: s.batchingWindowSeconds,
    ParallelizationFactor: s.parallelizationFactor,
    MaximumRetryAttempts: s.maximumRetryAttempts,
    ...(s.onPartialBatchItemFailure ? { OnPartialBatchItemFailure: s.onPartialBatchItemFailure } : {}),
  };
}

function filterCriteria(filters: readonly string[]) {
  return filters.length > 0 ? { FilterCriteria: { Filters: filters.map((Pattern) => ({ Pattern })) } } : {};
}
