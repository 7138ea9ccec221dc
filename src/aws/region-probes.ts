import { KNOWN_REGIONS } from '../validate/region.js';
import type { KinesisPort } from './kinesis-port.js';
import { withTimeout } from './with-timeout.js';

/**
 * Where a lost stream is looked for: the commercial partition's regions. China, GovCloud and the
 * sovereign cloud need other accounts, so a learner's stream cannot be there.
 */
export const PROBED_REGIONS: readonly string[] = KNOWN_REGIONS.map((r) => r.code).filter((code) => !/^(cn-|us-gov-|eusc-)/.test(code));

export interface RegionProbes {
  /** Regions (other than the current one) where a stream with exactly this name exists. */
  findStreamInOtherRegions(name: string): Promise<string[]>;
  /** Stream names in the current region. */
  listStreamsHere(): Promise<string[]>;
}

/**
 * Looks across regions for a stream the learner cannot find: the workshop's most common failure is a
 * script in one region and a stream in another. Regions that fail (not enabled, no permission,
 * unreachable) are skipped, and the whole search is bounded in time.
 */
export function createRegionProbes(portFor: (region: string) => KinesisPort, current: string, timeoutMs = 8_000): RegionProbes {
  return {
    async findStreamInOtherRegions(name) {
      const others = PROBED_REGIONS.filter((r) => r !== current);
      const found = await withTimeout(
        Promise.all(others.map(async (region) => ((await portFor(region).listStreams().catch((): string[] => [])).includes(name) ? region : undefined))),
        timeoutMs,
        [],
      );
      return found.filter((r): r is string => r !== undefined);
    },
    listStreamsHere: () => portFor(current).listStreams(),
  };
}
