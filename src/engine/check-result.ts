import type { AutoFix } from '../shared/auto-fix.js';
import type { Localized } from '../i18n/lang.js';

/** How a check ended. `error` means the check itself could not look (network, credentials …). */
export type CheckOutcome = 'passed' | 'failed' | 'error';

/**
 * What an automatic check found. Every text is in both languages so the TUI, plain output and
 * `check --json` can render either without re-running the check.
 */
export interface CheckResult {
  step: string;
  outcome: CheckOutcome;
  /** One line: what the check concluded. */
  summary: Localized;
  /** What the check looked at, one fact per line (stream ARN, shard count, records read …). */
  evidence: Localized[];
  /** What to do next when it did not pass. */
  fix?: Localized;
  /** Machine-readable kind of failure, e.g. `stream-not-found`; diagnosis and the class board key on it. */
  errorKind?: string;
  /** A fix the runner may apply with one key (from the diagnosis): switch region or stream, wait and retry, create the stream. */
  autoFix?: AutoFix;
}

export function isPassed(result: CheckResult): boolean {
  return result.outcome === 'passed';
}
