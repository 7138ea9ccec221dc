import { Box, Text } from 'ink';
import type { StepProgress } from '../engine/step-state.js';
import type { Lang, Localized } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import type { ProducerLive } from '../runner/producer-live.js';
import { CheckResultView } from './CheckResultView.js';
import { ProducerPanel } from './ProducerPanel.js';
import { Spinner } from './Spinner.js';

export interface ActivityPanelProps {
  progress: StepProgress;
  lang: Lang;
  m: Messages;
  /** Seconds since the running action or check began. */
  elapsedSeconds: number;
  streamStatus?: { status: string };
  producer?: ProducerLive;
  notes: Localized[];
  stopping: boolean;
  comingNext: boolean;
}

/** What is happening on the current step: the choice, the running action, or the last check's result. */
export function ActivityPanel(props: ActivityPanelProps) {
  const { progress, lang, m, elapsedSeconds, streamStatus, producer, notes, stopping, comingNext } = props;
  if (comingNext) return <Text dimColor>{m.comingNextBody}</Text>;
  const status = progress.status;
  return (
    <Box flexDirection="column">
      {status === 'acting' && (
        <Spinner label={`${m.acting} · ${m.elapsed(elapsedSeconds)}${streamStatus ? ` · ${m.streamStatus(streamStatus.status)}` : ''}`} />
      )}
      {status === 'checking' && <Spinner label={`${m.checking} · ${m.elapsed(elapsedSeconds)}`} />}
      {producer && <ProducerPanel live={producer} m={m} stopping={stopping && status === 'acting'} showLog={status === 'acting'} />}
      {status !== 'acting' && notes.map((note, i) => (
        <Text key={i} color="cyan">
          {note[lang]}
        </Text>
      ))}
      {(status === 'passed' || status === 'failed') && progress.lastResult && <CheckResultView result={progress.lastResult} lang={lang} m={m} />}
      {(status === 'pending' || status === 'in-progress') && (
        <Text>{progress.mode === 'manual' ? m.manualWaiting : m.chooseMode}</Text>
      )}
    </Box>
  );
}
