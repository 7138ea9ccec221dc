/**
 * Request validation for the Pipes API, after the service model's constraints
 * (botocore `data/pipes`): names, ARNs, KinesisStreamParameters ranges, FilterCriteria.
 * Each problem becomes one `fieldList` entry of a ValidationException, worded like AWS's.
 */
import { EventPatternError } from '../../filter/event-pattern.js';
import { compileKinesisPipeFilter, compilePipeFilter } from '../../filter/pipe-event.js';

/** One `fieldList` entry of a ValidationException. */
export interface FieldProblem {
  name: string;
  message: string;
}

export const PIPE_NAME_PATTERN = /^[.\-_A-Za-z0-9]+$/;
const ARN_PATTERN = /^arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-]+):([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1})?:(\d{12})?:(.+)$/;
const SOURCE_PATTERN = /^smk:\/\/(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]):[0-9]{1,5}|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9-]+):([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\d{1})?:(\d{12})?:(.+)$/;
const ROLE_ARN_PATTERN = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z0-9+=,.@\-_/]+$/;
const STARTING_POSITIONS = ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'];

/** Collects problems as they are found, so one response can list them all. */
export class ProblemList {
  readonly problems: FieldProblem[] = [];

  add(name: string, message: string): void {
    this.problems.push({ name, message });
  }

