/** Step 5's panel when no form is open: the chosen settings, the filter's test, the pipe's state, what arrived and the event shape. */
import { Text } from 'ink';
import type { ReactElement } from 'react';
import { wrapText } from '../../wrap-runs.js';
import { decodedData, eventLines } from './pipe-panel-model.js';
import { filterLine } from './pipe-filter-line.js';
import type { PipePanelText } from './pipe-panel-text.js';
import type { PipeViewProps } from './pipe-view-props.js';

const STATE_COLORS: Record<string, string> = { RUNNING: 'green', CREATING: 'yellow', UPDATING: 'yellow', STARTING: 'yellow', STOPPED: 'gray' };

export function statusLines(p: PipeViewProps): ReactElement[] {
  const s = p.settings;
  const summary = p.t.summary(s.startingPosition, s.batchSize, s.batchingWindowSeconds, s.parallelizationFactor, s.filter ? compact(s.filter) : p.t.noFilter);
  if (p.compact) return [<Text key="summary" dimColor wrap="truncate-end">{summary}</Text>, ...pipeLines(p)];
  const lines = [
    <Text key="title" wrap="truncate-end">
      <Text bold>{p.t.settingsTitle}</Text> <Text dimColor>({p.t.editHint})</Text>
    </Text>,
    <Text key="summary" wrap="truncate-end">
      {'  '}
      {summary}
    </Text>,
    ...[filterLine(p, 'filter')].flat(),
  ];
  if (p.saved) lines.push(<Text key="saved" color="green" wrap="truncate-end">{`  ${p.t.saved}`}</Text>);
  if (s.startingPosition === 'LATEST') wrapText(p.t.position.LATEST, p.width - 2).forEach((line, i) => lines.push(<Text key={`latest${i}`} color="yellow" wrap="truncate-end">{`  ${line}`}</Text>));
  lines.push(...pipeLines(p));
  if (p.error) lines.push(<Text key="error" dimColor wrap="truncate-end">{p.t.readError(p.error)}</Text>);
  lines.push(...eventBlock(p, Math.max(0, p.height - lines.length)));
  return lines;
}

function pipeLines(p: PipeViewProps) {
  if (!p.pipeLoaded) return [];
  if (!p.pipe) return [<Text key="pipe" wrap="truncate-end">{p.t.pipeNone(p.pipeName)}</Text>];
  const state = p.pipe.currentState;
  const lines = [
    <Text key="pipe" wrap="truncate-end">
      {p.t.pipeState(p.pipeName, '')}
      <Text color={STATE_COLORS[state] ?? 'red'} bold>
        {state}
      </Text>
      {p.pipe.stateReason ? ` · ${p.t.reason}: ${p.pipe.stateReason}` : ''}
    </Text>,
  ];
  if (state === 'CREATING' && !p.compact) lines.push(<Text key="creating" dimColor wrap="truncate-end">{`  ${p.t.creatingNote}`}</Text>);
  if (state === 'RUNNING') {
    const recent = p.model.arrivals.slice(p.compact ? -1 : -3);
    if (!p.compact) lines.push(<Text key="arrived" wrap="truncate-end">{p.t.arrivedTitle(p.model.arrivals.length, p.targetStream)}</Text>);
    recent.forEach((a, i) =>
      lines.push(
        <Text key={`a${i}`} dimColor wrap="truncate-end">
          {`  ${p.t.arrivedLine(a.partitionKey, a.sourceSequence, a.fare ?? '')}`}
        </Text>,
      ),
    );
    if (p.model.arrivals.length > 1 && !p.compact) lines.push(<Text key="order" color={p.model.inOrder ? 'green' : 'red'} wrap="truncate-end">{`  ${p.model.inOrder ? p.t.inOrder : p.t.outOfOrder}`}</Text>);
  }
  return lines;
}

function eventBlock(p: PipeViewProps, rows: number) {
  if (rows < 4) return [];
  if (!p.model.event) return [<Text key="ev" dimColor wrap="truncate-end">{p.t.noRecordYet}</Text>];
  const body = eventLines(p.model.event, p.width - 2);
  return [
    <Text key="ev" bold wrap="truncate-end">
      {p.t.eventTitle(p.model.event.sequenceNumber)}
    </Text>,
    <Text key="decoded" dimColor wrap="truncate-end">
      {`  ${p.t.decoded} ${decodedData(p.model.event)}`}
    </Text>,
    ...eventRows(p.t, ['{', ...body, '}'], rows - 2),
  ];
}

/** The event's JSON in `room` rows; when it is taller, its last row says how much is left out. */
function eventRows(t: PipePanelText, json: string[], room: number) {
  const shown = json.length <= room ? json : json.slice(0, room - 1);
  const rows = shown.map((line, i) => (
    <Text key={`e${i}`} color="cyan" wrap="truncate-end">
      {line}
    </Text>
  ));
  if (shown.length < json.length) rows.push(<Text key="e-more" dimColor wrap="truncate-end">{`  ${t.moreEvent(json.length - shown.length)}`}</Text>);
  return rows;
}

function compact(pattern: string): string {
  try {
    return JSON.stringify(JSON.parse(pattern));
  } catch {
    return pattern;
  }
}
