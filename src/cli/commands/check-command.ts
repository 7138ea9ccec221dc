import { CHECKS } from '../../checks/check-registry.js';
import type { CheckResult } from '../../checks/check-result.js';
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

/** `kinesis-lab check [STEP…] [--json]`: read-only; exit 0 when every named check passes, else 1. */
export async function checkCommand(session: LabSession, ids: string[], json: boolean, output: Output, signal?: AbortSignal): Promise<number> {
  let failed = 0;
  for (const step of selectSteps(session, ids)) {
    // Stopped (Ctrl+C, SIGTERM): the steps not checked yet are not failures to report.
    if (signal?.aborted) return 1;
    const result = await runStepCheck(session, step);
    printResult(result, session, json, output);
    if (result.outcome !== 'passed') failed += 1;
  }
  return failed === 0 ? 0 : 1;
}
