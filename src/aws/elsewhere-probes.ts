import type { StreamProbes } from '../diagnose/catalog-entry.js';

/**
 * Where else a learner's data may be when a check finds nothing where the lab looks: the same name
 * in another region, or a similar name here. Read-only calls (ListStreams, GetRecords, ListPipes,
 * DescribePipe), bounded in time; a lookup that fails counts as "found nothing". Implemented in
 * aws/region-probes.ts; the stream-not-found diagnosis uses the same probes.
 */
export interface ElsewhereProbes extends StreamProbes {
  /** Records in that stream, counted up to `limit` (0 when it cannot be read). */
  recordsIn(region: string, stream: string, limit: number): Promise<number>;
  /** Regions other than the current one that have a pipe with exactly this name. */
  findPipeInOtherRegions(name: string): Promise<string[]>;
  /** Every pipe name in the current region. */
  listPipesHere(): Promise<string[]>;
}
