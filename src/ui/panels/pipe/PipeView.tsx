import { Box } from 'ink';
import { formLines } from './pipe-form-lines.js';
import { statusLines } from './pipe-status-lines.js';
import type { PipeViewProps } from './pipe-view-props.js';

export type { PipeViewProps } from './pipe-view-props.js';

/** Step 5's panel: the settings (or their form), the filter tried on the learner's records, the event shape, the pipe's state and what arrived. */
export function PipeView(props: PipeViewProps) {
  const { height } = props;
  // Keeps its rows; the activity area above is the one that clips (LabScreen).
  return <Box flexDirection="column" flexShrink={0}>{props.form ? formLines(props, props.form).slice(0, height) : statusLines(props).slice(0, height)}</Box>;
}
