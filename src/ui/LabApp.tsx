import { useInput } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WriteCodeResult } from '../content/solution-files.js';
import type { Lab } from '../content/lab-model.js';
import type { Lang } from '../i18n/lang.js';
import { messages } from '../i18n/messages.js';
import type { LabRunner } from '../runner/lab-runner.js';
import { LabScreen } from './LabScreen.js';
import type { ScreenInfo } from './screen-info.js';
import { CODE_TABS, initialUiState, type CodeTab, type UiState } from './ui-state.js';
import { useRunnerView } from './use-runner-view.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useTicker } from './use-ticker.js';

export interface LabAppProps {
  lab: Lab;
  runner: LabRunner;
  info: ScreenInfo;
  initialLang: Lang;
  /** Renders the current step's solutions for this run (stream, region, endpoint filled in). */
  codeFor: (stepId: string) => Record<CodeTab, string> | undefined;
  /**
   * Writes the current step's solutions for this run into the working directory (w). Without
   * `overwrite`, files the learner changed since the lab wrote them are left alone and named.
   */
  writeCode?: (stepId: string, overwrite: boolean) => Promise<WriteCodeResult>;
  /** Called once when the learner quits; the CLI stops the producer, waits for saves and exits. */
  onQuit: () => void;
  clock?: () => number;
}

