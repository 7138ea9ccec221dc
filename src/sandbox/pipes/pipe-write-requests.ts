/**
 * The Pipes calls that change a pipe: CreatePipe, UpdatePipe, StartPipe, StopPipe, DeletePipe and
 * the tag calls. Each validates as AWS does, then hands the change to the pipe's lifecycle.
 */
import { accountInArn, crossAccountDenied } from '../sandbox-accounts.js';
import type { SandboxResponse } from '../sandbox-types.js';
import { ProblemList, checkCommonFields, checkFilterCriteria, checkKinesisSourceParameters, checkPipeName, checkSource } from './pipe-validation.js';
import { TRANSITIONAL, type PipeLifecycle } from './pipe-lifecycle.js';
import { pipeSummary } from './pipe-read-requests.js';
import type { DesiredState, PipeRecord } from './pipe-table.js';
import { checkTags, dropUndefined, objectOrEmpty, objectOrUndefined, optionalStrings, throwIfProblems } from './pipe-request-body.js';
import { RestJsonError, jsonResponse } from './rest-json-response.js';

export function findPipe(life: PipeLifecycle, account: string, region: string, name: string): PipeRecord {
  const pipe = life.table.get(account, region, name);
  if (!pipe) throw new RestJsonError(404, 'NotFoundException', `Pipe ${name} does not exist.`);
  return pipe;
}

/** A pipe by ARN for the tag calls: another account's pipe is refused as AWS refuses a call no resource policy opens. */
export function pipeByArn(life: PipeLifecycle, account: string, arn: string, action: string): PipeRecord {
  const match = /^arn:aws:pipes:([^:]+):(\d{12}):pipe\/(.+)$/.exec(arn);
  if (match && accountInArn(arn) !== account) throw new RestJsonError(403, 'AccessDeniedException', crossAccountDenied(account, `pipes:${action}`, arn));
  const pipe = match ? life.table.get(account, match[1]!, match[3]!) : undefined;
  if (!pipe) throw new RestJsonError(404, 'NotFoundException', `Resource ${arn} does not exist.`);
  return pipe;
}

/** CreatePipe's body checks: every problem at once, as AWS lists them. */
function checkCreateBody(name: string, body: Record<string, unknown>): ProblemList {
  const problems = new ProblemList();
  checkPipeName(problems, name);
  checkSource(problems, body.Source);
  checkCommonFields(problems, body, true);
  const sourceParameters = objectOrEmpty(body.SourceParameters);
  const kinesisSource = typeof body.Source === 'string' && body.Source.startsWith('arn:aws:kinesis:');
  const kinesisParams = objectOrUndefined(sourceParameters.KinesisStreamParameters);
  if (kinesisSource && !kinesisParams) {
    problems.add('sourceParameters.kinesisStreamParameters', 'KinesisStreamParameters with a StartingPosition are required for a Kinesis stream source.');
  }
  if (kinesisParams) checkKinesisSourceParameters(problems, kinesisParams, true);
  checkFilterCriteria(problems, sourceParameters.FilterCriteria, kinesisSource);
  const targetParameters = objectOrEmpty(body.TargetParameters);
  if (typeof body.Target === 'string' && body.Target.startsWith('arn:aws:kinesis:') && !objectOrUndefined(targetParameters.KinesisStreamParameters)) {
    problems.add('targetParameters.kinesisStreamParameters', 'KinesisStreamParameters with a PartitionKey are required for a Kinesis stream target.');
  }
  return problems;
}

export function createPipe(life: PipeLifecycle, account: string, region: string, name: string, body: Record<string, unknown>): SandboxResponse {
  const problems = checkCreateBody(name, body);
  const tags = checkTags(problems, body.Tags);
  throwIfProblems(problems);
  if (life.table.get(account, region, name)) {
    throw new RestJsonError(409, 'ConflictException', `Pipe ${name} already exists.`, { resourceId: name, resourceType: 'pipe' });
  }
  const now = life.clock();
  const pipe: PipeRecord = {
    account,
    region,
    name,
    arn: `arn:aws:pipes:${region}:${account}:pipe/${name}`,
    desiredState: (body.DesiredState as DesiredState | undefined) ?? 'RUNNING',
    currentState: 'CREATING',
    settlesAt: Date.now() + life.creatingDelayMs,
    source: body.Source as string,
    sourceParameters: objectOrEmpty(body.SourceParameters),
    target: body.Target as string,
    targetParameters: objectOrEmpty(body.TargetParameters),
    roleArn: body.RoleArn as string,
    tags,
    creationTime: now,
    lastModifiedTime: now,
    ...optionalStrings(body, { Description: 'description', Enrichment: 'enrichment', KmsKeyIdentifier: 'kmsKeyIdentifier' }),
  };
  const enrichmentParameters = objectOrUndefined(body.EnrichmentParameters);
  if (enrichmentParameters) pipe.enrichmentParameters = enrichmentParameters;
  const logConfiguration = objectOrUndefined(body.LogConfiguration);
  if (logConfiguration) pipe.logConfiguration = logConfiguration;
  return jsonResponse(pipeSummary(life.add(pipe)));
}

