import { CHECKS } from '../../checks/check-registry.js';
import type { CheckResult } from '../../engine/check-result.js';
import type { LabStep } from '../../content/lab-model.js';
import { checkJsonLine, checkPlainLines } from '../format-check.js';
import type { LabSession } from '../lab-session.js';
import type { Output } from '../output.js';

/** Step ids named on the command line, or every playable step when none are. */
export function selectSteps(session: LabSession, ids: string[]): LabStep[] {
  const steps = session.lab.steps;
  return ids.length === 0 ? steps.filter((s) => !s.comingNext) : ids.map((id) => steps.find((s) => s.id === id)!).filter(Boolean);
}

export function comingNextResult(step: LabStep): CheckResult {
  return {
    step: step.id,
    outcome: 'failed',
    summary: { en: `Step ${step.id} arrives in a coming release; this version cannot check it.`, ko: `${step.id} 단계는 다음 릴리스에 추가되며 이 버전에서는 확인할 수 없습니다.` },
    evidence: [],
    fix: { en: 'Update kinesis-lab (npx kinesis-lab@latest) when the release is out.', ko: '릴리스가 나오면 kinesis-lab을 업데이트하세요(npx kinesis-lab@latest).' },
    errorKind: 'coming-next',
  };
}

export async function runStepCheck(session: LabSession, step: LabStep): Promise<CheckResult> {
  const check = step.check ? CHECKS[step.check.kind] : undefined;
  if (step.comingNext || !step.check || !check) return comingNextResult(step);
  return check(session.context, step.id, step.check.params);
}

export function printResult(result: CheckResult, session: LabSession, json: boolean, output: Output): void {
  const lang = session.settings.lang;
  if (json) output.out(checkJsonLine(result, lang));
  else for (const line of checkPlainLines(result, lang)) output.out(line);
}

/** Failures that say the endpoint itself is out of reach: every later check would wait the same way. */
const ENDPOINT_OUT_OF_REACH = new Set(['network-timeout', 'network-unreachable']);

/**
 * A later step's line once an earlier check found the endpoint out of reach. Without it a black-hole
 * endpoint cost every step its full deadline and retries (minutes in all) to learn nothing new.
 */
export function notCheckedResult(step: LabStep, cause: CheckResult): CheckResult {
  return {
    step: step.id,
    outcome: 'error',
    summary: {
      en: `Not checked: the endpoint did not answer the check of ${cause.step} (above), so this one would wait the same way.`,
      ko: `확인하지 않았습니다. 위의 ${cause.step} 단계 확인에 엔드포인트가 응답하지 않아, 이 단계도 똑같이 기다리기만 할 것입니다.`,
    },
    // The fix is the one printed with the check that met the silence; once is enough.
    evidence: [],
    errorKind: 'not-checked-endpoint',
  };
}

/** `kinesis-lab check [STEP…] [--json]`: read-only; exit 0 when every named check passes, else 1. */
export async function checkCommand(session: LabSession, ids: string[], json: boolean, output: Output, signal?: AbortSignal): Promise<number> {
  let failed = 0;
  let outOfReach: CheckResult | undefined;
  for (const step of selectSteps(session, ids)) {
    // Stopped (Ctrl+C, SIGTERM): the steps not checked yet are not failures to report.
    if (signal?.aborted) return 1;
    const result = outOfReach ? notCheckedResult(step, outOfReach) : await runStepCheck(session, step);
    if (!outOfReach && result.errorKind !== undefined && ENDPOINT_OUT_OF_REACH.has(result.errorKind)) outOfReach = result;
    printResult(result, session, json, output);
    if (result.outcome !== 'passed') failed += 1;
  }
  return failed === 0 ? 0 : 1;
}
