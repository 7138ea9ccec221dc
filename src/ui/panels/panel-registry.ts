import type { ComponentType } from 'react';
import { MetricsPanel } from './MetricsPanel.js';
import { PipePanel } from './PipePanel.js';
import type { PanelProps } from './panel-props.js';
import { PANEL_KINDS, type PanelKind } from './panel-kinds.js';

/**
 * Panel kinds a lab.json step may name in `panel`. A panel shows live, step-specific state below the
 * step text (e.g. CloudWatch's per-minute counts). A new kind is named in panel-kinds.ts and added here.
 */
const BY_KIND: Readonly<Record<PanelKind, ComponentType<PanelProps>>> = {
  metrics: MetricsPanel,
  pipe: PipePanel,
};

export const PANELS: Readonly<Record<string, ComponentType<PanelProps>>> = BY_KIND;
export { PANEL_KINDS };
