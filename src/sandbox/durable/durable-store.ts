/**
 * Keeps sections (durable-section.ts) in the sandbox's data folder, or in memory when there is none.
 * Each section has its own files, so damage to one never costs another its data:
 *
 *   <dataDir>/sandbox.lock              the owner's pid (data-dir-lock.ts)
 *   <dataDir>/<section>.snapshot.jsonl  the whole section at some point (snapshot-file.ts)
 *   <dataDir>/<section>.journal.jsonl   every change since (journal-file.ts)
 *
 * A damaged file is moved aside (`<file>.damaged-<time>`) and said in a notice, never dropped
 * silently; a torn last journal line (kill -9 mid-write) is cut off with a notice.
 */
import { renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Localized } from '../../i18n/lang.js';
import { dataMessages } from './data-messages.js';
import type { DurableLog, DurableSection } from './durable-section.js';
import { JournalWriter, readJournal } from './journal-file.js';
import { openDataFolder, type OpenDataFolder } from './data-folder.js';
import { SandboxDataError } from './sandbox-data-error.js';
import { readSnapshot, writeSnapshot } from './snapshot-file.js';

/**
 * A journal past this size (unless the section sets its own), or past the size of the last snapshot if
 * that is larger, is folded into a new snapshot: rewriting a large state only once the journal is as
 * large keeps the writing at most about twice what the calls themselves wrote.
 */
const COMPACT_AT_BYTES = 64 * 1024 * 1024;

interface Attached {
  section: DurableSection<unknown>;
  journal?: JournalWriter;
  lsn: number;
  /** Size of the last snapshot written. */
  snapshotBytes: number;
}

export class DurableStore {
  readonly notices: Localized[] = [];
  readonly #attached = new Map<string, Attached>();
  readonly #folder: OpenDataFolder | undefined;
  #closed = false;

  /** @param dataDir the folder to keep data in; in memory when undefined. Throws SandboxDataError. */
  constructor(dataDir: string | undefined) {
    this.#folder = dataDir === undefined ? undefined : openDataFolder(dataDir, this.notices);
  }

  get dataDir(): string | undefined {
    return this.#folder?.dir;
  }

  /** Loads the section from disk (if kept there) and returns how to record its changes. */
  attach<Change>(section: DurableSection<Change>): DurableLog<Change> {
    const attached: Attached = { section: section, lsn: 0, snapshotBytes: 0 };
    this.#attached.set(section.name, attached);
    if (this.#folder) this.#load(attached, this.#folder.dir);
    return {
      record: (change: Change) => {
        if (this.#closed) throw new Error('The sandbox is stopping.');
        const journal = attached.journal;
        if (journal) {
          try {
            journal.append({ n: attached.lsn + 1, c: change });
          } catch (error) {
            throw new SandboxDataError(dataMessages.cannotSave(journal.path, (error as NodeJS.ErrnoException).code ?? String(error)));
          }
          attached.lsn += 1;
        }
        section.apply(change);
        if (journal && journal.bytes > Math.max(section.journalLimitBytes ?? COMPACT_AT_BYTES, attached.snapshotBytes)) this.#compact(attached);
      },
    };
  }

  /** Writes every section's snapshot now (journals emptied). */
  compactAll(): void {
    for (const attached of this.#attached.values()) this.#compact(attached);
  }

  /**
   * Snapshots every section that changed since its last snapshot (a large world read but not changed
   * is not rewritten at every exit), closes the journals and gives the folder's lock back. Idempotent.
   */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      for (const attached of this.#attached.values()) {
        if ((attached.journal?.bytes ?? 0) > 0 || attached.snapshotBytes === 0) this.#compact(attached);
      }
    } finally {
      for (const attached of this.#attached.values()) attached.journal?.close();
      this.#folder?.release();
    }
  }

  /** Gives the lock back without writing anything (a start that failed). */
  abandon(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const attached of this.#attached.values()) attached.journal?.close();
    this.#folder?.release();
  }

  #paths(dir: string, name: string): { snapshot: string; journal: string } {
    return { snapshot: join(dir, `${name}.snapshot.jsonl`), journal: join(dir, `${name}.journal.jsonl`) };
  }

  #load(attached: Attached, dir: string): void {
    const { section } = attached;
    const paths = this.#paths(dir, section.name);
    let repaired = false;
    const snapshot = this.#read(paths.snapshot, () => readSnapshot(paths.snapshot, section.name, section.formatVersion, (chunk) => section.restore(chunk)));
    if (snapshot && !snapshot.ok) {
      // Without its snapshot the journal cannot be replayed either: both go aside, and what was restored is dropped.
      const aside = this.#moveAside(paths.snapshot);
      this.notices.push(snapshot.newerVersion !== undefined
        ? dataMessages.newerFormat(paths.snapshot, aside, snapshot.newerVersion)
        : dataMessages.movedAside(paths.snapshot, aside, snapshot.problem, dir));
      // An empty journal holds nothing to lose; one with entries goes aside with its snapshot.
      const journalAside = isEmptyOrMissing(paths.journal) ? '' : this.#moveAside(paths.journal);
      if (journalAside) this.notices.push(dataMessages.movedAside(paths.journal, journalAside, 'its snapshot was damaged', dir));
      section.reset();
      attached.journal = new JournalWriter(paths.journal, 0);
      this.#compact(attached);
      return;
    }
    if (snapshot?.ok) {
      attached.lsn = snapshot.header.lsn;
      attached.snapshotBytes = statSync(paths.snapshot).size;
    }
    const journal = this.#read(paths.journal, () => readJournal(paths.journal, (entry) => {
      if (entry.n <= attached.lsn) return;
      section.apply(entry.c);
      attached.lsn = entry.n;
    }));
    let validBytes = journal?.validBytes ?? 0;
    if (journal) {
      if (journal.torn) {
        this.notices.push(dataMessages.tornEntry(paths.journal));
        repaired = true;
      }
      if (journal.damage !== undefined) {
        const aside = this.#moveAside(paths.journal);
        this.notices.push(dataMessages.movedAside(paths.journal, aside, journal.damage, dir));
        validBytes = 0;
        repaired = true;
      }
    }
    attached.journal = new JournalWriter(paths.journal, validBytes);
    // After a repair, a snapshot of what was recovered, so the files agree again.
    if (repaired || validBytes > (section.journalLimitBytes ?? COMPACT_AT_BYTES)) this.#compact(attached);
  }

  #read<T>(path: string, read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw new SandboxDataError(dataMessages.cannotRead(path, (error as NodeJS.ErrnoException).code ?? String(error)));
    }
  }

  #compact(attached: Attached): void {
    if (!this.#folder || !attached.journal) return;
    const { section } = attached;
    const paths = this.#paths(this.#folder.dir, section.name);
    attached.snapshotBytes = writeSnapshot(paths.snapshot, { section: section.name, formatVersion: section.formatVersion, lsn: attached.lsn }, section.snapshot());
    attached.journal.clear();
  }

  /** Renames a damaged file out of the way, to a name that says so. */
  #moveAside(path: string): string {
    const aside = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      throw new SandboxDataError(dataMessages.cannotRead(path, (error as NodeJS.ErrnoException).code ?? String(error)));
    }
    return aside;
  }
}

function isEmptyOrMissing(path: string): boolean {
  return (statSync(path, { throwIfNoEntry: false })?.size ?? 0) === 0;
}
