import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { Lab } from '../content/lab-model.js';
import type { AutoFix } from '../shared/auto-fix.js';
import { bestRate } from '../engine/session-ledger.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import { saveFailureText } from '../i18n/progress-messages.js';
import type { RunnerView } from '../runner/lab-runner.js';
import { CODE_VIEW_CHROME, codeLines, CodeView } from './CodeView.js';
import { Header } from './Header.js';
import { headerWhereLines } from './header-lines.js';
import { KeyBar } from './KeyBar.js';
import { activityBlocks, wrapped } from './layout/activity-blocks.js';
import { completionBlock, hintBlock, rateBlock } from './layout/extra-blocks.js';
import { labLayout, MIN_COLUMNS, MIN_ROWS } from './layout/lab-layout.js';
import { sandboxPasteLines } from '../sandbox/sandbox-paste.js';
import { allRows, keptRows, type ScreenBlock } from './layout/screen-line.js';
import { ScreenLines } from './layout/ScreenLines.js';
import { labKeys, type KeyItem } from './lab-keys.js';
import { PANELS } from './panels/panel-registry.js';
import type { ScreenInfo } from './screen-info.js';
import { moreSign, StepPane } from './StepPane.js';
import { StepStrip, stepTitleLines } from './StepStrip.js';
import type { CodeFilesNotice, CodeTab, UiState } from './ui-state.js';

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
  const width = columns;

  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <Box flexDirection="column" width={columns}>
        {wrapped(m.tooSmall(columns, rows, MIN_COLUMNS, MIN_ROWS), columns).map((line, i) => (
          <Text key={i} color="yellow" wrap="truncate-end">
            {line.text}
          </Text>
        ))}
      </Box>
    );
  }

  const ownActivity = view.actionStep === step.id;
  const blocks: ScreenBlock[] = [];
  for (const warning of view.warnings ?? []) blocks.push(kept(wrapped(warning[lang], width, { color: 'yellow' })));
  if (view.saveError) blocks.push(kept(wrapped(saveFailureText(view.saveError, lang), width, { color: 'red' })));
  if (ui.codeFiles) blocks.push(kept(wrapped(codeFilesText(ui.codeFiles, m), width, { color: ui.codeFiles.kind === 'failed' ? 'red' : 'cyan' })));
  blocks.push(
    ...activityBlocks({
      progress,
      lang,
      m,
      width,
      elapsedSeconds: view.actionStartedAt ? Math.max(0, (now - view.actionStartedAt) / 1000) : 0,
      ...(ownActivity && view.streamStatus ? { streamStatus: view.streamStatus } : {}),
      ...(ownActivity && view.producer ? { producer: view.producer } : {}),
      notes: ownActivity ? view.notes : [],
      stopping,
      comingNext: step.comingNext,
      ...(fixOffer ? { fixOffer: { fix: fixOffer, where: { stream: info.stream, region: info.region, sandbox: info.target === 'sandbox' } } } : {}),
      ...(view.fix?.step === step.id ? { fix: view.fix } : {}),
      now,
    }),
  );
  const hint = ui.hint >= 0 ? step.hints[ui.hint] : undefined;
  if (hint) blocks.push(hintBlock(ui.hint + 1, step.hints.length, hint[lang], m, width));
  if (step.action?.kind === 'produce' && step.action.params.api === 'put-records') {
    // Only runs that went to the stream as it is now (a check or action saw it), not to an older one of that name.
    const where = view.stream ?? { stream: info.stream, region: info.region };
    blocks.push(rateBlock(bestRate(view.ledger, where, 'put-record'), bestRate(view.ledger, where, 'put-records'), m, width));
  }
  if (view.completed) blocks.push(completionBlock(lab, view, info, lang, m, width));
  for (const notice of info.notices) blocks.push({ lines: wrapped(notice, width, { color: 'yellow' }), keep: 0 });

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
    const all = blocks.flatMap((b) => b.lines);
    const room = Math.max(1, rows - 1 - chromeRows - 2);
    const max = Math.max(0, all.length - room);
    onMaxScroll?.('result', max);
    const top = Math.min(ui.resultScroll ?? 0, max);
    return (
      <Box flexDirection="column" width={columns}>
        <Header title={lab.title[lang]} info={info} m={m} width={width} />
        <StepStrip steps={lab.steps} statuses={statuses} current={state.current} lang={lang} m={m} width={width} />
        <Text bold wrap="truncate-end">{m.resultTitle}</Text>
        <ScreenLines lines={all.slice(top, top + room)} />
        <Text dimColor wrap="truncate-end">{moreSign(top, Math.max(0, all.length - top - room), m) || ' '}</Text>
        <KeyBar keys={keys} />
      </Box>
    );
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

const kept = (lines: ScreenBlock['lines']): ScreenBlock => ({ lines, keep: lines.length });

function codeFilesText(notice: CodeFilesNotice, m: Messages): string {
  switch (notice.kind) {
    case 'written':
      return m.codeWritten(notice.dir, notice.files);
    case 'unchanged':
      return m.codeUnchanged(notice.dir);
    case 'ask':
      return m.codeAskOverwrite(notice.files);
    case 'kept':
      return m.codeKept(notice.files);
    case 'failed':
      return m.codeWriteFailed(notice.message);
  }
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
