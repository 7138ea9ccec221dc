import { ACCESS_DENIED_ENTRIES } from './access-denied.js';
import type { CatalogEntry, DiagnoseInput, StreamProbes } from './catalog-entry.js';
import { classifyError } from './classify-error.js';
import { CREDENTIALS_ENTRIES } from './credentials.js';
import type { Diagnosis, DiagnosisContext } from './diagnosis.js';
import { INVALID_INPUT_ENTRIES } from './invalid-input.js';
import { KMS_ENTRIES } from './kms.js';
import { LIMIT_EXCEEDED_ENTRIES } from './limit-exceeded.js';
import { EmptyMetricsFailure, METRICS_EMPTY_ENTRIES, type EmptyMetricsFacts } from './metrics-empty.js';
import { NETWORK_ENTRIES } from './network.js';
import { PIPES_STATE_ENTRIES, PipeStateFailure } from './pipes-state.js';
import { RESOURCE_IN_USE_ENTRIES } from './resource-in-use.js';
import { RESOURCE_NOT_FOUND_ENTRIES } from './resource-not-found.js';
import { THROTTLING_ENTRIES } from './throttling.js';
import { UNKNOWN_ENTRY } from './unknown.js';
import { redactSecrets } from './redact-secrets.js';
import type { Localized } from '../i18n/lang.js';

export type { StreamProbes } from './catalog-entry.js';
export { diagnoseThrottledEntries, diagnoseThrottledRun, type StreamCapacity } from './throttling.js';
export { EmptyMetricsFailure, type EmptyMetricsFacts } from './metrics-empty.js';
export { PipeStateFailure } from './pipes-state.js';

/**
 * Every error the lab can meet, in the order they are tried. Order matters where names overlap:
 * our own failure classes first; credential problems before access-denied (AWS reports a skewed
 * clock as InvalidSignatureException); the specific validation and limit entries before their
 * generic siblings; network and 5xx near the end; the fallback last.
 */
export const CATALOG: readonly CatalogEntry[] = [
  ...PIPES_STATE_ENTRIES,
  ...METRICS_EMPTY_ENTRIES,
  ...CREDENTIALS_ENTRIES,
  ...KMS_ENTRIES,
  ...ACCESS_DENIED_ENTRIES,
  ...RESOURCE_NOT_FOUND_ENTRIES,
  ...RESOURCE_IN_USE_ENTRIES,
  ...THROTTLING_ENTRIES,
  ...LIMIT_EXCEEDED_ENTRIES,
  ...INVALID_INPUT_ENTRIES,
  ...NETWORK_ENTRIES,
  UNKNOWN_ENTRY,
];

/**
 * Turns anything thrown into what happened, why, and what to do. Never throws: if an entry
 * fails while explaining, the fallback explains the original error instead.
 */
export async function diagnose(error: unknown, ctx: DiagnosisContext, probes?: StreamProbes): Promise<Diagnosis> {
  const input: DiagnoseInput = { error: classifyError(error), raw: error, ctx };
  if (probes) input.probes = probes;
  const entry = CATALOG.find((candidate) => candidate.matches(input)) ?? UNKNOWN_ENTRY;
  let diagnosis: Diagnosis;
  try {
    diagnosis = await entry.diagnose(input);
  } catch {
    diagnosis = await UNKNOWN_ENTRY.diagnose(input);
  }
  return redacted(diagnosis);
}

/** Diagnoses are printed and saved in the progress file; they name endpoints, which may carry a password. */
function redacted(diagnosis: Diagnosis): Diagnosis {
  const clean = (text: Localized): Localized => ({ en: redactSecrets(text.en), ko: redactSecrets(text.ko) });
  return { ...diagnosis, what: clean(diagnosis.what), why: clean(diagnosis.why), fix: clean(diagnosis.fix) };
}

/** A pipe that ended in a failed or transitional state, from DescribePipe's CurrentState and StateReason. */
export function diagnosePipeState(pipeName: string, state: string, stateReason: string, ctx: DiagnosisContext): Promise<Diagnosis> {
  return diagnose(new PipeStateFailure(pipeName, state, stateReason), ctx);
}

/** CloudWatch returned no data points for a put metric. */
export function diagnoseEmptyMetrics(facts: EmptyMetricsFacts, ctx: DiagnosisContext): Promise<Diagnosis> {
  return diagnose(new EmptyMetricsFailure(facts), ctx);
}
