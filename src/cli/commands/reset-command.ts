import { rename } from 'node:fs/promises';
import { reduce } from '../../engine/reduce.js';
import { loadProgress, ProgressStore } from '../../files/progress-store.js';
import { classroomMessages } from '../../i18n/classroom-messages.js';
import { confirmOrYes } from '../confirm.js';
import { sameTargetCommandLine } from '../lab-command-line.js';
import type { Output } from '../output.js';
import type { Command } from '../parse-args.js';
import { locateProgress, progressOnOtherTarget } from '../progress-location.js';
import { movedAsideNotice } from '../progress-problems.js';
import { printNotices } from '../output.js';

type ResetCommand = Extract<Command, { name: 'reset' }>;

/**
 * `kinesis-lab reset [STEP] [--yes]`: forgets saved progress — one step's result, or the whole file
 * (kept as a `.reset-<time>` copy). Never touches AWS: deleting resources is `cleanup`'s job.
 */
export async function resetCommand(cmd: ResetCommand, env: NodeJS.ProcessEnv, output: Output, now: () => number = Date.now): Promise<number> {
  const { lab, settings, path, configDir } = await locateProgress(cmd.global, env);
  const t = classroomMessages(settings.lang);
  const load = await loadProgress(path);
  if (load.kind === 'corrupt') printNotices(output, [movedAsideNotice(load)], settings.lang, false);
  if (load.kind !== 'loaded') {
    output.out(t.resetNothing);
    const other = await progressOnOtherTarget(configDir, lab.id, settings.target);
    if (other) output.err(t.progressElsewhere(other));
    return 0;
  }
  const title = cmd.step ? (lab.steps.find((s) => s.id === cmd.step)?.title[settings.lang] ?? cmd.step) : undefined;
  const question = title ? t.resetConfirmStep(title) : t.resetConfirmAll(settings.target === 'sandbox' ? 'sandbox' : 'AWS');
  if (!(await confirmOrYes({ yes: cmd.yes, plain: cmd.global.plain, lang: settings.lang, command: 'reset', question }))) {
    output.out(t.notChanged);
    return 1;
  }
  if (cmd.step === undefined) {
    const backup = `${path}.reset-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, backup);
    output.out(t.resetDoneAll(backup, sameTargetCommandLine(cmd.global), sameTargetCommandLine(cmd.global, 'cleanup')));
    return 0;
  }
  const { state } = reduce(load.file.state, { type: 'reset-step', step: cmd.step, at: now() });
  // Merged like any save: a lab open in another terminal keeps what it wrote meanwhile.
  await new ProgressStore(path, load.file, { now }).save({ ...load.file, state });
  output.out(t.resetDoneStep(title ?? cmd.step));
  return 0;
}
