/** The one line (or, for an invalid pattern, a few) that says how the filter fared on the learner's records. */
import { Text } from 'ink';
import type { ReactElement } from 'react';
import { wrapText } from '../../wrap-runs.js';
import type { FilterTest } from './pipe-panel-model.js';
import type { PipeViewProps } from './pipe-view-props.js';

export function filterLine(p: PipeViewProps, key: string, f: FilterTest = p.model.filterTest): ReactElement | ReactElement[] {
  if (f.kind === 'aws') {
    const r = f.result;
    if (r.kind === 'asking') return <Text key={key} dimColor wrap="truncate-end">{`  ${p.t.awsAsking}`}</Text>;
    if (r.kind === 'refused') return <Text key={key} color="red" wrap="truncate-end">{`  ${p.t.awsRefused(r.message)}`}</Text>;
    if (r.kind === 'tested') return <Text key={key} color={r.passing === 0 ? 'red' : 'green'} wrap="truncate-end">{`  ${p.t.awsTested(r.passing, r.total)}`}</Text>;
    // EventBridge gave no answer: our matcher's result first, then why (one line: the panel counts its rows).
    if (f.local.kind !== 'tested') return filterLine(p, key, f.local);
    return <Text key={key} color="yellow" wrap="truncate-end">{`  ${p.t.filterTest(f.local.passing, f.local.total)} ${p.t.awsFailed(r.message)}`}</Text>;
  }
  if (f.kind === 'none') return <Text key={key} dimColor wrap="truncate-end">{`  ${p.t.filterNone}`}</Text>;
  if (f.kind === 'no-samples') return <Text key={key} dimColor wrap="truncate-end">{`  ${p.t.filterNoSamples}`}</Text>;
  // The whole first line of why (wrapped, never cut): "line 1, column 9: unexpected token …".
  if (f.kind === 'invalid') return wrapText(`${p.t.filterInvalid} ${f.reason[p.lang].split('\n')[0]}`, p.width - 2).map((line, i) => <Text key={`${key}${i}`} color="red" wrap="truncate-end">{`  ${line}`}</Text>);
  return <Text key={key} color={f.passing === 0 ? 'red' : 'green'} wrap="truncate-end">{`  ${p.t.filterTest(f.passing, f.total)}`}</Text>;
}
