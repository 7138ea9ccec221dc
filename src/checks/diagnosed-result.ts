import type { Diagnosis } from '../diagnose/diagnosis.js';
import type { CheckResult } from '../engine/check-result.js';

/** A check or action that could not look because of an error: the diagnosis becomes its result. */
export function diagnosedResult(step: string, diagnosis: Diagnosis): CheckResult {
  return {
    step,
    outcome: 'error',
    summary: diagnosis.what,
    evidence: [diagnosis.why],
    fix: diagnosis.fix,
    errorKind: diagnosis.kind,
    ...(diagnosis.autoFix ? { autoFix: diagnosis.autoFix } : {}),
  };
}
