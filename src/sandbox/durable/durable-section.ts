/**
 * The contract a sandbox service implements to keep its state in the data folder (Kinesis today;
 * CloudWatch datapoints, Pipes and their checkpoints, IAM and Logs can plug in the same way).
 *
 * A section is a state machine over its own changes. Every change goes through `DurableLog.record`:
 * written to the section's journal (one JSON line, written before the call that made it is answered)
 * and then applied. From time to time the store writes a snapshot of the whole section (atomically)
 * and empties the journal. On start the section is rebuilt by `restore` of each snapshot chunk, in
 * order, then `apply` of each journal entry written after the snapshot.
 *
 * Rules for implementers:
 * - `apply` must be deterministic: the same changes in the same order give the same state. Take
 *   times and generated values (sequence numbers, ids) into the change; never read the clock there.
 * - Changes and snapshot chunks must survive JSON.stringify / JSON.parse unchanged (no Buffers, Maps,
 *   Dates, undefined values that matter).
 * - Raise `formatVersion` when the shape of changes or chunks changes incompatibly; a file written
 *   with a newer version is moved aside rather than misread.
 */
export interface DurableSection<Change> {
  /** File stem in the data folder: `<name>.snapshot.jsonl`, `<name>.journal.jsonl`. */
  readonly name: string;
  readonly formatVersion: number;
  /**
   * A journal past this size (or past the last snapshot's size, if larger) is folded into a new
   * snapshot. A section whose state is much smaller than its changes (CloudWatch's minute sums) sets
   * it low, so a restart replays little. @default 64 MiB
   */
  readonly journalLimitBytes?: number;
  /** Applies one change, live or when the journal is replayed. */
  apply(change: Change): void;
  /** The whole state as JSON-able chunks (a large state in many small chunks). */
  snapshot(): Iterable<unknown>;
  /** Restores one chunk of a snapshot, in the order `snapshot` produced them, onto an empty state. */
  restore(chunk: unknown): void;
  /** Back to the empty state (a damaged file was moved aside). */
  reset(): void;
}

/** How a service records a change: journaled first when the sandbox keeps data, then applied. */
export interface DurableLog<Change> {
  record(change: Change): void;
}
