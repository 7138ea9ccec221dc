import type { CheckResult } from '../engine/check-result.js';
import type { Lang } from '../i18n/lang.js';
import { messages } from '../i18n/messages.js';

/** `check --json`: one object per line, the contract instructors' scripts read. */
export function checkJsonLine(result: CheckResult, lang: Lang): string {
  return JSON.stringify({
    step: result.step,
    ok: result.outcome === 'passed',
    summary: result.summary[lang],
    evidence: result.evidence.map((e) => e[lang]),
    fix: result.fix ? result.fix[lang] : null,
    // Present only when a diagnosis has a one-key fix, e.g. {"type":"switch-region","region":"us-west-2"}.
    ...(result.autoFix ? { autoFix: result.autoFix } : {}),
  });
}

/** Plain, screen-reader-friendly lines: the verdict, then what was looked at, then what to do. */
export function checkPlainLines(result: CheckResult, lang: Lang): string[] {
  const m = messages(lang);
  const lines = [m.checkLine(result.step, result.outcome === 'passed', result.summary[lang])];
  for (const e of result.evidence) lines.push(`  - ${e[lang]}`);
  if (result.fix) lines.push(`  ${m.whatToDo}: ${result.fix[lang]}`);
  return lines;
}
