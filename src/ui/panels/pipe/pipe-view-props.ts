/** What step 5's panel is drawn from; its line builders (status, form, filter) all read it. */
import type { PipeSettings } from '../../../resources/pipe-settings.js';
import type { PipeDescription } from '../../../aws/pipes-adapter.js';
import type { Lang } from '../../../i18n/lang.js';
import type { PipeFormState } from './pipe-form.js';
import type { PipePanelModel } from './pipe-panel-model.js';
import type { PipePanelText } from './pipe-panel-text.js';

export interface PipeViewProps {
  settings: PipeSettings;
  pipeName: string;
  targetStream: string;
  pipe?: PipeDescription;
  pipeLoaded: boolean;
  model: PipePanelModel;
  /** The open form, if the learner is editing. */
  form?: PipeFormState;
  saved: boolean;
  error?: string;
  lang: Lang;
  t: PipePanelText;
  width: number;
  height: number;
  /** Few lines: no event, only the latest arrival (the activity area above needs the room). */
  compact?: boolean;
}
