/**
 * The probe records step 5's check sends through a pipe: chosen so the pipe's filter lets some
 * through and drops one, sent with one partition key (one shard, a known order), and looked for
 * at the target by a field only this check writes.
 */
import { randomUUID } from 'node:crypto';
import type { StreamRecord } from '../aws/kinesis-port.js';
import { filterVerdicts, type FilterVerdict } from '../filter/filter-verdicts.js';
import type { KinesisSourceRecord, PipeSourceContext } from '../filter/pipe-event.js';
import { createRetryPolicy, errorCodeOf, isThrottleCode } from '../producer/retry-policy.js';
import { createTripGenerator } from '../producer/taxi-trip-generator.js';
import type { PipeSettings } from '../resources/pipe-settings.js';
import type { LabContext } from './check-context.js';

/** The field the check adds to its probe records to find them at the target. */
export const PROBE_FIELD = 'kinesisLabProbe';
const MATCHING_PROBES = 3;

/** Where the pipe delivers, as the check reads it: each payload is one pipe event as JSON. */
export interface TargetView {
  name: string;
  arn: string;
  kind: 'kinesis' | 'logs';
  /** Payloads that arrived at or after `since`. */
  read(since: Date): Promise<Uint8Array[]>;
}

export interface ProbeChoice {
  nonce: string;
  probeKey: string;
  /** The learner's records the candidates were drawn from. */
  samples: StreamRecord[];
  /** Up to three the filter lets through; empty when it matches nothing. */
  passing: FilterVerdict[];
  /** One the filter drops, when there is a filter. */
  dropped: FilterVerdict | undefined;
}

/** Candidates: the learner's own records first, then generated trips, each marked as a probe. */
export async function chooseProbes(ctx: LabContext, settings: PipeSettings, context: PipeSourceContext): Promise<ProbeChoice> {
  const nonce = randomUUID().slice(0, 8);
  const probeKey = `kinesis-lab-probe-${nonce}`;
  const samples = await ctx.kinesis.readStream(ctx.stream, { limit: 200 });
  const objects = [...samples.flatMap((r) => jsonObject(r.data)), ...generatedTrips(200)];
  const candidates: KinesisSourceRecord[] = objects.map((object, i) => ({
    shardId: 'shardId-000000000000',
    sequenceNumber: String(i),
    partitionKey: probeKey,
    data: Buffer.from(JSON.stringify({ ...object, [PROBE_FIELD]: `${nonce}:${i}` })),
    approximateArrivalTimestamp: new Date(),
  }));
  const verdicts = filterVerdicts(settings.filter, candidates, context);
  const passing = verdicts.filter((v) => v.passes).slice(0, MATCHING_PROBES);
  const dropped = settings.filter ? verdicts.find((v) => !v.passes) : undefined;
  return { nonce, probeKey, samples, passing, dropped };
}

export interface SentProbes {
  /** Ids in the order sent, with whether the filter lets each through. */
  sent: { id: string; passes: boolean }[];
  expected: string[];
  unwanted: string[];
  /** Wall-clock time the first probe left. */
  probesFrom: Date;
  /** Where reading the target starts: a little before the probes, for clock skew. */
  since: Date;
}

/** Sent one by one with one partition key: one shard, a known order; the dropped one second. */
export async function sendProbes(ctx: LabContext, choice: ProbeChoice): Promise<SentProbes> {
  const { passing, dropped, probeKey } = choice;
  const sent: { id: string; passes: boolean }[] = [];
  const order = dropped ? [passing[0], dropped, ...passing.slice(1)] : passing;
  // Kinesis arrival times are wall-clock times, so the look-back uses the wall clock too.
  const probesFrom = new Date();
  const since = new Date(probesFrom.getTime() - 5_000);
  for (const verdict of order) {
    if (!verdict) continue;
    await putThroughThrottling(ctx, { partitionKey: probeKey, data: verdict.record.data });
    sent.push({ id: probeId(verdict.record.data) ?? '', passes: verdict.passes });
  }
  const expected = sent.filter((s) => s.passes).map((s) => s.id);
  const unwanted = sent.filter((s) => !s.passes).map((s) => s.id);
  return { sent, expected, unwanted, probesFrom, since };
}

export interface ProbeArrivals {
  /** Expected probes that arrived, in the order of their first arrival. */
  arrivedWanted: string[];
  /**
   * Arrivals beyond each probe's first: Pipes deliver at least once, and another pipe from the same
   * stream may write to the same target. A repeat is said, never judged as a change of order.
   */
  repeated: number;
  /** Probes the filter should have dropped that arrived anyway. */
  leaked: string[];
  tookMs: number;
}

/** Reads the target until every expected probe is there, the deadline passes or the check is stopped. */
export async function awaitProbes(ctx: LabContext, target: TargetView, nonce: string, probes: SentProbes, deadline: number, signal?: AbortSignal): Promise<ProbeArrivals> {
  const started = ctx.clock();
  let arrived: string[] = [];
  for (;;) {
    const targetRecords = await target.read(probes.since);
    arrived = targetRecords.flatMap((data) => probeIdInEvent(data, nonce));
    if (probes.expected.every((id) => arrived.includes(id)) || ctx.clock() >= deadline || signal?.aborted) break;
    await ctx.sleep(ctx.sandbox ? 250 : 3_000, signal);
  }
  const firsts = [...new Set(arrived)];
  return {
    arrivedWanted: firsts.filter((id) => probes.expected.includes(id)),
    repeated: arrived.length - firsts.length,
    leaked: arrived.filter((id) => probes.unwanted.includes(id)),
    tookMs: ctx.clock() - started,
  };
}

export function generatedTrips(count: number): Record<string, unknown>[] {
  const next = createTripGenerator({ seed: 5 });
  return Array.from({ length: count }, () => ({ ...next() }));
}

function jsonObject(data: Uint8Array): Record<string, unknown>[] {
  try {
    const value = JSON.parse(Buffer.from(data).toString('utf8')) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
    const object = value as Record<string, unknown>;
    // Earlier probes are not samples.
    return PROBE_FIELD in object ? [] : [object];
  } catch {
    return [];
  }
}

function probeId(data: Uint8Array): string | undefined {
  try {
    const value = JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown>;
    return typeof value[PROBE_FIELD] === 'string' ? value[PROBE_FIELD] : undefined;
  } catch {
    return undefined;
  }
}

/** The probe id inside a target record (the pipe's event, its `data` the source record in base64). */
export function probeIdInEvent(data: Uint8Array, nonce: string): string[] {
  try {
    const event = JSON.parse(Buffer.from(data).toString('utf8')) as { data?: unknown };
    if (typeof event.data !== 'string') return [];
    const id = probeId(Buffer.from(event.data, 'base64'));
    return id?.startsWith(`${nonce}:`) ? [id] : [];
  } catch {
    return [];
  }
}

/**
 * One probe, tried again while the shard throttles it (the steps before may have filled this second's
 * budget: step 3's producer, a learner's script), with the producers' backoff. A throttled probe says
 * nothing about the pipe; any other error is the check's to diagnose.
 */
async function putThroughThrottling(ctx: LabContext, record: { partitionKey: string; data: Uint8Array }): Promise<void> {
  const policy = createRetryPolicy();
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.kinesis.putRecord(ctx.stream, record);
      return;
    } catch (error) {
      if (!isThrottleCode(errorCodeOf(error)) || attempt >= policy.maxAttempts) throw error;
      await ctx.sleep(policy.delayMs(attempt, true));
    }
  }
}
