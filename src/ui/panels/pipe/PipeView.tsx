import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import type { ReactElement } from 'react';
import type { PipeSettings } from '../../../resources/pipe-settings.js';
import type { PipeDescription } from '../../../aws/pipes-adapter.js';
import type { Lang } from '../../../i18n/lang.js';
import { wrapText } from '../../wrap-runs.js';
import { FILTER_PRESETS, visibleFields, type FieldId, type PipeFormState } from './pipe-form.js';
import { decodedData, eventLines, type FilterTest, type PipePanelModel } from './pipe-panel-model.js';
import type { PipePanelText } from './pipe-panel-text.js';

export interface PipeViewProps {
  settings: PipeSettings;
  pipeName: string;
  targetStream: string;
  pipe?: PipeDescription;
  pipeLoaded: boolean;
  model: PipePanelModel;
  /** The open form, if the learner is editing. */
  form?: PipeFormState;
  saved: boolean;
  error?: string;
  lang: Lang;
  t: PipePanelText;
  width: number;
  height: number;
  /** Few lines: no event, only the latest arrival (the activity area above needs the room). */
  compact?: boolean;
}

const STATE_COLORS: Record<string, string> = { RUNNING: 'green', CREATING: 'yellow', UPDATING: 'yellow', STARTING: 'yellow', STOPPED: 'gray' };

