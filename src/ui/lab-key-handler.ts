/**
 * What each key does on the lab screen, in the order it is decided: quit, a form that has the
 * keyboard, the overwrite question, the open result, a step at work, then the step's own keys.
 * LabApp binds it to Ink's useInput; the keys the bar shows for each case are in lab-keys.ts.
 */
import type { Key } from 'ink';
import type { Lab, LabStep } from '../content/lab-model.js';
import type { LabRunner } from '../runner/lab-runner.js';
import { CODE_TABS, type UiState } from './ui-state.js';

export interface LabKeyContext {
  lab: Lab;
  runner: LabRunner;
  current: string;
  step: LabStep | undefined;
  hasCode: boolean;
  canWriteCode: boolean;
  /** The latest screen state (not a render's copy) and how to change it. */
  ui: UiState;
  setUi: (next: UiState | ((u: UiState) => UiState)) => void;
  captured: boolean;
  maxScroll: { text: number; code: number; result: number };
  at: number;
  quit: () => void;
  stop: () => void;
  saveCode: (overwrite: boolean) => void;
  toggleLang: () => void;
}

export function handleLabKey(input: string, key: Key, c: LabKeyContext): void {
  if ((input === 'q' && !c.captured) || (key.ctrl && input === 'c')) {
    c.quit();
    return;
  }
  // A panel with a form has the keyboard; only Ctrl+C goes past it.
  if (c.captured) return;
  if (c.ui.codeFiles?.kind === 'ask') {
    if (input === 'y' && c.canWriteCode) c.saveCode(true);
    else if (input === 'n') c.setUi((u) => ({ ...u, codeFiles: { kind: 'kept', files: u.codeFiles?.kind === 'ask' ? u.codeFiles.files : [] } }));
    return;
  }
  if (c.ui.resultScroll !== undefined) {
    if (!scrollKey(input, key, c)) {
      if (input === 'r' || key.escape) c.setUi((u) => withoutResult(u));
    }
    return;
  }
  // The runner's latest state, not this render's: Ink swaps in a new handler only after a render's
  // effects run, so a key pressed just as a check ends would otherwise still be treated as busy.
  const live = c.runner.current.state.steps[c.runner.current.state.current]?.status;
  if (live === 'acting' || live === 'checking') {
    if (input === 'r') c.setUi((u) => ({ ...u, resultScroll: 0 }));
    else if (input === 'x' || key.escape) c.stop();
    return;
  }
  if (!scrollKey(input, key, c) && !stepKey(input, key, c)) viewKey(input, key, c);
}

/** Arrows, Page Up/Down and space scroll whichever view is open. True when the key was one of them. */
function scrollKey(input: string, key: Key, c: LabKeyContext): boolean {
  const rows = key.upArrow ? -1 : key.downArrow ? 1 : key.pageUp ? -10 : key.pageDown || input === ' ' ? 10 : 0;
  if (rows === 0) return false;
  c.setUi((u) => {
    if (u.resultScroll !== undefined) return { ...u, resultScroll: clamp(u.resultScroll + rows, c.maxScroll.result) };
    if (u.showCode && c.hasCode) return { ...u, codeScroll: clamp(u.codeScroll + rows, c.maxScroll.code) };
    return { ...u, scroll: clamp(u.scroll + rows, c.maxScroll.text) };
  });
  return true;
}

/** The keys that act on the step: result, write, do, manual, check, fix, next and moving between steps. */
function stepKey(input: string, key: Key, c: LabKeyContext): boolean {
  const { runner, step, at } = c;
  if (input === 'r') c.setUi((u) => ({ ...u, resultScroll: 0 }));
  else if (input === 'w' && c.hasCode && c.canWriteCode) c.saveCode(false);
  else if (input === 'd' && !step?.comingNext) runner.dispatch({ type: 'choose-mode', mode: 'auto', at });
  else if (input === 'm' && !step?.comingNext) {
    runner.dispatch({ type: 'choose-mode', mode: 'manual', at });
    if (c.hasCode) c.setUi((u) => ({ ...u, showCode: true, codeScroll: u.showCode ? u.codeScroll : 0, codeOpenedByRun: false }));
  } else if (input === 'c' && !step?.comingNext) runner.dispatch({ type: 'check-requested', at });
  // The runner's latest state, not this render's: a key may arrive before the screen shows the offer.
  else if (input === 'f' && runner.offeredFix()) runner.dispatch({ type: 'fix-requested', at });
  else if (input === 'n' || key.return) runner.dispatch({ type: 'next', at });
  else return openStepKey(input, key, c);
  return true;
}

/** 1–9 open a step by number; ← and → the one before or after. */
function openStepKey(input: string, key: Key, c: LabKeyContext): boolean {
  const { lab } = c;
  const i = lab.steps.findIndex((s) => s.id === c.current);
  const target = /^[1-9]$/.test(input) ? lab.steps[Number(input) - 1] : key.rightArrow ? lab.steps[i + 1] : key.leftArrow ? lab.steps[i - 1] : undefined;
  if (!/^[1-9]$/.test(input) && !key.rightArrow && !key.leftArrow) return false;
  if (target) c.runner.dispatch({ type: 'open-step', step: target.id, at: c.at });
  return true;
}

/** The keys that change only the view: code (s, Tab), hints (h) and language (l). */
function viewKey(input: string, key: Key, c: LabKeyContext): void {
  const { step } = c;
  if (input === 's' && c.hasCode) c.setUi((u) => ({ ...u, showCode: !u.showCode, codeScroll: 0, codeOpenedByRun: false }));
  else if (key.tab && c.ui.showCode) c.setUi((u) => ({ ...u, codeScroll: 0, codeTab: CODE_TABS[(CODE_TABS.indexOf(u.codeTab) + 1) % CODE_TABS.length]! }));
  else if (input === 'h') c.setUi((u) => ({ ...u, hint: step && step.hints.length > 0 ? (u.hint + 1 >= step.hints.length ? -1 : u.hint + 1) : -1 }));
  else if (input === 'l') c.toggleLang();
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));

export function withoutResult(ui: UiState): UiState {
  const { resultScroll: _closed, ...rest } = ui;
  return rest;
}
