import { ACTIONS } from '../actions/action-registry.js';
import { CHECKS } from '../checks/check-registry.js';
import { LabRunner } from '../runner/lab-runner.js';
import { saveSessionProgress, type LabSession } from './lab-session.js';

export function createRunner(session: LabSession, clock: () => number = Date.now): LabRunner {
  const runner = new LabRunner({
    lab: session.lab,
    context: session.context,
    checks: CHECKS,
    actions: ACTIONS,
    initial: session.initial,
    save: (snapshot) => saveSessionProgress(session, snapshot),
    clock,
    retarget: (target) => session.retarget(target),
  });
  for (const observe of session.runnerObservers ?? []) observe(runner);
  return runner;
}
