/**
 * EventBridge Pipes as a durable section (../durable/durable-section.ts): changes are PipeChanges; a
 * snapshot is one chunk per pipe (`{"t":"pipe","pipe":{…}}`, tags and state included) followed by one
 * per pipe that has run (`{"t":"progress","arn":…,"progress":{checkpoints, counts, inFlight}}`).
 */
import type { DurableSection } from '../durable/durable-section.js';
import type { PipeChange, PipeProgress, PipeRecord, PipeTable } from './pipe-table.js';

type Chunk = { t: 'pipe'; pipe: PipeRecord } | { t: 'progress'; arn: string; progress: PipeProgress };

export function pipesSection(table: PipeTable): DurableSection<PipeChange> {
  return {
    name: 'pipes',
    formatVersion: 1,
    apply: (change) => table.apply(change),
    *snapshot() {
      for (const pipe of table.all()) yield { t: 'pipe', pipe } satisfies Chunk;
      const live = new Set(table.all().map((pipe) => pipe.arn));
      for (const [arn, progress] of table.progressEntries()) if (live.has(arn)) yield { t: 'progress', arn, progress } satisfies Chunk;
    },
    restore(value) {
      // What a file holds is checked, not trusted: anything but these two kinds is damage.
      const chunk = value as Chunk | { t?: undefined };
      if (chunk.t === 'pipe') table.apply({ k: 'pipe', pipe: chunk.pipe });
      else if (chunk.t === 'progress') table.restoreProgress(chunk.arn, chunk.progress);
      else throw new Error(`unknown snapshot chunk ${JSON.stringify(chunk).slice(0, 80)}`);
    },
    reset: () => table.clear(),
  };
}
