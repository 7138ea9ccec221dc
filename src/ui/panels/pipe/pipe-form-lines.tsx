/** Step 5's settings form, scrolled so the focused field is always in view. */
import { Text } from 'ink';
import stringWidth from 'string-width';
import type { ReactElement } from 'react';
import { wrapText } from '../../wrap-runs.js';
import { FILTER_PRESETS, visibleFields, type FieldId, type PipeFormState } from './pipe-form.js';
import { filterLine } from './pipe-filter-line.js';
import type { PipePanelText } from './pipe-panel-text.js';
import type { PipeViewProps } from './pipe-view-props.js';

/**
 * The form in `p.height` rows: its title, keys, any error and the filter's test stay put; the fields
 * scroll so the focused one is always in view, with a sign above or below when more fields are there.
 */
export function formLines(p: PipeViewProps, form: PipeFormState) {
  const head = [
    <Text key="title" bold wrap="truncate-end">
      {p.t.formTitle}
    </Text>,
    <Text key="keys" dimColor wrap="truncate-end">
      {p.t.formKeys}
    </Text>,
    ...(form.error ? wrapText(form.error[p.lang], p.width).map((line, i) => <Text key={`err${i}`} color="red" wrap="truncate-end">{line}</Text>) : []),
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
        {padToWidth(field === 'presetValue' ? p.t.presetValue(form.filterPreset) : p.t.field[field], 28)}
        <Text bold={focused} inverse={focused}>
          {fieldValue(p.t, form, field, focused)}
        </Text>
      </Text>,
    );
    if (field === 'startingPosition') {
      wrapText(p.t.position[form.startingPosition], p.width - 4).forEach((line, i) =>
        body.push(<Text key={`why${i}`} color={form.startingPosition === 'LATEST' ? 'yellow' : 'gray'} wrap="truncate-end">{`    ${line}`}</Text>),
      );
    }
  }
  const room = Math.max(1, p.height - head.length - tail.length);
  if (body.length <= room) return [...head, ...body, ...tail];
  // Two rows for the signs; the window starts as low as needed to show the focused field.
  const rows = Math.max(1, room - 2);
  const start = Math.max(0, Math.min(focusAt - Math.floor(rows / 2), body.length - rows));
  return [
    ...head,
    <Text key="above" dimColor wrap="truncate-end">{start > 0 ? `  ↑ ${p.t.moreFields(start)}` : ' '}</Text>,
    ...body.slice(start, start + rows),
    <Text key="below" dimColor wrap="truncate-end">{start + rows < body.length ? `  ↓ ${p.t.moreFields(body.length - start - rows)}` : ' '}</Text>,
    ...tail,
  ];
}

function fieldValue(t: PipePanelText, form: PipeFormState, field: FieldId, focused: boolean): string {
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

/** padEnd by terminal columns: a Hangul syllable takes two, so labels line up in both languages. */
function padToWidth(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - stringWidth(text)));
}
