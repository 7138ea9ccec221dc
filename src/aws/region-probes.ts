import type { ElsewhereProbes } from './elsewhere-probes.js';
import { KNOWN_REGIONS } from '../validate/region.js';
import type { KinesisPort } from './kinesis-port.js';
import type { PipeInventoryPort } from './pipes-adapter.js';
import { withTimeout } from './with-timeout.js';

/**
 * Where a lost stream is looked for: the commercial partition's regions. China, GovCloud and the
 * sovereign cloud need other accounts, so a learner's stream cannot be there.
 */
export const PROBED_REGIONS: readonly string[] = KNOWN_REGIONS.map((r) => r.code).filter((code) => !/^(cn-|us-gov-|eusc-)/.test(code));

/** The clients the probes use, one per region; a run without Pipes finds no pipe anywhere. */
export interface ProbePorts {
  kinesisFor: (region: string) => KinesisPort;
  pipesFor?: (region: string) => PipeInventoryPort;
}

/**
 * Looks across regions for a stream (or a pipe) the learner cannot find: the workshop's most common
 * failure is a script in one region and a stream in another. Regions that fail (not enabled, no
 * permission, unreachable) are skipped, and each search is bounded in time. Every call is
 * read-only, so looking costs the learner's account (or the sandbox) nothing.
 */
export function createRegionProbes(ports: ProbePorts, current: string, timeoutMs = 8_000): ElsewhereProbes {
  const others = PROBED_REGIONS.filter((r) => r !== current);
  const inOtherRegions = async (has: (region: string) => Promise<boolean>): Promise<string[]> => {
    const found = await withTimeout(Promise.all(others.map(async (region) => ((await has(region).catch(() => false)) ? region : undefined))), timeoutMs, []);
    return found.filter((r): r is string => r !== undefined);
  };
  return {
    findStreamInOtherRegions: (name) => inOtherRegions(async (region) => (await ports.kinesisFor(region).listStreams()).includes(name)),
    listStreamsHere: () => ports.kinesisFor(current).listStreams(),
    async recordsIn(region, stream, limit) {
      const read = ports.kinesisFor(region).readStream(stream, { limit }).then((records) => records.length, () => 0);
      return withTimeout(read, timeoutMs, 0);
    },
    findPipeInOtherRegions: (name) => {
      const { pipesFor } = ports;
      return pipesFor ? inOtherRegions(async (region) => (await pipesFor(region).facts(name)) !== undefined) : Promise.resolve([]);
    },
    listPipesHere: () => (ports.pipesFor ? ports.pipesFor(current).listPipes() : Promise.resolve([])),
  };
}
