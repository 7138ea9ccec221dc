import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { AutoFix } from '../shared/auto-fix.js';
import type { RunnerView } from '../runner/lab-runner.js';
import { CODE_VIEW_CHROME, codeLines, CodeView } from './CodeView.js';
import { Header } from './Header.js';
import { headerWhereLines } from './header-lines.js';
import { KeyBar } from './KeyBar.js';
import { labScreenBlocks, type LabScreenBlocksInput } from './layout/lab-screen-blocks.js';
import { ResultScreen } from './ResultScreen.js';
import { TooSmallScreen } from './TooSmallScreen.js';
import { labLayout, MIN_COLUMNS, MIN_ROWS } from './layout/lab-layout.js';
import { sandboxPasteLines } from '../sandbox/sandbox-paste.js';
import { allRows, keptRows } from './layout/screen-line.js';
import { ScreenLines } from './layout/ScreenLines.js';
import { labKeys, type KeyItem } from './lab-keys.js';
import { PANELS } from './panels/panel-registry.js';
import type { ScreenInfo } from './screen-info.js';
import { StepPane } from './StepPane.js';
import { StepStrip, stepTitleLines } from './StepStrip.js';
import type { CodeTab } from './ui-state.js';

/** The run, the UI state and the words: the same fields the screen's blocks are built from. */
export interface LabScreenProps extends Pick<LabScreenBlocksInput, 'lab' | 'view' | 'ui' | 'info' | 'lang' | 'm' | 'now' | 'stopping'> {
  columns: number;
  rows: number;
  /** Solutions of the current step with placeholders filled, when it has any. */
  code?: Record<CodeTab, string>;
  captureKeys: (captured: boolean) => void;
  /** A panel's form has the keyboard: the lab's keys do nothing now, so the bar shows only the way out. */
  keysCaptured?: boolean;
  /** Saves a panel form's choices for the current step; absent where nothing can be saved (static renders). */
  choose?: (values: Record<string, unknown>) => void;
  /** The current step's fix the learner can apply with f (its last result's autoFix, when the runner can apply it). */
  fixOffer?: AutoFix;
  /** Tells the app how far each scrolling view can go, so the keys stop at the end. */
  onMaxScroll?: (view: 'text' | 'code' | 'result', max: number) => void;
}

/** Step panels' preferred rows: the metrics chart with its table, the pipe's settings, state and event. */
const PANEL_ROWS: Record<string, number> = { metrics: 14, pipe: 12 };
/** A panel whose step has a result or a run keeps to its summary rows (PipePanel's compact mode). */
const COMPACT_PANEL_ROWS = 3;

/** The whole lab screen; pure: everything it shows comes in through props. */
export function LabScreen(props: LabScreenProps) {
  const { lab, view, ui, info: startInfo, lang, m, columns, rows, code, now, stopping, captureKeys, keysCaptured, choose, fixOffer, onMaxScroll } = props;
  const { state } = view;
  const info = whereItRuns(view, startInfo);
  const index = lab.steps.findIndex((s) => s.id === state.current);
  const step = lab.steps[index] ?? lab.steps[0]!;
  const progress = state.steps[step.id] ?? { status: 'pending' as const, attempts: 0 };
  const busy = progress.status === 'acting' || progress.status === 'checking';
  const statuses = Object.fromEntries(Object.entries(state.steps).map(([id, p]) => [id, p.status]));
  const width = columns;

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) return <TooSmallScreen columns={columns} rows={rows} m={m} />;
  const blocks = labScreenBlocks({ lab, view, ui, info, lang, m, width, now, stopping, fixOffer, step, progress });

  const Panel = step.panel && !step.comingNext ? PANELS[step.panel.kind] : undefined;
  const compactPanel = busy || progress.lastResult !== undefined;
  const panelWanted = !Panel ? 0 : keysCaptured ? 999 : compactPanel && step.panel?.kind === 'pipe' ? COMPACT_PANEL_ROWS : (PANEL_ROWS[step.panel!.kind] ?? 10);
  const resultOpen = ui.resultScroll !== undefined;
  const paste = info.target === 'sandbox' && info.endpoint && info.sandboxCredentials ? sandboxPasteLines({ endpoint: info.endpoint, region: info.region, ...info.sandboxCredentials }) : [];
  const shownCode = ui.showCode && code ? codeLines(code[ui.codeTab], width, paste, m.sandboxPasteTitle) : undefined;

  const headerRows = 1 + headerWhereLines(info, m, width).length;
  const titleRows = stepTitleLines(lab.steps, step.id, lang, m, width).length;
  const keys: KeyItem[] = labKeys({ lab, step, m, busy, keysCaptured: keysCaptured ?? false, fixOffer: fixOffer !== undefined, hasCode: code !== undefined, showCode: shownCode !== undefined, resultOpen, moreHidden: allRows(blocks) > keptRows(blocks) || resultOpen, asking: ui.codeFiles?.kind === 'ask' });
  const chromeRows = headerRows + titleRows + keyBarRows(keys, columns);

  if (resultOpen) {
    return <ResultScreen lab={lab} info={info} lang={lang} m={m} columns={columns} rows={rows} statuses={statuses} current={state.current} blocks={blocks} keys={keys} chromeRows={chromeRows} scroll={ui.resultScroll ?? 0} onMaxScroll={onMaxScroll} />;
  }

  const middleWanted = shownCode ? shownCode.length + CODE_VIEW_CHROME : 999;
  const layout = labLayout({
    rows,
    chromeRows,
    middle: keysCaptured ? 'form' : shownCode ? 'code' : 'text',
    middleWanted,
    blocks,
    panelWanted,
    moreLine: (hidden) => ({ text: m.moreResult(hidden), dimColor: true }),
  });
  if (shownCode) onMaxScroll?.('code', Math.max(0, shownCode.length - (layout.middleRows - CODE_VIEW_CHROME - 1)));

  return (
    <Box flexDirection="column" width={columns}>
      <Header title={lab.title[lang]} info={info} m={m} width={width} />
      <StepStrip steps={lab.steps} statuses={statuses} current={state.current} lang={lang} m={m} width={width} />
      {shownCode ? (
        <CodeView lines={shownCode} tab={ui.codeTab} m={m} height={layout.middleRows} scroll={ui.codeScroll} />
      ) : (
        <StepPane step={step} lang={lang} m={m} width={width} height={layout.middleRows} scroll={ui.scroll} {...(onMaxScroll ? { onMaxScroll: (max: number) => onMaxScroll('text', max) } : {})} />
      )}
      <Text dimColor>{'─'.repeat(columns)}</Text>
      <ScreenLines lines={layout.lines} />
      {Panel && layout.panelRows > 0 && (
        <Box height={layout.panelRows} overflowY="hidden" flexDirection="column">
          <Panel step={step} view={view} info={info} lang={lang} m={m} width={width} height={layout.panelRows} now={now} captureKeys={captureKeys} {...(choose ? { choose } : {})} />
        </Box>
      )}
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

/** A switch-region or switch-stream fix moves the run: the header and panels show where it runs now. */
function whereItRuns(view: RunnerView, startInfo: ScreenInfo): ScreenInfo {
  const target = view.target;
  return target
    ? { ...startInfo, stream: target.stream, region: target.region, regionSource: target.region === startInfo.region ? startInfo.regionSource : 'switched' }
    : startInfo;
}
