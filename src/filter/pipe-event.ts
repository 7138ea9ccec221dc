/**
 * The event an EventBridge Pipe builds for one Kinesis record, and the view of it that
 * FilterCriteria patterns are matched against. Pure; no I/O.
 */
import { EventPatternError, compileEventPattern, matchesEventPattern, topLevelFields } from './event-pattern.js';
import type { CompiledPattern } from './event-pattern.js';
import { assertPipeOperators } from './pipe-operators.js';

/** A filter pattern as EventBridge Pipes compiles it: an event pattern without the operators pipes leave out. */
export function compilePipeFilter(pattern: string): CompiledPattern {
  const compiled = compileEventPattern(pattern);
  assertPipeOperators(JSON.parse(pattern) as unknown);
  return compiled;
}

/** A Kinesis record as the pipe read it from the source stream. */
export interface KinesisSourceRecord {
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  data: Uint8Array;
  approximateArrivalTimestamp: Date;
}

/** Where the record came from and who read it; the same for every record of one pipe. */
export interface PipeSourceContext {
  /** The pipe's execution role (`invokeIdentityArn`). */
  roleArn: string;
  region: string;
  /** ARN of the source stream (`eventSourceARN`). */
  streamArn: string;
}

/** The event a Pipe hands to its target for a Kinesis record (field order as AWS documents it). */
export interface KinesisPipeEvent {
  kinesisSchemaVersion: '1.0';
  partitionKey: string;
  sequenceNumber: string;
  /** Base64 of the record's bytes. */
  data: string;
  /** Epoch seconds with millisecond precision, e.g. 1545084650.987. */
  approximateArrivalTimestamp: number;
  eventSource: 'aws:kinesis';
  eventVersion: '1.0';
  /** `shardId-000000000006:<sequenceNumber>` */
  eventID: string;
  eventName: 'aws:kinesis:record';
  invokeIdentityArn: string;
  awsRegion: string;
  eventSourceARN: string;
}

export function buildKinesisPipeEvent(record: KinesisSourceRecord, context: PipeSourceContext): KinesisPipeEvent {
  return {
    kinesisSchemaVersion: '1.0',
    partitionKey: record.partitionKey,
    sequenceNumber: record.sequenceNumber,
    data: Buffer.from(record.data).toString('base64'),
    approximateArrivalTimestamp: Math.round(record.approximateArrivalTimestamp.getTime()) / 1000,
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${record.shardId}:${record.sequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: context.roleArn,
    awsRegion: context.region,
    eventSourceARN: context.streamArn,
  };
}

/** Fields the polling adds; AWS says patterns cannot use them, so the filter view leaves them out. */
const NOT_FILTERABLE = ['awsRegion', 'eventSource', 'eventSourceARN', 'eventVersion', 'eventID', 'eventName', 'invokeIdentityArn', 'eventSourceKey'] as const;

/** What a pattern sees: the event without the polling fields, `data` decoded when it is JSON. */
export interface KinesisFilterView {
  view: Record<string, unknown>;
  /** False when `data` is not UTF-8 JSON; then any pattern on `data` drops the record. */
  dataIsJson: boolean;
}

export function kinesisFilterView(event: KinesisPipeEvent): KinesisFilterView {
  const view: Record<string, unknown> = { ...event };
  for (const field of NOT_FILTERABLE) delete view[field];
  const decoded = decodeJson(Buffer.from(event.data, 'base64'));
  if (decoded.ok) view.data = decoded.value;
  else delete view.data;
  return { view, dataIsJson: decoded.ok };
}

function decodeJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** One compiled filter of a pipe's FilterCriteria. */
export interface PipeFilter {
  compiled: CompiledPattern;
  /** The pattern constrains `data`, so a record whose data is not JSON cannot pass it. */
  usesData: boolean;
}

/**
 * Compiles a Kinesis pipe's filter pattern (a JSON string). Beyond the general rules, a pattern
 * on `data` must be an object pattern: Pipes refuses plain-string patterns for stream data.
 * @throws EventPatternError
 */
export function compileKinesisPipeFilter(pattern: string): PipeFilter {
  const compiled = compilePipeFilter(pattern);
  const usesData = topLevelFields(compiled).has('data');
  if (usesData && !dataIsObjectPattern(compiled)) {
    throw new EventPatternError('$.data', 'a pattern on Kinesis data must be a JSON object pattern such as {"data": {"field": ["value"]}}');
  }
  return { compiled, usesData };
}

function dataIsObjectPattern(compiled: CompiledPattern): boolean {
  const field = compiled.fields.get('data');
  if (field && field.kind !== 'object') return false;
  return compiled.orGroups.every((group) => group.every(dataIsObjectPattern));
}

/** A record passes when there are no filters or any filter matches (FilterCriteria filters are ORed). */
export function passesFilters(filters: readonly PipeFilter[], event: KinesisPipeEvent): boolean {
  if (filters.length === 0) return true;
  const { view, dataIsJson } = kinesisFilterView(event);
  return filters.some((filter) => (dataIsJson || !filter.usesData) && matchesEventPattern(filter.compiled, view));
}
