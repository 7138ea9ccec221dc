/**
 * The blocks under the step's text, in the order the screen shows them: warnings, a failed save,
 * the written-code notice, the step's activity and result, a hint, the producer's best rates, the
 * lab's completion and the start-up notices. labLayout decides how many rows each keeps.
 */
import type { Lab, LabStep } from '../../content/lab-model.js';
import { bestRate } from '../../engine/session-ledger.js';
import type { StepProgress } from '../../engine/step-state.js';
import type { Lang } from '../../i18n/lang.js';
import type { Messages } from '../../i18n/messages.js';
import { saveFailureText } from '../../i18n/progress-messages.js';
import type { RunnerView } from '../../runner/lab-runner.js';
import type { AutoFix } from '../../shared/auto-fix.js';
import type { ScreenInfo } from '../screen-info.js';
import type { CodeFilesNotice, UiState } from '../ui-state.js';
import { activityBlocks, wrapped } from './activity-blocks.js';
import { completionBlock, hintBlock, rateBlock } from './extra-blocks.js';
import type { ScreenBlock } from './screen-line.js';

export interface LabScreenBlocksInput {
  lab: Lab;
  view: RunnerView;
  ui: UiState;
  /** Where the run is now (after any switch-region or switch-stream fix). */
  info: ScreenInfo;
  lang: Lang;
  m: Messages;
  width: number;
  now: number;
  stopping: boolean;
  fixOffer: AutoFix | undefined;
  step: LabStep;
  progress: StepProgress;
}

export function labScreenBlocks(input: LabScreenBlocksInput): ScreenBlock[] {
  const { lab, view, ui, info, lang, m, width, step } = input;
  const blocks: ScreenBlock[] = [];
  for (const warning of view.warnings ?? []) blocks.push(kept(wrapped(warning[lang], width, { color: 'yellow' })));
  if (view.saveError) blocks.push(kept(wrapped(saveFailureText(view.saveError, lang), width, { color: 'red' })));
  if (ui.codeFiles) blocks.push(kept(wrapped(codeFilesText(ui.codeFiles, m), width, { color: ui.codeFiles.kind === 'failed' ? 'red' : 'cyan' })));
  blocks.push(...stepActivity(input));
  const hint = ui.hint >= 0 ? step.hints[ui.hint] : undefined;
  if (hint) blocks.push(hintBlock(ui.hint + 1, step.hints.length, hint[lang], m, width));
  if (step.action?.kind === 'produce' && step.action.params.api === 'put-records') {
    // Only runs that went to the stream as it is now (a check or action saw it), not to an older one of that name.
    const where = view.stream ?? { stream: info.stream, region: info.region };
    blocks.push(rateBlock(bestRate(view.ledger, where, 'put-record'), bestRate(view.ledger, where, 'put-records'), m, width));
  }
  if (view.completed) blocks.push(completionBlock(lab, view, info, lang, m, width));
  for (const notice of info.notices) blocks.push({ lines: wrapped(notice, width, { color: 'yellow' }), keep: 0 });
  return blocks;
}

/** The step's own activity: its run (when this step's), notes, result and the fix on offer. */
function stepActivity(input: LabScreenBlocksInput): ScreenBlock[] {
  const { view, info, lang, m, width, now, stopping, fixOffer, step, progress } = input;
  const ownActivity = view.actionStep === step.id;
  return activityBlocks({
    progress,
    lang,
    m,
    width,
    elapsedSeconds: view.actionStartedAt ? Math.max(0, (now - view.actionStartedAt) / 1000) : 0,
    ...(ownActivity && view.streamStatus ? { streamStatus: view.streamStatus } : {}),
    ...(ownActivity && view.producer ? { producer: view.producer } : {}),
    notes: ownActivity ? view.notes : [],
    stopping,
    comingNext: step.comingNext,
    ...(fixOffer ? { fixOffer: { fix: fixOffer, where: { stream: info.stream, region: info.region, sandbox: info.target === 'sandbox' } } } : {}),
    ...(view.fix?.step === step.id ? { fix: view.fix } : {}),
    now,
  });
}

const kept = (lines: ScreenBlock['lines']): ScreenBlock => ({ lines, keep: lines.length });

function codeFilesText(notice: CodeFilesNotice, m: Messages): string {
  switch (notice.kind) {
    case 'written':
      return m.codeWritten(notice.dir, notice.files);
    case 'unchanged':
      return m.codeUnchanged(notice.dir);
    case 'ask':
      return m.codeAskOverwrite(notice.files);
    case 'kept':
      return m.codeKept(notice.files);
    case 'failed':
      return m.codeWriteFailed(notice.message);
  }
}
