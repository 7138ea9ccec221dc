import { withTimeout } from '../aws/with-timeout.js';
import { surveyWorld } from '../checks/world-survey.js';
import type { WorldSurvey } from '../engine/world-survey-types.js';
import type { SessionLedger } from '../engine/session-ledger.js';
import { openLabSession, type LabSession } from './lab-session.js';
import type { GlobalOptions } from './parse-args.js';

/** A look at the world takes at most this long: a summary should not wait on a slow region. */
const SURVEY_MS = 20_000;

export type WorldLook = { survey: WorldSurvey } | { error: string };

/** What exists now where this session runs (checks/world-survey.ts), bounded in time; the error when it cannot look. */
export async function lookFrom(session: LabSession, ledger: SessionLedger): Promise<WorldLook> {
  try {
    const survey = await withTimeout(surveyWorld(session.context, ledger), SURVEY_MS, undefined);
    return survey ? { survey } : { error: `no answer within ${SURVEY_MS / 1000} s` };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The same for a command that has no session yet (`report`): opens one with the same flags, looks, closes it. */
export async function lookAtWorld(global: GlobalOptions, env: NodeJS.ProcessEnv, ledger: SessionLedger): Promise<WorldLook> {
  let session: LabSession;
  try {
    session = await openLabSession(global, { env });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  try {
    return await lookFrom(session, ledger);
  } finally {
    await session.close();
  }
}
