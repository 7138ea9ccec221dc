/**
 * EventBridge's own verdict on a pipe filter, over SDK v3's EventBridgeClient (`TestEventPattern`).
 *
 * Pipes filters "work in the same way as filtering on an EventBridge event bus, by using event
 * patterns" (Pipes user guide, Event filtering), but TestEventPattern only takes a full EventBridge
 * event: id, account, source, time, region, resources and detail-type are mandatory at the top level.
 * A Kinesis pipe event has none of them, so its fields cannot sit at the top level. We therefore
 * wrap: the event as Pipes filters it (polling fields left out, `data` decoded when it is JSON) goes
 * under `detail`, and the learner's pattern is tested as `{"detail": <pattern>}`. Nesting a pattern one
 * level down changes nothing in how EventBridge matches it (`$or`, numeric, prefix … work at any
 * depth), so the answer is EventBridge's real verdict for that record, and a pattern EventBridge
 * refuses fails with InvalidEventPatternException, which is what CreatePipe would refuse too.
 * The one Pipes rule EventBridge cannot know — a pattern on `data` drops records whose data is not
 * JSON — the caller applies before asking (see `use-aws-filter-test.ts`). The wrapped pattern is 11
 * characters longer: a pattern within 11 characters of the 4,096 limit cannot be tested this way.
 */
import { EventBridgeClient, TestEventPatternCommand } from '@aws-sdk/client-eventbridge';
import type { AwsSettings } from './aws-settings.js';
import { baseClientConfig } from './client-config.js';

export interface EventPatternTester {
  /**
   * Whether `pattern` (a pipe filter, JSON text) matches `view` (the pipe event as filters see it).
   * @throws the service's error: InvalidEventPatternException for a pattern EventBridge refuses
   */
  matches(pattern: string, view: Record<string, unknown>, where: EnvelopeContext): Promise<boolean>;
}

/** Where the test event says it comes from; EventBridge requires the fields, any values do. */
export interface EnvelopeContext {
  region: string;
  /** The learner's account (from the stream's ARN), so the event looks like one of theirs. */
  account: string;
  /** @default now */
  time?: Date;
}

export const TEST_EVENT_SOURCE = 'kinesis-lab.pipe-filter-test';
export const TEST_EVENT_DETAIL_TYPE = 'Kinesis record as an EventBridge Pipe filters it';

/** The EventBridge event TestEventPattern needs, with the pipe event's filterable fields under `detail`. */
export function envelopeFor(view: Record<string, unknown>, context: EnvelopeContext): Record<string, unknown> {
  return {
    version: '0',
    id: '00000000-0000-4000-8000-000000000000',
    'detail-type': TEST_EVENT_DETAIL_TYPE,
    source: TEST_EVENT_SOURCE,
    account: context.account,
    time: (context.time ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: context.region,
    resources: [],
    detail: view,
  };
}

/**
 * The learner's pattern moved under `detail`, so it matches the wrapped event's fields.
 * Text that is not a JSON object is passed on as it is: EventBridge then says why it is invalid.
 */
export function patternUnderDetail(pattern: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(pattern);
  } catch {
    return pattern;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return pattern;
  return JSON.stringify({ detail: parsed });
}

export function createEventBridgeClient(settings: AwsSettings): EventBridgeClient {
  return new EventBridgeClient(baseClientConfig(settings));
}

export function createEventPatternTester(client: EventBridgeClient): EventPatternTester {
  return {
    async matches(pattern, view, where) {
      const out = await client.send(
        new TestEventPatternCommand({
          EventPattern: patternUnderDetail(pattern),
          Event: JSON.stringify(envelopeFor(view, where)),
        }),
      );
      return out.Result === true;
    },
  };
}
