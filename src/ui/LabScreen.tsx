import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { Lab } from '../content/lab-model.js';
import type { AutoFix } from '../diagnose/diagnosis.js';
import { bestRate } from '../engine/session-ledger.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import type { RunnerView } from '../runner/lab-runner.js';
import { ActivityPanel } from './ActivityPanel.js';
import { CodePanel } from './CodePanel.js';
import { CompletionSummary } from './CompletionSummary.js';
import { Header } from './Header.js';
import { KeyBar } from './KeyBar.js';
import { PANELS } from './panels/panel-registry.js';
import { RateComparison } from './RateComparison.js';
import type { ScreenInfo } from './screen-info.js';
import { StepList } from './StepList.js';
import { StepPane } from './StepPane.js';
import type { CodeTab, UiState } from './ui-state.js';

export interface LabScreenProps {
  lab: Lab;
  view: RunnerView;
  ui: UiState;
  info: ScreenInfo;
  lang: Lang;
  m: Messages;
  columns: number;
  rows: number;
  /** Solutions of the current step with placeholders filled, when it has any. */
  code?: Record<CodeTab, string>;
  now: number;
  stopping: boolean;
  captureKeys: (captured: boolean) => void;
  /** A panel's form has the keyboard: the lab's keys do nothing now, so the bar shows only the way out. */
  keysCaptured?: boolean;
  /** Saves a panel form's choices for the current step; absent where nothing can be saved (static renders). */
  choose?: (values: Record<string, unknown>) => void;
  /** The current step's fix the learner can apply with f (its last result's autoFix, when the runner can apply it). */
  fixOffer?: AutoFix;
}

const SIDEBAR = 30;

