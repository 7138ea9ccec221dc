import { useInput } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WriteCodeResult } from '../content/solution-files.js';
import type { Lab } from '../content/lab-model.js';
import type { Lang } from '../i18n/lang.js';
import { messages } from '../i18n/messages.js';
import type { LabRunner } from '../runner/lab-runner.js';
import { LabScreen } from './LabScreen.js';
import type { ScreenInfo } from './screen-info.js';
import { handleLabKey } from './lab-key-handler.js';
import { initialUiState, type CodeTab, type UiState } from './ui-state.js';
import { useLatestState } from './use-latest-state.js';
import { useStepPanels } from './use-step-panels.js';
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
  // Keys can come faster than renders: the handler reads the latest screen state from these refs.
  const [ui, setUi, uiRef] = useLatestState<UiState>(initialUiState);
  const [stopping, setStopping] = useState(false);
  const [quitting, setQuitting] = useState(false);
  const [captured, setCaptured, capturedRef] = useLatestState<boolean>(false);
  const current = view.state.current;
  const status = view.state.steps[current]?.status ?? 'pending';
  const busy = status === 'acting' || status === 'checking';
  useTicker(busy, 1000);
  // A switch-region or switch-stream fix changes the stream and region the solutions name.
  const code = useMemo(() => codeFor(current), [codeFor, current, view.target]);
  const step = lab.steps.find((s) => s.id === current);
  const fixOffer = runner.offeredFix(view);

  useStepPanels(current, status, view.state.steps[current]?.mode, code, setUi, uiRef);
  useEffect(() => {
    if (!busy) setStopping(false);
  }, [busy]);

  useInput((input, key) => {
    const at = clock();
    if (quitting) return;
    handleLabKey(input, key, {
      lab,
      runner,
      current,
      step,
      hasCode: code !== undefined,
      canWriteCode: writeCode !== undefined,
      ui: uiRef.current,
      setUi,
      // A form's text field takes q as a letter (e.g. "equals-ignore-case"); Ctrl+C still quits.
      captured: capturedRef.current,
      maxScroll: maxScroll.current,
      at,
      quit: () => {
        setQuitting(true);
        runner.cancel();
        onQuit();
      },
      stop: () => {
        setStopping(true);
        runner.cancel();
      },
      saveCode,
      toggleLang: () => setLang((l) => (l === 'en' ? 'ko' : 'en')),
    });
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
