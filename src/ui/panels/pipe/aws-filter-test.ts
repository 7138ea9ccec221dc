/**
 * A pipe filter tried on the learner's records by EventBridge itself (TestEventPattern), for runs on
 * real AWS. The sandbox tries filters with our matcher instead (`pipe-panel-model.ts`).
 */
import { accountOf } from '../../../resources/pipe-plan.js';
import type { EventPatternTester } from '../../../aws/event-pattern-tester.js';
import { buildKinesisPipeEvent, kinesisFilterView, type KinesisSourceRecord, type PipeSourceContext } from '../../../filter/pipe-event.js';

/** One TestEventPattern call per record: the newest few are enough to show what the filter keeps. */
export const AWS_FILTER_SAMPLE_LIMIT = 10;

/** EventBridge's verdict, or why there is none. */
export type AwsFilterTest =
  | { kind: 'asking' }
  | { kind: 'tested'; passing: number; total: number }
  /** InvalidEventPatternException: EventBridge (and so CreatePipe) refuses the pattern. */
  | { kind: 'refused'; message: string }
  /** Any other failure (no permission, network …); the panel falls back on our matcher's result. */
  | { kind: 'failed'; message: string };

/** The pattern as an object when it is one; other text is left to the local validator's message. */
export function patternObject(pattern: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(pattern) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Asks EventBridge about each of the newest records. Pipes drops a record whose data is not JSON
 * when the pattern looks into `data`; EventBridge cannot know that rule, so such records are counted
 * as dropped without asking.
 * @throws the first error TestEventPattern returns
 */
export async function testFilterOnAws(tester: EventPatternTester, pattern: string, records: readonly KinesisSourceRecord[], context: PipeSourceContext, now: Date): Promise<{ passing: number; total: number }> {
  const parsed = patternObject(pattern);
  const onData = parsed !== undefined && mentionsData(parsed);
  const where = { region: context.region, account: accountOf(context.streamArn) ?? '000000000000', time: now };
  const newest = records.slice(-AWS_FILTER_SAMPLE_LIMIT);
  const verdicts = await Promise.all(
    newest.map(async (record) => {
      const { view, dataIsJson } = kinesisFilterView(buildKinesisPipeEvent(record, context));
      if (onData && !dataIsJson) return false;
      return tester.matches(pattern, view, where);
    }),
  );
  return { passing: verdicts.filter(Boolean).length, total: newest.length };
}

export function awsFilterOutcome(error: unknown): AwsFilterTest {
  const { name, message } = error as { name?: string; message?: string };
  const text = message ?? String(error);
  return name === 'InvalidEventPatternException' ? { kind: 'refused', message: text } : { kind: 'failed', message: name && !text.startsWith(name) ? `${name}: ${text}` : text };
}

function mentionsData(pattern: Record<string, unknown>): boolean {
  if ('data' in pattern) return true;
  const or = pattern.$or;
  return Array.isArray(or) && or.some((branch) => branch !== null && typeof branch === 'object' && mentionsData(branch as Record<string, unknown>));
}