/** Connects keys to engine events and screen state; renders LabScreen. */
export function LabApp({ lab, runner, info, initialLang, codeFor, writeCode, onQuit, clock = Date.now }: LabAppProps) {
  const view = useRunnerView(runner);
  const { columns, rows } = useTerminalSize();
  // How far each view can scroll, as the screen last laid it out; keys stop there.
  const maxScroll = useRef({ text: 0, code: 0, result: 0 });
  const onMaxScroll = useCallback((kind: 'text' | 'code' | 'result', max: number) => {
    maxScroll.current[kind] = max;
  }, []);
  const [lang, setLang] = useState(initialLang);
  const [ui, setUiState] = useState<UiState>(initialUiState);
  // Keys can come faster than renders (a key right after Esc closed a form, or after r): the handler
  // reads the latest screen state from these refs, set the moment it changes, not its render's copy.
  const uiRef = useRef(ui);
  const setUi = useCallback((next: UiState | ((u: UiState) => UiState)) => {
    uiRef.current = typeof next === 'function' ? next(uiRef.current) : next;
    setUiState(uiRef.current);
  }, []);
  const [stopping, setStopping] = useState(false);
  const [quitting, setQuitting] = useState(false);
  const [captured, setCapturedState] = useState(false);
  const capturedRef = useRef(false);
  const setCaptured = useCallback((next: boolean) => {
    capturedRef.current = next;
    setCapturedState(next);
  }, []);
  const current = view.state.current;
  const status = view.state.steps[current]?.status ?? 'pending';
  const busy = status === 'acting' || status === 'checking';
  useTicker(busy, 1000);
  // A switch-region or switch-stream fix changes the stream and region the solutions name.
  const code = useMemo(() => codeFor(current), [codeFor, current, view.target]);
  const step = lab.steps.find((s) => s.id === current);
  const fixOffer = runner.offeredFix(view);

  // A new step starts at the top of its text with panels closed.
  useEffect(() => setUi(initialUiState), [current, setUi]);
  useEffect(() => {
    if (!busy) setStopping(false);
  }, [busy]);
  // "Do it for me" shows what it runs: the same step as CLI, TypeScript and Python.
  const mode = view.state.steps[current]?.mode;
  useEffect(() => {
    if (status === 'acting' && mode === 'auto' && code) setUi((u) => (u.showCode ? u : { ...u, showCode: true, codeScroll: 0, codeOpenedByRun: true }));
    // Once checked, the verdict and its details get the room back; s opens the code again.
    if ((status === 'passed' || status === 'failed') && uiRef.current.codeOpenedByRun) setUi((u) => ({ ...u, showCode: false, codeOpenedByRun: false }));
  }, [status, mode, code, setUi]);

  useInput((input, key) => {
    const at = clock();
    if (quitting) return;
    // A form's text field takes q as a letter (e.g. "equals-ignore-case"); Ctrl+C still quits.
    const captured = capturedRef.current;
    const ui = uiRef.current;
    if ((input === 'q' && !captured) || (key.ctrl && input === 'c')) {
      setQuitting(true);
      runner.cancel();
      onQuit();
      return;
    }
    // A panel with a form has the keyboard; only Ctrl+C goes past it.
    if (captured) return;
    if (ui.codeFiles?.kind === 'ask') {
      if (input === 'y' && writeCode) saveCode(true);
      else if (input === 'n') setUi((u) => ({ ...u, codeFiles: { kind: 'kept', files: u.codeFiles?.kind === 'ask' ? u.codeFiles.files : [] } }));
      return;
    }
    const scrollBy = (rows: number) =>
      setUi((u) => {
        if (u.resultScroll !== undefined) return { ...u, resultScroll: clamp(u.resultScroll + rows, maxScroll.current.result) };
        if (u.showCode && code) return { ...u, codeScroll: clamp(u.codeScroll + rows, maxScroll.current.code) };
        return { ...u, scroll: clamp(u.scroll + rows, maxScroll.current.text) };
      });
    if (ui.resultScroll !== undefined) {
      if (key.upArrow) scrollBy(-1);
      else if (key.downArrow) scrollBy(1);
      else if (key.pageUp) scrollBy(-10);
      else if (key.pageDown || input === ' ') scrollBy(10);
      else if (input === 'r' || key.escape) setUi((u) => withoutResult(u));
      return;
    }
    // The runner's latest state, not this render's: Ink swaps in a new handler only after a render's
    // effects run, so a key pressed just as a check ends would otherwise still be treated as busy.
    const live = runner.current.state.steps[runner.current.state.current]?.status;
    if (live === 'acting' || live === 'checking') {
      if (input === 'r') setUi((u) => ({ ...u, resultScroll: 0 }));
      else if (input === 'x' || key.escape) {
        setStopping(true);
        runner.cancel();
      }
      return;
    }
    if (key.upArrow) scrollBy(-1);
    else if (key.downArrow) scrollBy(1);
    else if (key.pageUp) scrollBy(-10);
    else if (key.pageDown || input === ' ') scrollBy(10);
    else if (input === 'r') setUi((u) => ({ ...u, resultScroll: 0 }));
    else if (input === 'w' && code && writeCode) saveCode(false);
    else if (input === 'd' && !step?.comingNext) runner.dispatch({ type: 'choose-mode', mode: 'auto', at });
    else if (input === 'm' && !step?.comingNext) {
      runner.dispatch({ type: 'choose-mode', mode: 'manual', at });
      if (code) setUi((u) => ({ ...u, showCode: true, codeScroll: u.showCode ? u.codeScroll : 0, codeOpenedByRun: false }));
    } else if (input === 'c' && !step?.comingNext) runner.dispatch({ type: 'check-requested', at });
    // The runner's latest state, not this render's: a key may arrive before the screen shows the offer.
    else if (input === 'f' && runner.offeredFix()) runner.dispatch({ type: 'fix-requested', at });
    else if (input === 'n' || key.return) runner.dispatch({ type: 'next', at });
    else if (/^[1-9]$/.test(input)) {
      const target = lab.steps[Number(input) - 1];
      if (target) runner.dispatch({ type: 'open-step', step: target.id, at });
    } else if (key.rightArrow) {
      const i = lab.steps.findIndex((s) => s.id === current);
      const target = lab.steps[i + 1];
      if (target) runner.dispatch({ type: 'open-step', step: target.id, at });
    } else if (key.leftArrow) {
      const i = lab.steps.findIndex((s) => s.id === current);
      const target = lab.steps[i - 1];
      if (target) runner.dispatch({ type: 'open-step', step: target.id, at });
    } else if (input === 's' && code) setUi((u) => ({ ...u, showCode: !u.showCode, codeScroll: 0, codeOpenedByRun: false }));
    else if (key.tab && ui.showCode) setUi((u) => ({ ...u, codeScroll: 0, codeTab: CODE_TABS[(CODE_TABS.indexOf(u.codeTab) + 1) % CODE_TABS.length]! }));
    else if (input === 'h') setUi((u) => ({ ...u, hint: step && step.hints.length > 0 ? (u.hint + 1 >= step.hints.length ? -1 : u.hint + 1) : -1 }));
    else if (input === 'l') setLang((l) => (l === 'en' ? 'ko' : 'en'));
  });

  function saveCode(overwrite: boolean) {
    writeCode?.(current, overwrite).then(
      (result) => setUi((u) => ({ ...u, codeFiles: result.kind === 'edited' ? { kind: 'ask', files: result.files } : result })),
      (error: unknown) => setUi((u) => ({ ...u, codeFiles: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } })),
    );
  }

  return (
    <LabScreen
      lab={lab}
      view={view}
      ui={ui}
      info={info}
      lang={lang}
      m={messages(lang)}
      columns={columns}
      rows={rows}
      onMaxScroll={onMaxScroll}
      code={code}
      now={clock()}
      stopping={stopping}
      captureKeys={setCaptured}
      keysCaptured={captured}
      choose={(values) => runner.choose(current, values)}
      {...(fixOffer ? { fixOffer } : {})}
    />
  );
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));

function withoutResult(ui: UiState): UiState {
  const { resultScroll: _closed, ...rest } = ui;
  return rest;
}
