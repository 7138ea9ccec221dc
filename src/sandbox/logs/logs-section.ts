/**
 * CloudWatch Logs as a durable section (../durable/durable-section.ts): changes are LogsChanges; a
 * snapshot is one chunk per log group (tags and streams, events left out) followed by its events in
 * chunks of up to 1,000 per log stream, each event as [timestamp, message, ingestionTime, serial].
 */
import type { DurableSection } from '../durable/durable-section.js';
import type { LogGroupRecord, LogsChange, LogsStore } from './logs-store.js';

const EVENTS_PER_CHUNK = 1000;

type Chunk =
  | { t: 'group'; a: string; r: string; g: string; at: number; tags: Record<string, string>; streams: [name: string, creationTime: number][] }
  | { t: 'events'; a: string; r: string; g: string; s: string; events: [number, string, number, number][] };

export function logsSection(store: LogsStore): DurableSection<LogsChange> {
  let restoring: LogGroupRecord | undefined;
  return {
    name: 'logs',
    formatVersion: 1,
    apply: (change) => store.apply(change),
    *snapshot() {
      for (const group of [...store.all()]) {
        const where = { a: group.account, r: group.region, g: group.name };
        yield { t: 'group', ...where, at: group.creationTime, tags: group.tags, streams: [...group.streams.values()].map((s) => [s.name, s.creationTime]) } satisfies Chunk;
        for (const stream of group.streams.values()) {
          for (let start = 0; start < stream.events.length; start += EVENTS_PER_CHUNK) {
            const events = stream.events.slice(start, start + EVENTS_PER_CHUNK).map((e): [number, string, number, number] => [e.timestamp, e.message, e.ingestionTime, e.serial]);
            yield { t: 'events', ...where, s: stream.name, events } satisfies Chunk;
          }
        }
      }
    },
    restore(value) {
      // What a file holds is checked, not trusted: anything but these two kinds is damage.
      const chunk = value as Chunk | { t?: undefined };
      if (chunk.t === 'group') {
        restoring = {
          account: chunk.a,
          region: chunk.r,
          name: chunk.g,
          creationTime: chunk.at,
          tags: { ...chunk.tags },
          streams: new Map(chunk.streams.map(([name, creationTime]) => [name, { name, creationTime, events: [] }])),
        };
        store.restore(restoring);
        return;
      }
      if (chunk.t !== 'events') throw new Error(`unknown snapshot chunk ${JSON.stringify(chunk).slice(0, 80)}`);
      const stream = restoring?.account === chunk.a && restoring.region === chunk.r && restoring.name === chunk.g ? restoring.streams.get(chunk.s) : undefined;
      if (!stream) throw new Error(`events for a log stream the snapshot did not describe (${chunk.g} ${chunk.s})`);
      for (const [timestamp, message, ingestionTime, serial] of chunk.events) {
        stream.events.push({ timestamp, message, ingestionTime, serial });
        store.restoredSerial(serial);
      }
    },
    reset: () => {
      restoring = undefined;
      store.clear();
    },
  };
}
