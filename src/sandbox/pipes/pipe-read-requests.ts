/** The Pipes calls that only read: DescribePipe, ListPipes and the summary every call answers with. */
import type { SandboxResponse } from '../sandbox-types.js';
import { ProblemList } from './pipe-validation.js';
import type { PipeRecord, PipeState, PipeTable } from './pipe-table.js';
import { dropUndefined, objectOrUndefined, throwIfProblems } from './pipe-request-body.js';
import { jsonResponse } from './rest-json-response.js';

const PIPE_STATES: readonly PipeState[] = ['RUNNING', 'STOPPED', 'CREATING', 'UPDATING', 'DELETING', 'STARTING', 'STOPPING', 'CREATE_FAILED', 'UPDATE_FAILED', 'START_FAILED', 'STOP_FAILED', 'DELETE_FAILED'];

/** Pipes' Kinesis defaults, shown by DescribePipe when the client left them out. */
const KINESIS_SOURCE_DEFAULTS = { BatchSize: 100, MaximumBatchingWindowInSeconds: 0, ParallelizationFactor: 1, MaximumRecordAgeInSeconds: -1, MaximumRetryAttempts: -1 };

export function pipeSummary(pipe: PipeRecord, desiredState: string = pipe.desiredState) {
  return {
    Arn: pipe.arn,
    Name: pipe.name,
    DesiredState: desiredState,
    CurrentState: pipe.currentState,
    CreationTime: pipe.creationTime / 1000,
    LastModifiedTime: pipe.lastModifiedTime / 1000,
  };
}

export function describePipe(pipe: PipeRecord): SandboxResponse {
  const sourceParameters = structuredClone(pipe.sourceParameters);
  const kinesis = objectOrUndefined(sourceParameters.KinesisStreamParameters);
  if (kinesis) sourceParameters.KinesisStreamParameters = { ...KINESIS_SOURCE_DEFAULTS, ...kinesis };
  return jsonResponse(dropUndefined({
    Arn: pipe.arn,
    Name: pipe.name,
    Description: pipe.description,
    DesiredState: pipe.desiredState,
    CurrentState: pipe.currentState,
    StateReason: pipe.stateReason,
    Source: pipe.source,
    SourceParameters: sourceParameters,
    Enrichment: pipe.enrichment,
    EnrichmentParameters: pipe.enrichmentParameters,
    Target: pipe.target,
    TargetParameters: pipe.targetParameters,
    RoleArn: pipe.roleArn,
    Tags: pipe.tags,
    CreationTime: pipe.creationTime / 1000,
    LastModifiedTime: pipe.lastModifiedTime / 1000,
    LogConfiguration: pipe.logConfiguration,
    KmsKeyIdentifier: pipe.kmsKeyIdentifier,
  }));
}

interface ListQuery {
  limit: number;
  start: number;
  currentState: string | null;
  desiredState: string | null;
}

/** ListPipes' query string, or the ValidationException that names every bad parameter. */
function readListQuery(query: URLSearchParams): ListQuery {
  const problems = new ProblemList();
  const limitText = query.get('Limit');
  const limit = limitText === null ? 100 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    problems.add('limit', `Value '${limitText}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`);
  }
  const currentState = query.get('CurrentState');
  if (currentState !== null && !PIPE_STATES.includes(currentState as PipeState)) {
    problems.add('currentState', `Value '${currentState}' at 'currentState' failed to satisfy constraint: Member must satisfy enum value set: [${PIPE_STATES.join(', ')}]`);
  }
  const desiredState = query.get('DesiredState');
  if (desiredState !== null && desiredState !== 'RUNNING' && desiredState !== 'STOPPED') {
    problems.add('desiredState', `Value '${desiredState}' at 'desiredState' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, STOPPED]`);
  }
  const nextToken = query.get('NextToken');
  const start = nextToken === null ? 0 : decodeToken(nextToken);
  if (start === undefined) problems.add('nextToken', 'The NextToken is not valid.');
  throwIfProblems(problems);
  return { limit, start: start ?? 0, currentState, desiredState };
}

export function listPipes(table: PipeTable, account: string, region: string, query: URLSearchParams): SandboxResponse {
  const { limit, start, currentState, desiredState } = readListQuery(query);
  const prefix = (name: string, value: string) => value.startsWith(query.get(name) ?? '');
  const matching = table.all()
    .filter((p) => p.account === account && p.region === region && prefix('NamePrefix', p.name) && prefix('SourcePrefix', p.source) && prefix('TargetPrefix', p.target))
    .filter((p) => (currentState === null || p.currentState === currentState) && (desiredState === null || p.desiredState === desiredState))
    .sort((a, b) => a.name.localeCompare(b.name));
  const page = matching.slice(start, start + limit);
  const end = start + page.length;
  return jsonResponse(dropUndefined({
    Pipes: page.map((p) => dropUndefined({ ...pipeSummary(p), StateReason: p.stateReason, Source: p.source, Target: p.target, Enrichment: p.enrichment })),
    NextToken: end < matching.length ? Buffer.from(`pipes:${end}`).toString('base64') : undefined,
  }));
}

function decodeToken(token: string): number | undefined {
  const match = /^pipes:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