/** Step 5's panel: the settings (or their form), the filter tried on the learner's records, the event shape, the pipe's state and what arrived. */
export function PipeView(props: PipeViewProps) {
  const { t, width, height } = props;
  // Keeps its rows; the activity area above is the one that clips (LabScreen).
  return <Box flexDirection="column" flexShrink={0}>{props.form ? formLines(props, props.form).slice(0, height) : statusLines(props).slice(0, height)}</Box>;

  function statusLines(p: PipeViewProps) {
    const s = p.settings;
    const summary = t.summary(s.startingPosition, s.batchSize, s.batchingWindowSeconds, s.parallelizationFactor, s.filter ? compact(s.filter) : t.noFilter);
    if (p.compact) return [<Text key="summary" dimColor wrap="truncate-end">{summary}</Text>, ...pipeLines(p)];
    const lines = [
      <Text key="title" wrap="truncate-end">
        <Text bold>{t.settingsTitle}</Text> <Text dimColor>({t.editHint})</Text>
      </Text>,
      <Text key="summary" wrap="truncate-end">
        {'  '}
        {summary}
      </Text>,
      ...[filterLine(p, 'filter')].flat(),
    ];
    if (p.saved) lines.push(<Text key="saved" color="green" wrap="truncate-end">{`  ${t.saved}`}</Text>);
    if (s.startingPosition === 'LATEST') wrapText(t.position.LATEST, width - 2).forEach((line, i) => lines.push(<Text key={`latest${i}`} color="yellow" wrap="truncate-end">{`  ${line}`}</Text>));
    lines.push(...pipeLines(p));
    if (p.error) lines.push(<Text key="error" dimColor wrap="truncate-end">{t.readError(p.error)}</Text>);
    lines.push(...eventBlock(p, Math.max(0, height - lines.length)));
    return lines;
  }

  function pipeLines(p: PipeViewProps) {
    if (!p.pipeLoaded) return [];
    if (!p.pipe) return [<Text key="pipe" wrap="truncate-end">{t.pipeNone(p.pipeName)}</Text>];
    const state = p.pipe.currentState;
    const lines = [
      <Text key="pipe" wrap="truncate-end">
        {t.pipeState(p.pipeName, '')}
        <Text color={STATE_COLORS[state] ?? 'red'} bold>
          {state}
        </Text>
        {p.pipe.stateReason ? ` · ${t.reason}: ${p.pipe.stateReason}` : ''}
      </Text>,
    ];
    if (state === 'CREATING' && !p.compact) lines.push(<Text key="creating" dimColor wrap="truncate-end">{`  ${t.creatingNote}`}</Text>);
    if (state === 'RUNNING') {
      const recent = p.model.arrivals.slice(p.compact ? -1 : -3);
      if (!p.compact) lines.push(<Text key="arrived" wrap="truncate-end">{t.arrivedTitle(p.model.arrivals.length, p.targetStream)}</Text>);
      recent.forEach((a, i) =>
        lines.push(
          <Text key={`a${i}`} dimColor wrap="truncate-end">
            {`  ${t.arrivedLine(a.partitionKey, a.sourceSequence, a.fare ?? '')}`}
          </Text>,
        ),
      );
      if (p.model.arrivals.length > 1 && !p.compact) lines.push(<Text key="order" color={p.model.inOrder ? 'green' : 'red'} wrap="truncate-end">{`  ${p.model.inOrder ? t.inOrder : t.outOfOrder}`}</Text>);
    }
    return lines;
  }

  function eventBlock(p: PipeViewProps, rows: number) {
    if (rows < 4) return [];
    if (!p.model.event) return [<Text key="ev" dimColor wrap="truncate-end">{t.noRecordYet}</Text>];
    const body = eventLines(p.model.event, width - 2);
    return [
      <Text key="ev" bold wrap="truncate-end">
        {t.eventTitle(p.model.event.sequenceNumber)}
      </Text>,
      <Text key="decoded" dimColor wrap="truncate-end">
        {`  ${t.decoded} ${decodedData(p.model.event)}`}
      </Text>,
      ...eventRows(['{', ...body, '}'], rows - 2),
    ];
  }

  /** The event's JSON in `room` rows; when it is taller, its last row says how much is left out. */
  function eventRows(json: string[], room: number) {
    const shown = json.length <= room ? json : json.slice(0, room - 1);
    const rows = shown.map((line, i) => (
      <Text key={`e${i}`} color="cyan" wrap="truncate-end">
        {line}
      </Text>
    ));
    if (shown.length < json.length) rows.push(<Text key="e-more" dimColor wrap="truncate-end">{`  ${t.moreEvent(json.length - shown.length)}`}</Text>);
    return rows;
  }

  function filterLine(p: PipeViewProps, key: string, f: FilterTest = p.model.filterTest): ReactElement | ReactElement[] {
    if (f.kind === 'aws') {
      const r = f.result;
      if (r.kind === 'asking') return <Text key={key} dimColor wrap="truncate-end">{`  ${t.awsAsking}`}</Text>;
      if (r.kind === 'refused') return <Text key={key} color="red" wrap="truncate-end">{`  ${t.awsRefused(r.message)}`}</Text>;
      if (r.kind === 'tested') return <Text key={key} color={r.passing === 0 ? 'red' : 'green'} wrap="truncate-end">{`  ${t.awsTested(r.passing, r.total)}`}</Text>;
      // EventBridge gave no answer: our matcher's result first, then why (one line: the panel counts its rows).
      if (f.local.kind !== 'tested') return filterLine(p, key, f.local);
      return <Text key={key} color="yellow" wrap="truncate-end">{`  ${t.filterTest(f.local.passing, f.local.total)} ${t.awsFailed(r.message)}`}</Text>;
    }
    if (f.kind === 'none') return <Text key={key} dimColor wrap="truncate-end">{`  ${t.filterNone}`}</Text>;
    if (f.kind === 'no-samples') return <Text key={key} dimColor wrap="truncate-end">{`  ${t.filterNoSamples}`}</Text>;
    // The whole first line of why (wrapped, never cut): "line 1, column 9: unexpected token …".
    if (f.kind === 'invalid') return wrapText(`${t.filterInvalid} ${f.reason[p.lang].split('\n')[0]}`, width - 2).map((line, i) => <Text key={`${key}${i}`} color="red" wrap="truncate-end">{`  ${line}`}</Text>);
    return <Text key={key} color={f.passing === 0 ? 'red' : 'green'} wrap="truncate-end">{`  ${t.filterTest(f.passing, f.total)}`}</Text>;
  }

  /**
   * The form in `height` rows: its title, keys, any error and the filter's test stay put; the fields
   * scroll so the focused one is always in view, with a sign above or below when more fields are there.
   */
  function formLines(p: PipeViewProps, form: PipeFormState) {
    const head = [
      <Text key="title" bold wrap="truncate-end">
        {t.formTitle}
      </Text>,
      <Text key="keys" dimColor wrap="truncate-end">
        {t.formKeys}
      </Text>,
      ...(form.error ? wrapText(form.error[p.lang], width).map((line, i) => <Text key={`err${i}`} color="red" wrap="truncate-end">{line}</Text>) : []),
    ];
    const tail = [filterLine(p, 'test')].flat();
    const body: ReactElement[] = [];
    let focusAt = 0;
    for (const field of visibleFields(form)) {
      const focused = form.focus === field;
      if (focused) focusAt = body.length;
      body.push(
        <Text key={field} wrap="truncate-end">
          <Text color={focused ? 'cyan' : undefined}>{focused ? '› ' : '  '}</Text>
          {padToWidth(field === 'presetValue' ? t.presetValue(form.filterPreset) : t.field[field], 28)}
          <Text bold={focused} inverse={focused}>
            {fieldValue(form, field, focused)}
          </Text>
        </Text>,
      );
      if (field === 'startingPosition') {
        wrapText(t.position[form.startingPosition], width - 4).forEach((line, i) =>
          body.push(<Text key={`why${i}`} color={form.startingPosition === 'LATEST' ? 'yellow' : 'gray'} wrap="truncate-end">{`    ${line}`}</Text>),
        );
      }
    }
    const room = Math.max(1, height - head.length - tail.length);
    if (body.length <= room) return [...head, ...body, ...tail];
    // Two rows for the signs; the window starts as low as needed to show the focused field.
    const rows = Math.max(1, room - 2);
    const start = Math.max(0, Math.min(focusAt - Math.floor(rows / 2), body.length - rows));
    return [
      ...head,
      <Text key="above" dimColor wrap="truncate-end">{start > 0 ? `  ↑ ${t.moreFields(start)}` : ' '}</Text>,
      ...body.slice(start, start + rows),
      <Text key="below" dimColor wrap="truncate-end">{start + rows < body.length ? `  ↓ ${t.moreFields(body.length - start - rows)}` : ' '}</Text>,
      ...tail,
    ];
  }

  function fieldValue(form: PipeFormState, field: FieldId, focused: boolean): string {
    const cursor = focused ? '▏' : '';
    switch (field) {
      case 'startingPosition':
        return `‹ ${form.startingPosition} ›`;
      case 'filterPreset':
        return `‹ ${t.preset[form.filterPreset]} › (${FILTER_PRESETS.indexOf(form.filterPreset) + 1}/${FILTER_PRESETS.length})`;
      case 'customFilter':
        return `${form.customFilter}${cursor}`;
      case 'target':
        return `‹ ${t.targetKind[form.target]} ›`;
      default:
        return `${form[field]}${cursor}`;
    }
  }
}

function compact(pattern: string): string {
  try {
    return JSON.stringify(JSON.parse(pattern));
  } catch {
    return pattern;
  }
}

/** padEnd by terminal columns: a Hangul syllable takes two, so labels line up in both languages. */
function padToWidth(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - stringWidth(text)));
}
