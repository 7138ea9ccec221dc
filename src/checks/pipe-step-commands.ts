import { labCommand } from '../diagnose/diagnosis.js';
import type { LabContext } from './check-context.js';

/** This step's commands in the learner's shell: `solve` (what d does), `check` (c), and the lab opened on the step. */
export function commandsFor(ctx: LabContext, step: string): { solve: string; check: string; open: string } {
  return { solve: labCommand(ctx, `solve ${step}`), check: labCommand(ctx, `check ${step}`), open: labCommand(ctx, `--step ${step}`) };
}
