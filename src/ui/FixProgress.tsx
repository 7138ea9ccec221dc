import { Text } from 'ink';
import type { Messages } from '../i18n/messages.js';
import type { FixActivity } from '../runner/lab-runner.js';
import { Spinner } from './Spinner.js';

export interface FixProgressProps {
  activity: FixActivity;
  m: Messages;
  now: number;
  elapsedSeconds: number;
  /** The stream's status while a create-stream fix waits for ACTIVE. */
  streamStatus?: { status: string };
}

/** A one-key fix under way (countdown, what it is doing) or, once the step was checked again, what it changed. */
export function FixProgress({ activity, m, now, elapsedSeconds, streamStatus }: FixProgressProps) {
  const { fix, phase } = activity;
  if (phase === 'done') return <Text color="cyan">{m.fixDone(fix, activity.from)}</Text>;
  if (phase === 'waiting') return <Spinner label={m.fixWaiting(Math.max(0, Math.ceil(((activity.until ?? now) - now) / 1000)))} />;
  if (phase === 'applying') {
    return <Spinner label={`${m.fixApplying(fix)} · ${m.elapsed(elapsedSeconds)}${streamStatus ? ` · ${m.streamStatus(streamStatus.status)}` : ''}`} />;
  }
  return <Spinner label={`${m.checking} · ${m.elapsed(elapsedSeconds)}`} />;
}
