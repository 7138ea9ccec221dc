import { createRunner } from '../create-runner.js';
import type { LabSession } from '../lab-session.js';
import type { Output } from '../output.js';
import { comingNextResult, printResult, selectSteps } from './check-command.js';

/**
 * `kinesis-lab solve STEP…`: the step's "do it for me" action, then its check, without the TUI — how an
 * instructor catches a learner up. Progress is saved as if the learner had pressed d.
 */
export async function solveCommand(session: LabSession, ids: string[], json: boolean, output: Output): Promise<number> {
  const runner = createRunner(session);
  let failed = 0;
  for (const step of selectSteps(session, ids)) {
    if (step.comingNext) {
      printResult(comingNextResult(step), session, json, output);
      failed += 1;
      continue;
    }
    runner.dispatch({ type: 'open-step', step: step.id, at: Date.now() });
    runner.dispatch({ type: 'choose-mode', mode: 'auto', at: Date.now() });
    await runner.idle();
    const result = runner.current.state.steps[step.id]?.lastResult;
    if (!json) for (const note of runner.current.notes) output.out(note[session.settings.lang]);
    if (result) printResult(result, session, json, output);
    if (result?.outcome !== 'passed') failed += 1;
  }
  await runner.idle();
  return failed === 0 ? 0 : 1;
}
