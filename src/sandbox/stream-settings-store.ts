/**
 * What the sandbox remembers about each stream beyond what kinesalite stores: kinesalite (2020)
 * predates on-demand streams, configurable record sizes, CreateStream tags and enhanced
 * monitoring, and drops those request fields. Kept per region; written to
 * `<dataDir>/<region>/stream-settings.json` when the sandbox persists data.
 *
 * File format (formatVersion 1):
 * `{ "formatVersion": 1, "streams": { "<StreamName>": StreamSettings } }`
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Sandbox-side settings of one stream. */
export interface StreamSettings {
  mode: 'PROVISIONED' | 'ON_DEMAND';
  /** As given to CreateStream; absent means AWS's default of 1024 KiB. */
  maxRecordSizeInKiB?: number;
  /** Tags given to CreateStream (kinesalite would lose tags added while the stream is CREATING). */
  tags?: Record<string, string>;
  /** Shard-level metrics turned on by EnableEnhancedMonitoring. */
  shardLevelMetrics?: string[];
}

interface SettingsFile {
  formatVersion: 1;
  streams: Record<string, StreamSettings>;
}

export class StreamSettingsStore {
  private readonly streams = new Map<string, StreamSettings>();

  /** @param filePath where to persist; in memory only when undefined. */
  constructor(private readonly filePath?: string) {
    if (filePath) this.load(filePath);
  }

  get(streamName: string): StreamSettings | undefined {
    return this.streams.get(streamName);
  }

  set(streamName: string, settings: StreamSettings): void {
    this.streams.set(streamName, settings);
    this.save();
  }

  update(streamName: string, change: (current: StreamSettings) => StreamSettings): void {
    // Streams created before the sandbox knew them (or by kinesalite alone) are provisioned.
    this.set(streamName, change(this.streams.get(streamName) ?? { mode: 'PROVISIONED' }));
  }

  delete(streamName: string): void {
    if (this.streams.delete(streamName)) this.save();
  }

  private load(filePath: string): void {
    let text: string;
    try {
      text = readFileSync(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const parsed = JSON.parse(text) as Partial<SettingsFile>;
    if (parsed.formatVersion !== 1 || typeof parsed.streams !== 'object' || parsed.streams === null) {
      throw new Error(`${filePath} is not a kinesis-lab stream settings file (formatVersion 1).`);
    }
    for (const [name, settings] of Object.entries(parsed.streams)) this.streams.set(name, settings);
  }

  private save(): void {
    if (!this.filePath) return;
    const file: SettingsFile = { formatVersion: 1, streams: Object.fromEntries(this.streams) };
    mkdirSync(dirname(this.filePath), { recursive: true });
    // Write then rename, so a crash mid-write never leaves half a file.
    const temporary = `${this.filePath}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(file, null, 2)}\n`);
    renameSync(temporary, this.filePath);
  }
}
