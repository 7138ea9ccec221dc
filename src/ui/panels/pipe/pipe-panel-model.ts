/**
 * What the pipe panel shows, computed from live data: the filter tried on the learner's records,
 * the event the pipe builds for one of them, and the events that reached the target. Pure.
 */
import type { StreamRecord } from '../../../aws/kinesis-port.js';
import { filterVerdicts } from '../../../filter/filter-verdicts.js';
import type { KinesisPipeEvent, KinesisSourceRecord, PipeSourceContext } from '../../../filter/pipe-event.js';
import type { Localized } from '../../../i18n/lang.js';
import type { AwsFilterTest } from './aws-filter-test.js';
import { validatePipeFilter } from '../../../validate/pipe-filter.js';

export type FilterTest =
  | { kind: 'none' }
  | { kind: 'no-samples' }
  | { kind: 'invalid'; reason: Localized }
  /** Our matcher's result (the sandbox, or AWS when EventBridge could not be asked). */
  | { kind: 'tested'; passing: number; total: number }
  /** On real AWS: EventBridge's TestEventPattern, its answer or its error. */
  | { kind: 'aws'; result: AwsFilterTest; local: FilterTest };

export interface Arrival {
  partitionKey: string;
  sourceSequence: string;
  /** `fareAmount` of the taxi trip inside, when there is one. */
  fare?: string;
}

export interface PipePanelModel {
  filterTest: FilterTest;
  /** The pipe's event for the newest sample that passes the filter (or the newest sample). */
  event?: KinesisPipeEvent;
  arrivals: Arrival[];
  /** Source sequence numbers rise within each partition key at the target. */
  inOrder: boolean;
}

export function pipePanelModel(input: { samples: StreamRecord[]; filter: string | undefined; context: PipeSourceContext; arrived: StreamRecord[] }): PipePanelModel {
  const records = input.samples.map(asSourceRecord);
  const arrivals = input.arrived.flatMap(parseArrival);
  const checked = input.filter === undefined ? undefined : validatePipeFilter(input.filter);
  if (checked && !checked.ok) {
    const event = filterVerdicts(undefined, records.slice(-1), input.context)[0]?.event;
    return { filterTest: { kind: 'invalid', reason: checked.message }, ...(event ? { event } : {}), arrivals, inOrder: keptOrder(arrivals) };
  }
  const verdicts = filterVerdicts(input.filter, records, input.context);
  const passing = verdicts.filter((v) => v.passes);
  const filterTest: FilterTest = input.filter === undefined ? { kind: 'none' } : records.length === 0 ? { kind: 'no-samples' } : { kind: 'tested', passing: passing.length, total: records.length };
  const event = (passing.at(-1) ?? verdicts.at(-1))?.event;
  return { filterTest, ...(event ? { event } : {}), arrivals, inOrder: keptOrder(arrivals) };
}

/** On real AWS EventBridge's verdict takes the place of our matcher's; without one the local test stands. */
export function withAwsVerdict(local: FilterTest, aws: AwsFilterTest | undefined): FilterTest {
  return aws === undefined ? local : { kind: 'aws', result: aws, local };
}

/** The event as the learner should read it: one field per line, long `data` cut in the middle. */
export function eventLines(event: KinesisPipeEvent, width: number): string[] {
  const entries = Object.entries(event);
  return entries.map(([key, value], i) => {
    const text = `  "${key}": ${JSON.stringify(value)}${i < entries.length - 1 ? ',' : ''}`;
    return text.length > width ? `${text.slice(0, Math.max(10, width - 2))}…` : text;
  });
}

/** The record's data as the learner sent it (the event carries it in base64). */
export function decodedData(event: KinesisPipeEvent): string {
  const text = Buffer.from(event.data, 'base64').toString('utf8');
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

function parseArrival(record: StreamRecord): Arrival[] {
  try {
    const event = JSON.parse(Buffer.from(record.data).toString('utf8')) as { partitionKey?: unknown; sequenceNumber?: unknown; data?: unknown };
    if (typeof event.partitionKey !== 'string' || typeof event.sequenceNumber !== 'string') return [];
    const arrival: Arrival = { partitionKey: event.partitionKey, sourceSequence: event.sequenceNumber };
    if (typeof event.data === 'string') {
      try {
        const inner = JSON.parse(Buffer.from(event.data, 'base64').toString('utf8')) as { fareAmount?: unknown };
        if (typeof inner.fareAmount === 'number') arrival.fare = String(inner.fareAmount);
      } catch {
        // Not JSON inside: no fare to show.
      }
    }
    return [arrival];
  } catch {
    return [];
  }
}

function keptOrder(arrivals: readonly Arrival[]): boolean {
  const last = new Map<string, bigint>();
  for (const a of arrivals) {
    let seq: bigint;
    try {
      seq = BigInt(a.sourceSequence);
    } catch {
      continue;
    }
    const before = last.get(a.partitionKey);
    if (before !== undefined && seq < before) return false;
    last.set(a.partitionKey, seq);
  }
  return true;
}

function asSourceRecord(r: StreamRecord): KinesisSourceRecord {
  return { shardId: r.shardId, sequenceNumber: r.sequenceNumber, partitionKey: r.partitionKey, data: r.data, approximateArrivalTimestamp: r.approximateArrivalTimestamp ?? new Date(0) };
}
