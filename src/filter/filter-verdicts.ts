/**
 * A pipe filter tried on records before (or after) the pipe exists: which records would pass, and
 * what the pattern saw for each. The pipe panel shows this to the learner; the pipe check uses it
 * to pick probe records and to explain a filter that matches nothing. Pure.
 */
import { buildKinesisPipeEvent, compileKinesisPipeFilter, kinesisFilterView, passesFilters } from './pipe-event.js';
import type { KinesisPipeEvent, KinesisSourceRecord, PipeSourceContext } from './pipe-event.js';

export interface FilterVerdict {
  record: KinesisSourceRecord;
  /** The event the pipe builds for the record. */
  event: KinesisPipeEvent;
  /** What the pattern is matched against: the event without polling fields, `data` decoded when JSON. */
  view: Record<string, unknown>;
  passes: boolean;
}

/**
 * Verdicts for each record under one pattern (JSON text); no pattern means every record passes.
 * @throws EventPatternError when the pattern is invalid (validate it first with validatePipeFilter)
 */
export function filterVerdicts(pattern: string | undefined, records: readonly KinesisSourceRecord[], context: PipeSourceContext): FilterVerdict[] {
  const filters = pattern ? [compileKinesisPipeFilter(pattern)] : [];
  return records.map((record) => {
    const event = buildKinesisPipeEvent(record, context);
    return { record, event, view: kinesisFilterView(event).view, passes: passesFilters(filters, event) };
  });
}
