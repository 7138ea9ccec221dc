import type { ComponentType } from 'react';
import { MetricsPanel } from './MetricsPanel.js';
import { PipePanel } from './PipePanel.js';
import type { PanelProps } from './panel-props.js';

/**
 * Panel kinds a lab.json step may name in `panel`. A panel shows live, step-specific state below the
 * step text (e.g. CloudWatch's per-minute counts); add new kinds here and nowhere else.
 */
export const PANELS: Readonly<Record<string, ComponentType<PanelProps>>> = {
  metrics: MetricsPanel,
  pipe: PipePanel,
};

export const PANEL_KINDS: ReadonlySet<string> = new Set(Object.keys(PANELS));