  /** `1 validation error detected: …; …` as AWS words it. */
  summary(): string {
    const count = this.problems.length;
    return `${count} validation error${count === 1 ? '' : 's'} detected: ${this.problems.map((p) => p.message).join('; ')}`;
  }
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function checkString(problems: ProblemList, field: string, value: unknown, opts: { required?: boolean; min?: number; max?: number; pattern?: RegExp; patternText?: string }): value is string {
  if (value === undefined || value === null) {
    if (opts.required) problems.add(field, `Value null at '${field}' failed to satisfy constraint: Member must not be null`);
    return false;
  }
  if (typeof value !== 'string') {
    problems.add(field, `Value '${valueText(value)}' at '${field}' failed to satisfy constraint: Member must be a string`);
    return false;
  }
  const before = problems.problems.length;
  if (opts.min !== undefined && value.length < opts.min) problems.add(field, `Value '${value}' at '${field}' failed to satisfy constraint: Member must have length greater than or equal to ${opts.min}`);
  if (opts.max !== undefined && value.length > opts.max) problems.add(field, `Value '${value}' at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${opts.max}`);
  if (opts.pattern && value.length > 0 && !opts.pattern.test(value)) {
    problems.add(field, `Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ${opts.patternText ?? opts.pattern.source}`);
  }
  return problems.problems.length === before;
}

function checkInteger(problems: ProblemList, field: string, value: unknown, min: number, max: number): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    problems.add(field, `Value '${valueText(value)}' at '${field}' failed to satisfy constraint: Member must be an integer`);
  } else if (value < min) {
    problems.add(field, `Value '${value}' at '${field}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`);
  } else if (value > max) {
    problems.add(field, `Value '${value}' at '${field}' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  }
}

function checkEnum(problems: ProblemList, field: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined || value === null) return;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    problems.add(field, `Value '${valueText(value)}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function checkPipeName(problems: ProblemList, name: unknown): void {
  checkString(problems, 'name', name, { required: true, min: 1, max: 64, pattern: PIPE_NAME_PATTERN, patternText: '^[\\.\\-_A-Za-z0-9]+$' });
}

/** The fields CreatePipe and UpdatePipe share. */
export function checkCommonFields(problems: ProblemList, body: Record<string, unknown>, creating: boolean): void {
  checkString(problems, 'roleArn', body.RoleArn, { required: true, min: 1, max: 1600, pattern: ROLE_ARN_PATTERN });
  checkString(problems, 'description', body.Description, { max: 512 });
  checkEnum(problems, 'desiredState', body.DesiredState, ['RUNNING', 'STOPPED']);
  checkString(problems, 'target', body.Target, { required: creating, min: 1, max: 1600, pattern: ARN_PATTERN });
  checkString(problems, 'enrichment', body.Enrichment, { max: 1600 });
  const target = asObject(body.TargetParameters);
  const kinesisTarget = asObject(target?.KinesisStreamParameters);
  if (kinesisTarget) checkString(problems, 'targetParameters.kinesisStreamParameters.partitionKey', kinesisTarget.PartitionKey, { required: true, max: 256 });
  const logsTarget = asObject(target?.CloudWatchLogsParameters);
  if (logsTarget) {
    checkString(problems, 'targetParameters.cloudWatchLogsParameters.logStreamName', logsTarget.LogStreamName, { min: 1, max: 256 });
    checkString(problems, 'targetParameters.cloudWatchLogsParameters.timestamp', logsTarget.Timestamp, { min: 1, max: 256 });
  }
  checkString(problems, 'targetParameters.inputTemplate', target?.InputTemplate, { max: 8192 });
}

export function checkSource(problems: ProblemList, source: unknown): void {
  checkString(problems, 'source', source, { required: true, min: 1, max: 1024, pattern: SOURCE_PATTERN });
}

/** KinesisStreamParameters ranges; `creating` adds StartingPosition rules (UpdatePipe cannot change it). */
export function checkKinesisSourceParameters(problems: ProblemList, params: Record<string, unknown>, creating: boolean): void {
  const field = 'sourceParameters.kinesisStreamParameters';
  if (creating) {
    if (params.StartingPosition === undefined || params.StartingPosition === null) {
      problems.add(`${field}.startingPosition`, `Value null at '${field}.startingPosition' failed to satisfy constraint: Member must not be null`);
    }
    checkEnum(problems, `${field}.startingPosition`, params.StartingPosition, STARTING_POSITIONS);
    if (params.StartingPosition === 'AT_TIMESTAMP' && typeof params.StartingPositionTimestamp !== 'number') {
      problems.add(`${field}.startingPositionTimestamp`, `StartingPositionTimestamp is required when StartingPosition is AT_TIMESTAMP.`);
    }
  } else if ('StartingPosition' in params || 'StartingPositionTimestamp' in params) {
    problems.add(`${field}.startingPosition`, 'StartingPosition cannot be updated; delete and re-create the pipe to read from another position.');
  }
  checkInteger(problems, `${field}.batchSize`, params.BatchSize, 1, 10000);
  checkInteger(problems, `${field}.maximumBatchingWindowInSeconds`, params.MaximumBatchingWindowInSeconds, 0, 300);
  checkInteger(problems, `${field}.parallelizationFactor`, params.ParallelizationFactor, 1, 10);
  checkInteger(problems, `${field}.maximumRecordAgeInSeconds`, params.MaximumRecordAgeInSeconds, -1, 604800);
  checkInteger(problems, `${field}.maximumRetryAttempts`, params.MaximumRetryAttempts, -1, 10000);
  checkEnum(problems, `${field}.onPartialBatchItemFailure`, params.OnPartialBatchItemFailure, ['AUTOMATIC_BISECT']);
  const deadLetter = asObject(params.DeadLetterConfig);
  if (deadLetter) checkString(problems, `${field}.deadLetterConfig.arn`, deadLetter.Arn, { min: 1, max: 1600, pattern: ARN_PATTERN });
}

/** FilterCriteria: at most 5 filters, each a valid pattern of at most 4096 characters. */
export function checkFilterCriteria(problems: ProblemList, criteria: unknown, kinesisSource: boolean): void {
  const object = asObject(criteria);
  if (!object) return;
  const filters = object.Filters;
  if (filters === undefined) return;
  const field = 'sourceParameters.filterCriteria.filters';
  if (!Array.isArray(filters)) {
    problems.add(field, `Value at '${field}' failed to satisfy constraint: Member must be a list`);
    return;
  }
  if (filters.length > 5) problems.add(field, `Value '${JSON.stringify(filters)}' at '${field}' failed to satisfy constraint: Member must have length less than or equal to 5`);
  filters.forEach((filter, index) => {
    const pattern = asObject(filter)?.Pattern;
    const patternField = `${field}.${index + 1}.member.pattern`;
    if (pattern === undefined) return;
    if (!checkString(problems, patternField, pattern, { max: 4096 })) return;
    try {
      if (kinesisSource) compileKinesisPipeFilter(pattern);
      else compilePipeFilter(pattern);
    } catch (error) {
      if (!(error instanceof EventPatternError)) throw error;
      problems.add(patternField, `Invalid filter pattern definition. ${error.message}`);
    }
  });
}