export function updatePipe(life: PipeLifecycle, pipe: PipeRecord, body: Record<string, unknown>): SandboxResponse {
  requireSettled(pipe, 'update');
  const problems = new ProblemList();
  checkCommonFields(problems, body, false);
  const update = objectOrUndefined(body.SourceParameters);
  const kinesisSource = pipe.source.startsWith('arn:aws:kinesis:');
  const kinesisUpdate = objectOrUndefined(update?.KinesisStreamParameters);
  if (kinesisUpdate) checkKinesisSourceParameters(problems, kinesisUpdate, false);
  if (update) checkFilterCriteria(problems, update.FilterCriteria, kinesisSource);
  throwIfProblems(problems);
  life.transition(pipe, 'UPDATING', life.transitionDelayMs, (copy) => {
    applyUpdate(copy, body, update, kinesisUpdate);
    copy.lastModifiedTime = life.clock();
  });
  return jsonResponse(pipeSummary(pipe));
}

/**
 * Top-level fields merge; a service-specific parameter object replaces the old one whole,
 * except StartingPosition, which only creation sets.
 */
function applyUpdate(copy: PipeRecord, body: Record<string, unknown>, update: Record<string, unknown> | undefined, kinesisUpdate: Record<string, unknown> | undefined): void {
  copy.roleArn = body.RoleArn as string;
  Object.assign(copy, optionalStrings(body, { Description: 'description', Enrichment: 'enrichment', Target: 'target', KmsKeyIdentifier: 'kmsKeyIdentifier' }));
  if (body.DesiredState === 'RUNNING' || body.DesiredState === 'STOPPED') copy.desiredState = body.DesiredState;
  if (update) {
    if (update.FilterCriteria !== undefined) copy.sourceParameters.FilterCriteria = update.FilterCriteria;
    if (kinesisUpdate) {
      const old = objectOrEmpty(copy.sourceParameters.KinesisStreamParameters);
      copy.sourceParameters.KinesisStreamParameters = dropUndefined({ ...kinesisUpdate, StartingPosition: old.StartingPosition, StartingPositionTimestamp: old.StartingPositionTimestamp });
    }
  }
  const targetUpdate = objectOrUndefined(body.TargetParameters);
  if (targetUpdate) copy.targetParameters = { ...copy.targetParameters, ...targetUpdate };
  const enrichmentParameters = objectOrUndefined(body.EnrichmentParameters);
  if (enrichmentParameters) copy.enrichmentParameters = enrichmentParameters;
  const logConfiguration = objectOrUndefined(body.LogConfiguration);
  if (logConfiguration) copy.logConfiguration = logConfiguration;
}

export function startPipe(life: PipeLifecycle, pipe: PipeRecord): SandboxResponse {
  requireSettled(pipe, 'start');
  if (pipe.currentState === 'RUNNING') throw conflict(pipe, `Pipe ${pipe.name} is already RUNNING.`);
  if (pipe.currentState === 'CREATE_FAILED') throw conflict(pipe, `Pipe ${pipe.name} failed to create; update or delete it.`);
  life.transition(pipe, 'STARTING', life.transitionDelayMs, (copy) => {
    copy.desiredState = 'RUNNING';
    copy.lastModifiedTime = life.clock();
  });
  return jsonResponse(pipeSummary(pipe));
}

export function stopPipe(life: PipeLifecycle, pipe: PipeRecord): SandboxResponse {
  requireSettled(pipe, 'stop');
  if (pipe.currentState !== 'RUNNING' && pipe.currentState !== 'STOP_FAILED') throw conflict(pipe, `Pipe ${pipe.name} is not RUNNING; it is ${pipe.currentState}.`);
  life.transition(pipe, 'STOPPING', life.transitionDelayMs, (copy) => {
    copy.desiredState = 'STOPPED';
    copy.lastModifiedTime = life.clock();
  });
  return jsonResponse(pipeSummary(pipe));
}

export function deletePipe(life: PipeLifecycle, pipe: PipeRecord): SandboxResponse {
  requireSettled(pipe, 'delete');
  life.transition(pipe, 'DELETING', life.transitionDelayMs, (copy) => (copy.lastModifiedTime = life.clock()));
  return jsonResponse(pipeSummary(pipe, 'DELETED'));
}

export function tagPipe(life: PipeLifecycle, pipe: PipeRecord, body: Record<string, unknown>): SandboxResponse {
  const problems = new ProblemList();
  const tags = checkTags(problems, body.tags);
  if (Object.keys(tags).length === 0 && problems.problems.length === 0) problems.add('tags', "Value null at 'tags' failed to satisfy constraint: Member must not be null");
  if (Object.keys({ ...pipe.tags, ...tags }).length > 50) problems.add('tags', 'A pipe can have at most 50 tags.');
  throwIfProblems(problems);
  life.save(pipe, (copy) => Object.assign(copy.tags, tags));
  return jsonResponse({});
}

export function untagPipe(life: PipeLifecycle, pipe: PipeRecord, tagKeys: readonly string[]): SandboxResponse {
  life.save(pipe, (copy) => {
    for (const tagKey of tagKeys) delete copy.tags[tagKey];
  });
  return jsonResponse({});
}

function requireSettled(pipe: PipeRecord, action: string): void {
  if (TRANSITIONAL.has(pipe.currentState)) {
    throw conflict(pipe, `Cannot ${action} pipe ${pipe.name} while it is ${pipe.currentState}.`);
  }
}

function conflict(pipe: PipeRecord, message: string): RestJsonError {
  return new RestJsonError(409, 'ConflictException', message, { resourceId: pipe.name, resourceType: 'pipe' });
}
