import { useEffect, type RefObject } from 'react';
import type { StepMode, StepStatus } from '../engine/step-state.js';
import { initialUiState, type UiState } from './ui-state.js';

/**
 * The panels a step's progress opens and closes: a new step starts at the top of its text with
 * panels closed; "do it for me" shows what it runs (the same step as CLI, TypeScript and Python);
 * once checked, the verdict and its details get the room back (s opens the code again).
 */
export function useStepPanels(
  current: string, status: StepStatus, mode: StepMode | undefined, code: unknown,
  setUi: (next: UiState | ((u: UiState) => UiState)) => void, uiRef: RefObject<UiState>,
): void {
  useEffect(() => setUi(initialUiState), [current, setUi]);
  useEffect(() => {
    if (status === 'acting' && mode === 'auto' && code) setUi((u) => (u.showCode ? u : { ...u, showCode: true, codeScroll: 0, codeOpenedByRun: true }));
    if ((status === 'passed' || status === 'failed') && uiRef.current.codeOpenedByRun) setUi((u) => ({ ...u, showCode: false, codeOpenedByRun: false }));
  }, [status, mode, code, setUi, uiRef]);
}
