/**
 * A pipe's state transitions: CREATING, STARTING, STOPPING, UPDATING and DELETING each settle
 * after a delay into RUNNING, STOPPED, a *_FAILED state or deletion, as AWS's pipes do. Every
 * change is committed as an edited copy (journaled first when the sandbox keeps data).
 */
import type { PipeChange, PipeRecord, PipeState, PipeTable } from './pipe-table.js';

export const TRANSITIONAL: ReadonlySet<PipeState> = new Set(['CREATING', 'UPDATING', 'DELETING', 'STARTING', 'STOPPING']);

export interface PipeLifecycleOptions {
  clock: () => number;
  creatingDelayMs: number;
  transitionDelayMs: number;
  checkResources: (pipe: PipeRecord) => Promise<string | undefined>;
  onStateChange: ((pipe: PipeRecord, change: { deleted: boolean }) => void) | undefined;
  table: PipeTable;
  commit: (change: PipeChange) => void;
}

export class PipeLifecycle {
  readonly table: PipeTable;
  readonly clock: () => number;
  readonly creatingDelayMs: number;
  readonly transitionDelayMs: number;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly options: PipeLifecycleOptions) {
    this.table = options.table;
    this.clock = options.clock;
    this.creatingDelayMs = options.creatingDelayMs;
    this.transitionDelayMs = options.transitionDelayMs;
  }

  /** Commits an edited copy of the pipe (journaled, then applied in place). */
  save(pipe: PipeRecord, edit: (copy: PipeRecord) => void): void {
    const copy = structuredClone(pipe);
    edit(copy);
    this.options.commit({ k: 'pipe', pipe: copy });
  }

  /** Adds a new pipe (in CREATING, with its settlesAt set) and starts its clock. */
  add(pipe: PipeRecord): PipeRecord {
    this.options.commit({ k: 'pipe', pipe });
    const created = this.table.get(pipe.account, pipe.region, pipe.name)!;
    this.options.onStateChange?.(created, { deleted: false });
    this.scheduleSettle(created);
    return created;
  }

  /** A settled state (no timer): RUNNING, STOPPED or a *_FAILED one. */
  setState(pipe: PipeRecord, state: PipeState, reason?: string): void {
    this.save(pipe, (copy) => {
      copy.currentState = state;
      delete copy.settlesAt;
      if (reason === undefined) delete copy.stateReason;
      else copy.stateReason = reason.slice(0, 512);
    });
    this.options.onStateChange?.(pipe, { deleted: false });
  }

  /** A transitional state that settles after `ms`; `edit` makes the call's other changes in the same step. */
  transition(pipe: PipeRecord, state: PipeState, ms: number, edit: (copy: PipeRecord) => void = () => undefined): void {
    this.save(pipe, (copy) => {
      edit(copy);
      copy.currentState = state;
      copy.settlesAt = Date.now() + ms;
      delete copy.stateReason;
    });
    this.options.onStateChange?.(pipe, { deleted: false });
    this.scheduleSettle(pipe);
  }

  /** Carries on after a restart: runs RUNNING pipes, finishes transitions that were under way. */
  resume(): void {
    for (const pipe of this.table.all()) {
      if (TRANSITIONAL.has(pipe.currentState)) this.scheduleSettle(pipe);
      else this.options.onStateChange?.(pipe, { deleted: false });
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Settles a transitional pipe when its time comes, unless it was deleted or the sandbox stopped meanwhile. */
  private scheduleSettle(pipe: PipeRecord): void {
    const from = pipe.currentState;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.stopped || this.table.get(pipe.account, pipe.region, pipe.name) !== pipe || pipe.currentState !== from) return;
      // Fire and forget from a timer: a failure becomes the pipe's failed state.
      void Promise.resolve(this.settle(pipe, from)).catch((error: unknown) => this.setState(pipe, failedStateOf(pipe.currentState), `Internal error: ${String(error)}`));
    }, Math.max(0, (pipe.settlesAt ?? 0) - Date.now()));
    this.timers.add(timer);
  }

  private async settle(pipe: PipeRecord, from: PipeState): Promise<void> {
    switch (from) {
      case 'CREATING':
      case 'STARTING':
      case 'UPDATING': {
        // From CREATING/STARTING/UPDATING: run or stop as desired, or fail with the reason.
        const reason = await this.options.checkResources(pipe);
        if (pipe.currentState !== from) return;
        if (reason !== undefined) this.setState(pipe, failedStateOf(from), reason);
        else this.setState(pipe, pipe.desiredState);
        return;
      }
      case 'STOPPING':
        this.setState(pipe, 'STOPPED');
        return;
      case 'DELETING':
        this.options.commit({ k: 'drop', account: pipe.account, region: pipe.region, name: pipe.name });
        this.options.onStateChange?.(pipe, { deleted: true });
        return;
      default:
        return;
    }
  }
}

function failedStateOf(state: PipeState): PipeState {
  switch (state) {
    case 'CREATING':
      return 'CREATE_FAILED';
    case 'STARTING':
      return 'START_FAILED';
    case 'STOPPING':
      return 'STOP_FAILED';
    case 'DELETING':
      return 'DELETE_FAILED';
    default:
      return 'UPDATE_FAILED';
  }
}