/** The whole lab screen; pure: everything it shows comes in through props. */
export function LabScreen({ lab, view, ui, info: startInfo, lang, m, columns, rows, code, now, stopping, captureKeys, keysCaptured, choose, fixOffer }: LabScreenProps) {
  const { state } = view;
  // A switch-region or switch-stream fix moves the run: the header and panels show where it runs now.
  const target = view.target;
  const info: ScreenInfo = target
    ? { ...startInfo, stream: target.stream, region: target.region, regionSource: target.region === startInfo.region ? startInfo.regionSource : 'switched' }
    : startInfo;
  const index = lab.steps.findIndex((s) => s.id === state.current);
  const step = lab.steps[index] ?? lab.steps[0]!;
  const progress = state.steps[step.id] ?? { status: 'pending' as const, attempts: 0 };
  const busy = progress.status === 'acting' || progress.status === 'checking';
  const statuses = Object.fromEntries(Object.entries(state.steps).map(([id, p]) => [id, p.status]));
  const paneWidth = Math.max(30, columns - SIDEBAR - 2);
  const bodyHeight = Math.max(4, Math.floor((rows - 8) * 0.45));
  const showRates = step.action?.kind === 'produce' && step.action.params.api === 'put-records';
  const hint = ui.hint >= 0 ? step.hints[ui.hint] : undefined;
  const ownActivity = view.actionStep === step.id;
  // Everything above and below the activity area has a known height; the area gets the rest and clips.
  const Panel = step.panel && !step.comingNext ? PANELS[step.panel.kind] : undefined;

  const keys = keysCaptured
    ? [{ key: 'Ctrl+C', label: m.keyQuit }]
    : busy
    ? [{ key: 'x', label: m.keyStop }, { key: 'q', label: m.keyQuit }]
    : [
        ...(step.comingNext ? [] : [{ key: 'd', label: m.keyDo }, { key: 'm', label: m.keyMyself }, { key: 'c', label: m.keyCheck }]),
        ...(fixOffer ? [{ key: 'f', label: m.keyFix }] : []),
        { key: 'n', label: m.keyNext },
        { key: '↑↓', label: m.keyScroll },
        { key: `1-${lab.steps.length}`, label: m.keyJump },
        ...(code ? [{ key: 's', label: m.keyCode }] : []),
        { key: 'h', label: m.keyHint },
        { key: 'l', label: m.keyLang },
        { key: 'q', label: m.keyQuit },
      ];

  // Everything above and below the activity area has a known height; the area gets the rest and clips.
  // One row stays free: a frame as tall as the terminal makes Ink clear the screen on every redraw.
  // The middle row is as tall as the taller of the step list (a title, two lines a step) and the text.
  const middleRows = Math.max(bodyHeight + 1 + (step.comingNext ? 1 : 0), 1 + 2 * lab.steps.length);
  const fixedRows = 2 + info.notices.length + (view.saveError ? 1 : 0) + 1 + middleRows + 1 + keyBarRows(keys, columns);
  const activityHeight = Math.max(4, rows - fixedRows - 1);

  return (
    <Box flexDirection="column" width={columns}>
      <Header title={lab.title[lang]} info={info} m={m} />
      {info.notices.map((notice, i) => (
        <Text key={i} color="yellow">
          {notice}
        </Text>
      ))}
      {view.saveError && <Text color="red">{m.saveFailed(view.saveError)}</Text>}
      <Box marginTop={1}>
        <StepList steps={lab.steps} statuses={statuses} current={state.current} lang={lang} m={m} width={SIDEBAR} />
        {ui.showCode && code ? (
          <CodePanel code={code} tab={ui.codeTab} m={m} width={paneWidth} height={bodyHeight - 1} scroll={ui.scroll} />
        ) : (
          <StepPane step={step} index={index} lang={lang} m={m} width={paneWidth} height={bodyHeight} scroll={ui.scroll} />
        )}
      </Box>
      <Box borderStyle="single" borderLeft={false} borderRight={false} borderBottom={false} borderDimColor flexDirection="column" height={activityHeight + 1} overflowY="hidden">
        {/* Clipped as a whole when a step panel needs the room, so no line is squeezed into another. */}
        <Box flexDirection="column" flexShrink={1} overflowY="hidden">
          {/* Natural height inside the clip: Ink lets Text shrink, which would draw lines over each other. */}
          <Box flexDirection="column" flexShrink={0}>
            <ActivityPanel
              progress={progress}
              lang={lang}
              m={m}
              elapsedSeconds={view.actionStartedAt ? Math.max(0, (now - view.actionStartedAt) / 1000) : 0}
              streamStatus={ownActivity ? view.streamStatus : undefined}
              producer={ownActivity ? view.producer : undefined}
              notes={ownActivity ? view.notes : []}
              stopping={stopping}
              comingNext={step.comingNext}
              {...(fixOffer ? { fixOffer: { fix: fixOffer, where: { stream: info.stream, region: info.region, sandbox: info.target === 'sandbox' } } } : {})}
              {...(view.fix?.step === step.id ? { fix: view.fix } : {})}
              now={now}
            />
          </Box>
        </Box>
        {/* Below the activity: kept whole; only the activity above gives up rows. */}
        <Box flexDirection="column" flexShrink={0}>
          {Panel && (
            <Panel step={step} view={view} info={info} lang={lang} m={m} width={columns} height={Math.max(4, rows - bodyHeight - 10)} now={now} captureKeys={captureKeys} {...(choose ? { choose } : {})} />
          )}
          {showRates && (
            <RateComparison
              putRecord={bestRate(view.ledger, info.stream, info.region, 'put-record')}
              putRecords={bestRate(view.ledger, info.stream, info.region, 'put-records')}
              m={m}
            />
          )}
          {hint && (
            <Text color="magenta">
              {m.hint(ui.hint + 1, step.hints.length)}: {hint[lang]}
            </Text>
          )}
          {view.completed && <Text bold color="green">{m.labComplete}</Text>}
          {view.completed && <CompletionSummary lab={lab} view={view} info={info} lang={lang} />}
        </Box>
      </Box>
      <KeyBar keys={keys} />
    </Box>
  );
}

/** Rows the key bar wraps to: items are laid out left to right with two columns between them. */
export function keyBarRows(keys: { key: string; label: string }[], columns: number): number {
  let rows = 1;
  let used = 0;
  for (const { key, label } of keys) {
    const width = stringWidth(`${key} ${label}`);
    if (used > 0 && used + 2 + width > columns) {
      rows += 1;
      used = 0;
    }
    used += (used > 0 ? 2 : 0) + width;
  }
  return rows;
}
