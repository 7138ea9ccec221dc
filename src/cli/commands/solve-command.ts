import { messages } from '../../i18n/messages.js';
import type { Lang } from '../../i18n/lang.js';
import { progressMessages, utcTime } from '../../i18n/progress-messages.js';
import type { LabRunner } from '../../runner/lab-runner.js';
import { createRunner } from '../create-runner.js';
import type { LabSession } from '../lab-session.js';
import type { Output } from '../output.js';
import { reportFileProblems } from '../progress-problems.js';
import { comingNextResult, printResult, selectSteps } from './check-command.js';

/**
 * `kinesis-lab solve STEP…`: the step's "do it for me" action, then its check, without the TUI — how an
 * instructor catches a learner up. Progress is saved as if the learner had pressed d; when it cannot be
 * saved the command says so and exits 1, even if every check passed.
 */
export async function solveCommand(session: LabSession, ids: string[], json: boolean, output: Output, signal?: AbortSignal): Promise<number> {
  const runner = createRunner(session);
  // Stopped: the running action ends as the stop key would end it (a producer reports what it sent).
  signal?.addEventListener('abort', () => runner.cancel(), { once: true });
  const problems = reportFileProblems(runner, session.settings.lang, json, output);
  const stopWaitLines = printMetricsWait(runner, session.settings.lang, json, output);
  let failed = 0;
  for (const step of selectSteps(session, ids)) {
    if (signal?.aborted) {
      failed += 1;
      break;
    }
    if (step.comingNext) {
      printResult(comingNextResult(step), session, json, output);
      failed += 1;
      continue;
    }
    runner.dispatch({ type: 'open-step', step: step.id, at: Date.now() });
    runner.dispatch({ type: 'choose-mode', mode: 'auto', at: Date.now() });
    await runner.idle();
    let result = runner.current.state.steps[step.id]?.lastResult;
    // A name taken by someone else's resource: solve takes the free names the step offers, as f would.
    const fix = result?.autoFix;
    if (fix?.type === 'use-names' && !signal?.aborted) {
      if (!json) {
        const lang = session.settings.lang;
        output.out(result!.summary[lang]);
        for (const line of result!.evidence) output.out(`  - ${line[lang]}`);
        output.out(`${messages(lang).fixApplying(fix)}.`);
      }
      runner.dispatch({ type: 'fix-requested', at: Date.now() });
      await runner.idle();
      result = runner.current.state.steps[step.id]?.lastResult;
    }
    if (!json) for (const note of runner.current.notes) output.out(note[session.settings.lang]);
    if (result) printResult(result, session, json, output);
    if (result?.outcome !== 'passed') failed += 1;
    problems.sayWarnings();
  }
  await runner.idle();
  stopWaitLines();
  const saved = problems.finish();
  return failed === 0 && saved ? 0 : 1;
}

/** While step 4's "do it for me" waits for CloudWatch: a line when the count changes, else every 15 s. */
function printMetricsWait(runner: LabRunner, lang: Lang, json: boolean, output: Output): () => void {
  let last: { counted: number; at: number } | undefined;
  return runner.subscribe((view) => {
    const wait = view.metricsWait;
    if (!wait) return;
    const at = Date.now();
    if (last?.counted === wait.counted && at - last.at < 15_000) return;
    last = { counted: wait.counted, at };
    const text = progressMessages(lang).metricsWaiting(wait.counted, wait.sent, utcTime(wait.expectedAt), utcTime(wait.giveUpAt));
    // Progress is not a result: with --json it goes to stderr, as one object.
    if (json) output.err(JSON.stringify({ progress: text }));
    else output.out(text);
  });
}
