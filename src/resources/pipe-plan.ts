/**
 * From step 5's settings to what AWS is asked for: the pipe's spec, the execution role's trust and
 * permission policies (least privilege: read this source, write this target), and how a live pipe
 * differs from the spec. Pure; the action and the check share it.
 */
import type { KinesisSourceSettings, PipeDescription, PipeSpec } from '../aws/pipes-adapter.js';
import { KINESIS_SOURCE_ACTIONS } from '../diagnose/pipes-state.js';
import type { Localized } from '../i18n/lang.js';
import { LAB_TAG_KEY } from './lab-tag.js';
import { normalizePattern, type PipeNames, type PipeSettings } from './pipe-settings.js';
import type { StreamSummary } from '../aws/kinesis-port.js';


/** Each target record's key: the source record's own key, so per-key order survives the hop. */
export const TARGET_PARTITION_KEY = '$.partitionKey';

/** The account in an ARN (`arn:aws:kinesis:REGION:ACCOUNT:stream/NAME`), when it has one. */
export function accountOf(arn: string): string | undefined {
  return /^arn:[^:]+:[^:]+:[^:]*:(\d{12}):/.exec(arn)?.[1];
}

/** Trusted by EventBridge Pipes only, and only for pipes in this account when it is known (confused deputy). */
export function pipeTrustPolicy(account: string | undefined): string {
  const statement: Record<string, unknown> = { Effect: 'Allow', Principal: { Service: 'pipes.amazonaws.com' }, Action: 'sts:AssumeRole' };
  if (account) statement.Condition = { StringEquals: { 'aws:SourceAccount': account } };
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

/**
 * Read on this source stream, write on this target; nothing else. A log group target may create log
 * streams in that group and put events in them (`<group ARN>:*` covers the group's log streams).
 */
export function pipeAccessPolicy(sourceArn: string, targetArn: string): string {
  const write = isLogGroupArn(targetArn)
    ? { Sid: 'WriteTargetLogGroup', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${targetArn}:*` }
    : { Sid: 'WriteTargetStream', Effect: 'Allow', Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: targetArn };
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadSourceStream', Effect: 'Allow', Action: [...KINESIS_SOURCE_ACTIONS], Resource: sourceArn }, write],
  });
}

/** `arn:aws:logs:REGION:ACCOUNT:log-group:NAME` (Pipes' form of a log group target). */
export function isLogGroupArn(arn: string): boolean {
  return /^arn:[^:]+:logs:[^:]*:\d{12}:log-group:/.test(arn);
}

/** Does a trust policy let pipes.amazonaws.com assume the role? */
export function trustsPipes(trustPolicy: string): boolean {
  try {
    const doc = JSON.parse(trustPolicy) as { Statement?: unknown };
    const statements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    return statements.some((s) => {
      const st = s as { Effect?: string; Principal?: { Service?: string | string[] }; Action?: string | string[] };
      const services = ([] as string[]).concat(st.Principal?.Service ?? []);
      const actions = ([] as string[]).concat(st.Action ?? []);
      return st.Effect === 'Allow' && services.includes('pipes.amazonaws.com') && actions.some((a) => a === 'sts:AssumeRole' || a === 'sts:*');
    });
  } catch {
    return false;
  }
}

export function pipeSpecFor(input: { names: PipeNames; settings: PipeSettings; sourceArn: string; targetArn: string; roleArn: string; labId: string }): PipeSpec {
  const { settings } = input;
  const source: KinesisSourceSettings = {
    startingPosition: settings.startingPosition,
    batchSize: settings.batchSize,
    batchingWindowSeconds: settings.batchingWindowSeconds,
    parallelizationFactor: settings.parallelizationFactor,
    maximumRetryAttempts: settings.maximumRetryAttempts,
  };
  if (settings.startingPositionTimestamp !== undefined) source.startingPositionTimestamp = settings.startingPositionTimestamp;
  if (settings.bisectOnFailure) source.onPartialBatchItemFailure = 'AUTOMATIC_BISECT';
  const logs = settings.target === 'logs';
  return {
    name: input.names.pipe,
    description: logs ? 'kinesis-lab step 5: the source stream to a CloudWatch Logs log group' : 'kinesis-lab step 5: the source stream to a second stream',
    roleArn: input.roleArn,
    sourceArn: input.sourceArn,
    source,
    filters: settings.filter ? [normalizePattern(settings.filter)] : [],
    targetArn: input.targetArn,
    ...(logs ? { targetLogStream: input.names.logStream } : { targetPartitionKey: TARGET_PARTITION_KEY }),
    tags: { [LAB_TAG_KEY]: input.labId },
  };
}

/** One setting that differs between the live pipe and what the lab wants. */
export interface PipeDifference {
  field: string;
  want: string;
  have: string;
  /** UpdatePipe cannot change it: the pipe must be deleted and created again. */
  needsRecreate: boolean;
}

export function pipeDifferences(live: PipeDescription, spec: PipeSpec): PipeDifference[] {
  const out: PipeDifference[] = [];
  const add = (field: string, want: string | number | undefined, have: string | number | undefined, needsRecreate = false) => {
    const [w, h] = [show(want), show(have)];
    if (w !== h) out.push({ field, want: w, have: h, needsRecreate });
  };
  add('Source', spec.sourceArn, live.sourceArn, true);
  add('StartingPosition', spec.source.startingPosition, live.source.startingPosition, true);
  if (spec.source.startingPosition === 'AT_TIMESTAMP') add('StartingPositionTimestamp', spec.source.startingPositionTimestamp, live.source.startingPositionTimestamp, true);
  add('Target', spec.targetArn, live.targetArn);
  add('RoleArn', spec.roleArn, live.roleArn);
  add('BatchSize', spec.source.batchSize, live.source.batchSize);
  add('MaximumBatchingWindowInSeconds', spec.source.batchingWindowSeconds, live.source.batchingWindowSeconds);
  add('ParallelizationFactor', spec.source.parallelizationFactor, live.source.parallelizationFactor);
  add('MaximumRetryAttempts', spec.source.maximumRetryAttempts, live.source.maximumRetryAttempts);
  add('OnPartialBatchItemFailure', spec.source.onPartialBatchItemFailure, live.source.onPartialBatchItemFailure);
  add('FilterCriteria', spec.filters.map(normalizePattern).join(' | '), live.filters.map(normalizePattern).join(' | '));
  if (spec.targetLogStream !== undefined) add('LogStreamName', spec.targetLogStream, live.targetLogStream);
  else add('PartitionKey', spec.targetPartitionKey, live.targetPartitionKey);
  return out;
}

export function describeDifference(d: PipeDifference): Localized {
  return { en: `${d.field}: the pipe has ${d.have}, the lab wants ${d.want}`, ko: `${d.field}: 파이프에는 ${d.have}, 실습이 원하는 값은 ${d.want}` };
}

function show(value: string | number | undefined): string {
  if (value === undefined || value === '') return '(none)';
  return String(value);
}

/** True when the pipe was made before the stream it reads from: that stream was deleted and created again since. */
export function pipeOlderThanSource(live: PipeDescription, source: StreamSummary): boolean {
  return live.createdAt !== undefined && source.createdAt !== undefined && live.createdAt.getTime() < source.createdAt.getTime();
}
