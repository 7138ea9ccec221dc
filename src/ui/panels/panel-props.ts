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
  captureKeys(captured: boolean): void;
}
