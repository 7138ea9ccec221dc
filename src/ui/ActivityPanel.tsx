import { Box, Text } from 'ink';
import type { AutoFix } from '../diagnose/diagnosis.js';
import type { StepProgress } from '../engine/step-state.js';
import type { Lang, Localized } from '../i18n/lang.js';
import type { FixWhere, Messages } from '../i18n/messages.js';
import type { FixActivity } from '../runner/lab-runner.js';
import type { ProducerLive } from '../runner/producer-live.js';
import { CheckResultView } from './CheckResultView.js';
import { FixOffer } from './FixOffer.js';
import { FixProgress } from './FixProgress.js';
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
  /** The last result's fix when the learner can apply it with f, and where the lab runs now. */
  fixOffer?: { fix: AutoFix; where: FixWhere };
  /** This step's one-key fix under way or just applied. */
  fix?: FixActivity;
  /** For the fix's countdown. @default 0 */
  now?: number;
}

/** What is happening on the current step: the choice, the running action, or the last check's result. */
export function ActivityPanel(props: ActivityPanelProps) {
  const { progress, lang, m, elapsedSeconds, streamStatus, producer, notes, stopping, comingNext, fixOffer, fix, now = 0 } = props;
  if (comingNext) return <Text dimColor>{m.comingNextBody}</Text>;
  const status = progress.status;
  return (
    <Box flexDirection="column">
      {status === 'acting' && (
        <Spinner label={`${m.acting} · ${m.elapsed(elapsedSeconds)}${streamStatus ? ` · ${m.streamStatus(streamStatus.status)}` : ''}`} />
      )}
      {status === 'checking' && !fix && <Spinner label={`${m.checking} · ${m.elapsed(elapsedSeconds)}`} />}
      {status === 'checking' && fix && <FixProgress activity={fix} m={m} now={now} elapsedSeconds={elapsedSeconds} {...(streamStatus ? { streamStatus } : {})} />}
      {producer && <ProducerPanel live={producer} m={m} stopping={stopping && status === 'acting'} showLog={status === 'acting'} />}
      {status !== 'acting' && notes.map((note, i) => (
        <Text key={i} color="cyan">
          {note[lang]}
        </Text>
      ))}
      {(status === 'passed' || status === 'failed') && fix?.phase === 'done' && <FixProgress activity={fix} m={m} now={now} elapsedSeconds={elapsedSeconds} />}
      {(status === 'passed' || status === 'failed') && progress.lastResult && <CheckResultView result={progress.lastResult} lang={lang} m={m} />}
      {status === 'failed' && fixOffer && <FixOffer fix={fixOffer.fix} where={fixOffer.where} m={m} />}
      {(status === 'pending' || status === 'in-progress') && (
        <Text>{progress.mode === 'manual' ? m.manualWaiting : m.chooseMode}</Text>
      )}
    </Box>
  );
}
