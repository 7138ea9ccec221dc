import { ACTIONS } from '../actions/action-registry.js';
import { CHECKS } from '../checks/check-registry.js';
import { LabRunner } from '../runner/lab-runner.js';
import { saveSessionProgress, type LabSession } from './lab-session.js';
import { lookFrom } from './look-at-world.js';
import type { SessionLedger } from '../engine/session-ledger.js';

/** `survey`: look at what exists once the lab completes, for the full-screen completion summary. */
export function createRunner(session: LabSession, clock: () => number = Date.now, options: { survey?: boolean } = {}): LabRunner {
  const runner = new LabRunner({
    lab: session.lab,
    context: session.context,
    checks: CHECKS,
    actions: ACTIONS,
    initial: session.initial,
    save: (snapshot) => saveSessionProgress(session, snapshot),
    clock,
    retarget: (target) => session.retarget(target),
    ...(options.survey ? { survey: (ledger: SessionLedger) => lookFrom(session, ledger).then((look) => ('survey' in look ? look.survey : undefined)) } : {}),
  });
  for (const observe of session.runnerObservers ?? []) observe(runner);
  return runner;
}
