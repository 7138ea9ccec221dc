import type { ClassifiedError } from './classify-error.js';
import type { Diagnosis, DiagnosisContext } from './diagnosis.js';
import type { OtherAccountsProbe } from './other-accounts.js';

/**
 * Lookups the stream-not-found diagnosis needs, passed in so the catalog does no I/O of its own.
 * The runner implements them over the Kinesis adapter; tests pass fakes. A lookup that fails is
 * treated as "found nothing".
 */
export interface StreamProbes {
  /** Regions other than the current one that have a stream with exactly this name. */
  findStreamInOtherRegions(name: string): Promise<string[]>;
  /** Every stream name in the current region. */
  listStreamsHere(): Promise<string[]>;
  /** The stream's status (`CREATING`, `DELETING` …) when ResourceInUseException does not say it. Optional. */
  streamStatus?(name: string): Promise<string | undefined>;
  /** On a sandbox: where else (another account) a name exists. */
  otherAccounts?: OtherAccountsProbe;
}

/** What each catalog entry looks at. `raw` is the thrown value itself, for entries that match our own failure classes. */
export interface DiagnoseInput {
  error: ClassifiedError;
  raw: unknown;
  ctx: DiagnosisContext;
  probes?: StreamProbes;
}

/**
 * One row of the diagnosis catalog: which errors it explains and how. Entries are tried in
 * catalog order and the first whose `matches` says yes builds the diagnosis.
 */
export interface CatalogEntry {
  /** The `Diagnosis.kind` this entry produces. */
  kind: string;
  matches(input: DiagnoseInput): boolean;
  diagnose(input: DiagnoseInput): Diagnosis | Promise<Diagnosis>;
}

/** True when the error's name is one of `names` (AWS names the same error differently per protocol). */
export function named(input: DiagnoseInput, ...names: string[]): boolean {
  return names.includes(input.error.name);
}
