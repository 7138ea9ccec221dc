/**
 * The Pipes state of the sandbox: every pipe by account, region and name, and what each pipe's
 * runner has done (per-shard checkpoints, counts, deliveries under way). It changes only through
 * `apply(change)` — live, after the change was journaled (pipes-section.ts), and when the journal is
 * replayed — so a restart finds every pipe in its state and every runner where it stopped.
 */

export type PipeState =
  | 'RUNNING' | 'STOPPED' | 'CREATING' | 'UPDATING' | 'DELETING' | 'STARTING' | 'STOPPING'
  | 'CREATE_FAILED' | 'UPDATE_FAILED' | 'START_FAILED' | 'STOP_FAILED' | 'DELETE_FAILED';

export type DesiredState = 'RUNNING' | 'STOPPED';

/** A pipe as the sandbox stores it; parameter objects are kept as the client sent them (JSON). */
export interface PipeRecord {
  account: string;
  region: string;
  name: string;
  arn: string;
  description?: string;
  desiredState: DesiredState;
  currentState: PipeState;
  stateReason?: string;
  source: string;
  sourceParameters: Record<string, unknown>;
  enrichment?: string;
  enrichmentParameters?: Record<string, unknown>;
  target: string;
  targetParameters: Record<string, unknown>;
  roleArn: string;
  tags: Record<string, string>;
  logConfiguration?: Record<string, unknown>;
  kmsKeyIdentifier?: string;
  /** ms since epoch, from the service clock. */
  creationTime: number;
  lastModifiedTime: number;
  /** In a transitional state: when it settles (wall-clock ms), so a restart finishes it on time. */
  settlesAt?: number;
}

/** What a pipe's runner has done, kept so a restart resumes it where it stopped. */
export interface PipeProgress {
  /** Highest sequence number handled (delivered or filtered out) per shard. */
  checkpoints: Record<string, string>;
  delivered: number;
  filteredOut: number;
  /** When the pipe first ran (wall-clock ms): LATEST means records from then on. */
  runningSince?: number;
  /**
   * Shards with a delivery begun and not yet checkpointed, and when it began (wall-clock ms). After a
   * crash the target is read from then on, so records that reached it are not sent twice.
   */
  inFlight: Record<string, number>;
}

/** Every change to the Pipes state (on-disk format: one line of the `pipes` journal each). */
export type PipeChange =
  | { k: 'pipe'; pipe: PipeRecord }
  | { k: 'drop'; account: string; region: string; name: string }
  | { k: 'running'; arn: string; at: number }
  | { k: 'begin'; arn: string; shard: string; at: number }
  | { k: 'checkpoint'; arn: string; shard: string; seq: string; delivered: number; filteredOut: number };

export class PipeTable {
  readonly #pipes = new Map<string, PipeRecord>();
  readonly #progress = new Map<string, PipeProgress>();

  get(account: string, region: string, name: string): PipeRecord | undefined {
    return this.#pipes.get(pipeKey(account, region, name));
  }

  /** Every pipe of every account. */
  all(): PipeRecord[] {
    return [...this.#pipes.values()];
  }

  /** The runner's progress for a pipe (empty for a pipe that never ran). */
  progress(arn: string): PipeProgress {
    let progress = this.#progress.get(arn);
    if (!progress) this.#progress.set(arn, (progress = { checkpoints: {}, delivered: 0, filteredOut: 0, inFlight: {} }));
    return progress;
  }

  /** The runner's progress, or undefined for a pipe that never ran. */
  peekProgress(arn: string): PipeProgress | undefined {
    return this.#progress.get(arn);
  }

  /** Progress of pipes that exist (snapshots). */
  progressEntries(): [arn: string, progress: PipeProgress][] {
    return [...this.#progress];
  }

  restoreProgress(arn: string, progress: PipeProgress): void {
    this.#progress.set(arn, progress);
  }

  apply(change: PipeChange): void {
    switch (change.k) {
      case 'pipe': {
        const key = pipeKey(change.pipe.account, change.pipe.region, change.pipe.name);
        const existing = this.#pipes.get(key);
        if (existing?.creationTime === change.pipe.creationTime && existing.arn === change.pipe.arn) {
          // Changed in place: timers and runners holding the pipe see the new state.
          for (const field of Object.keys(existing)) delete (existing as unknown as Record<string, unknown>)[field];
          Object.assign(existing, change.pipe);
        } else {
          this.#pipes.set(key, { ...change.pipe });
        }
        return;
      }
      case 'drop': {
        const pipe = this.#pipes.get(pipeKey(change.account, change.region, change.name));
        if (!pipe) return;
        this.#pipes.delete(pipeKey(change.account, change.region, change.name));
        this.#progress.delete(pipe.arn);
        return;
      }
      case 'running':
        this.progress(change.arn).runningSince ??= change.at;
        return;
      case 'begin':
        this.progress(change.arn).inFlight[change.shard] ??= change.at;
        return;
      case 'checkpoint': {
        const progress = this.progress(change.arn);
        progress.checkpoints[change.shard] = change.seq;
        progress.delivered += change.delivered;
        progress.filteredOut += change.filteredOut;
        delete progress.inFlight[change.shard];
        return;
      }
    }
  }

  clear(): void {
    this.#pipes.clear();
    this.#progress.clear();
  }
}

function pipeKey(account: string, region: string, name: string): string {
  return `${account}/${region}/${name}`;
}
