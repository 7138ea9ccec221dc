import { useEffect, useState } from 'react';
import type { EventPatternTester } from '../../../aws/event-pattern-tester.js';
import type { StreamRecord } from '../../../aws/kinesis-port.js';
import type { PipeSourceContext } from '../../../filter/pipe-event.js';
import { AWS_FILTER_SAMPLE_LIMIT, awsFilterOutcome, patternObject, testFilterOnAws, type AwsFilterTest } from './aws-filter-test.js';

export interface AwsFilterTestOptions {
  /** Present on real AWS only; without it the hook answers nothing and the panel uses our matcher. */
  tester?: EventPatternTester;
  filter: string | undefined;
  samples: readonly StreamRecord[];
  context: PipeSourceContext;
  clock: () => number;
  /** Wait this long after the last keystroke before asking. @default 600 */
  debounceMs?: number;
}

/**
 * EventBridge's verdict on the filter (TestEventPattern) for the newest records, asked again when
 * the pattern or those records change. Undefined when there is nothing to ask: no tester, no
 * filter, no records, or text that is not a JSON object (the local validator says why).
 */
export function useAwsFilterTest({ tester, filter, samples, context, clock, debounceMs = 600 }: AwsFilterTestOptions): AwsFilterTest | undefined {
  const [result, setResult] = useState<AwsFilterTest | undefined>(undefined);
  const newest = samples.slice(-AWS_FILTER_SAMPLE_LIMIT);
  // Re-ask only when the records themselves change, not each time the panel re-reads the stream.
  const recordsKey = newest.map((r) => `${r.shardId}/${r.sequenceNumber}`).join(',');
  const askable = tester !== undefined && filter !== undefined && newest.length > 0 && patternObject(filter) !== undefined;
  useEffect(() => {
    if (!askable) {
      setResult(undefined);
      return;
    }
    let stale = false;
    setResult({ kind: 'asking' });
    const timer = setTimeout(() => {
      const records = newest.map((r) => ({ ...r, approximateArrivalTimestamp: r.approximateArrivalTimestamp ?? new Date(0) }));
      testFilterOnAws(tester, filter, records, context, new Date(clock())).then(
        (verdict) => {
          if (!stale) setResult({ kind: 'tested', ...verdict });
        },
        (error: unknown) => {
          if (!stale) setResult(awsFilterOutcome(error));
        },
      );
    }, debounceMs);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
    // `newest` and `context` are read through their keys: new arrays with the same records ask nothing new.
  }, [askable, tester, filter, recordsKey, context.region, context.streamArn, context.roleArn, debounceMs]);
  return result;
}
