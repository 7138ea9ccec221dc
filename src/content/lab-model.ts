import type { Localized } from '../i18n/lang.js';

/**
 * The typed model of a lab folder (`labs/<lab-id>/lab.json` + Markdown), produced by `load-lab.ts`.
 * Checks and actions are named by kind; `src/checks/` and the action registry give the kinds meaning,
 * so a new lab built from existing kinds needs no change in `src/`.
 */
export interface Lab {
  formatVersion: 1;
  id: string;
  /** Absolute path of the lab folder. */
  dir: string;
  title: Localized;
  summary: Localized;
  steps: LabStep[];
}

export interface LabStep {
  id: string;
  title: Localized;
  /** The step's teaching text, Markdown, from `<step>/en.md` and `<step>/ko.md`. */
  body: Localized;
  /** The automatic check; absent only on steps marked `comingNext`. */
  check?: KindSpec;
  /** The "do it for me" action; absent when the step has nothing to perform. */
  action?: KindSpec;
  /**
   * A step-specific live panel under the text (the metrics chart, the pipe's deliveries), by kind
   * from `src/ui/panels/panel-registry.ts`. Absent for steps the standard panel covers.
   */
  panel?: KindSpec;
  /** Equivalent commands shown after "do it for me", as templates (see `render-solution.ts`). */
  solution?: StepSolution;
  hints: Localized[];
  /** Shown in the step list but not yet playable (its feature lands in a later release). */
  comingNext: boolean;
}

/** A named check or action with its parameters from lab.json. */
export interface KindSpec {
  kind: string;
  params: Record<string, unknown>;
}

/** Templates with `{{stream}}`, `{{region}}`, `{{endpoint}}` … placeholders. */
export interface StepSolution {
  cli: string;
  typescript: string;
  python: string;
}
