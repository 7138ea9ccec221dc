import { useInput } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { pipeNamesFor, pipeSettingsFrom } from '../../resources/pipe-settings.js';
import { accountOf } from '../../resources/pipe-plan.js';
import { paramsWithChoices } from '../../engine/session-ledger.js';
import { useLabServices } from '../lab-services.js';
import type { PanelProps } from './panel-props.js';
import { applyKey, filterOf, formFromSettings, type PipeFormState } from './pipe/pipe-form.js';
import { pipePanelModel, withAwsVerdict } from './pipe/pipe-panel-model.js';
import { pipePanelText } from './pipe/pipe-panel-text.js';
import { PipeView } from './pipe/PipeView.js';
import { useAwsFilterTest } from './pipe/use-aws-filter-test.js';
import { usePipeLive } from './pipe/use-pipe-live.js';

/**
 * Step 5: the pipe's settings and a form to change them (e), the filter tried on the learner's own
 * records, the event a pipe builds for one of them, the pipe's state and the events at the target.
 */
export function PipePanel({ step, view, info, lang, width, height, captureKeys, choose }: PanelProps) {
  const services = useLabServices();
  const params = paramsWithChoices(view.ledger, step.id, step.action?.params ?? {});
  const settings = pipeSettingsFrom(params);
  const names = pipeNamesFor(info.stream, params);
  const [form, setFormState] = useState<PipeFormState | undefined>(undefined);
  // Keys can arrive faster than renders; the handler reads the latest form, not its render's copy.
  const formRef = useRef<PipeFormState | undefined>(undefined);
  const setForm = (next: PipeFormState | undefined) => {
    formRef.current = next;
    setFormState(next);
  };
  const [saved, setSaved] = useState(false);
  const status = view.state.steps[step.id]?.status;
  const busy = status === 'acting' || status === 'checking';
  // "Saved" is news until the learner acts on it.
  useEffect(() => {
    if (busy) setSaved(false);
  }, [busy]);
  // The activity area above shares the rows: while it shows a run or a result, the panel keeps to a few lines.
  const compact = busy || view.state.steps[step.id]?.lastResult !== undefined || (view.actionStep === step.id && view.notes.length > 0);
  const targetName = settings.target === 'logs' ? names.logGroup : names.targetStream;
  const live = usePipeLive({ services, stream: info.stream, pipeName: names.pipe, targetStream: names.targetStream, ...(settings.target === 'logs' ? { targetLogGroup: names.logGroup } : {}), refreshKey: `${status}:${view.state.steps[step.id]?.attempts ?? 0}` });

  useInput((input, key) => {
    const form = formRef.current;
    if (!form) {
      if (input === 'e' && !busy) {
        setForm(formFromSettings(settings, services.clock()));
        setSaved(false);
        captureKeys(true);
      }
      return;
    }
    const next = applyKey(form, { input, ...key });
    if (next.type === 'edit') {
      setForm(next.state);
      return;
    }
    if (next.type === 'save') {
      choose?.(next.params);
      setSaved(true);
    }
    setForm(undefined);
    captureKeys(false);
  });

  const filter = form ? filterOf(form) : settings.filter;
  const sourceArn = live.sourceArn ?? `arn:aws:kinesis:${info.region}:000000000000:stream/${info.stream}`;
  const roleArn = live.pipe?.roleArn ?? `arn:aws:iam::${accountOf(sourceArn) ?? '000000000000'}:role/${names.role}`;
  const context = useMemo(() => ({ roleArn, region: info.region, streamArn: sourceArn }), [roleArn, info.region, sourceArn]);
  const localModel = useMemo(() => pipePanelModel({ samples: live.samples, filter, context, arrived: live.arrived }), [live.samples, live.arrived, filter, context]);
  // On real AWS EventBridge itself judges the filter (TestEventPattern); the sandbox keeps our matcher.
  const awsVerdict = useAwsFilterTest({ ...(services.eventPatterns ? { tester: services.eventPatterns } : {}), filter, samples: live.samples, context, clock: services.clock });
  const model = useMemo(() => ({ ...localModel, filterTest: withAwsVerdict(localModel.filterTest, awsVerdict) }), [localModel, awsVerdict]);
  return (
    <PipeView
      settings={settings}
      pipeName={names.pipe}
      targetStream={targetName}
      {...(live.pipe ? { pipe: live.pipe } : {})}
      pipeLoaded={live.loaded}
      model={model}
      {...(form ? { form } : {})}
      saved={saved}
      {...(live.error ? { error: live.error } : {})}
      lang={lang}
      t={pipePanelText(lang)}
      width={width}
      height={form ? height : compact ? Math.min(height, 3) : height}
      compact={compact && !form}
    />
  );
}
