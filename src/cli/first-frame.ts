import { messages } from '../i18n/messages.js';
import { headerWhereLines } from '../ui/header-lines.js';
import type { PreparedLabSession } from './lab-session.js';

/**
 * The interactive lab's very first frame, written before Ink, React and the SDK load (they take most
 * of a second): the header's rows, as the lab screen's Header draws them, and what is starting.
 * Auto-wrap is off while it is written, so each line takes one row whatever the terminal does, and the
 * returned function erases exactly those rows for Ink to draw in their place.
 */
export function paintFirstFrame(prepared: PreparedLabSession, columns: number, write: (text: string) => void): () => void {
  const { settings, lab } = prepared;
  const m = messages(settings.lang);
  const info = screenInfoWhileStarting(prepared);
  const lines = [`${m.appTitle} · ${lab.title[settings.lang]}`, ...headerWhereLines(info, m, columns), settings.target === 'sandbox' ? m.startingSandbox : m.startingAws];
  write(`\x1b[?7l${lines.join('\n')}\n\x1b[?7h`);
  return () => write(`\x1b[${lines.length}A\x1b[J`);
}

/** What the header shows before the session starts: the sandbox's endpoint is not known until it listens. */
export function screenInfoWhileStarting({ settings, deps }: PreparedLabSession) {
  return {
    target: settings.target,
    endpoint: settings.endpoint ?? '…',
    profile: settings.profile,
    region: settings.region,
    regionSource: settings.regionSource ?? 'flag',
    stream: settings.stream,
    ...(deps.sandboxOptions?.limits === 'off' ? { limitsOff: true } : {}),
    notices: [],
  };
}
