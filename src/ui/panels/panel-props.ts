import type { LabStep } from '../../content/lab-model.js';
import type { Lang } from '../../i18n/lang.js';
import type { Messages } from '../../i18n/messages.js';
import type { RunnerView } from '../../runner/lab-runner.js';
import type { ScreenInfo } from '../screen-info.js';

/** What every step panel receives. Panels that fetch data do it in their own `use-*.ts` hook. */
export interface PanelProps {
  step: LabStep;
  view: RunnerView;
  info: ScreenInfo;
  lang: Lang;
  m: Messages;
  width: number;
  /** Rows the panel may use. */
  height: number;
  /** Wall clock of this frame (ms). */
  now: number;
  /**
   * A panel with its own keys (a form) calls this with true while it has focus; the lab's own
   * keys (d, m, c, n …) are then not handled until it calls it with false.
   */
  captureKeys: (captured: boolean) => void;
  /**
   * Saves what the learner chose in the panel's form for this step (kept in the progress file);
   * the step's action and check receive it merged over their lab.json params. Read it back from
   * `view.ledger.choices[step.id]`. Absent where nothing can be saved (static renders).
   */
  choose?: (values: Record<string, unknown>) => void;
}
