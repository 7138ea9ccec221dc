import type { Messages } from '../i18n/messages.js';
import type { ScreenInfo } from './screen-info.js';
import { wrapText } from './wrap-runs.js';

/**
 * The second header row, stream and region first: they are what a fix may switch. Wrapped, never cut.
 * Free of Ink, so the first frame (src/cli/first-frame.ts) writes the same rows before Ink loads.
 */
export function headerWhereLines(info: ScreenInfo, m: Messages, width: number): string[] {
  const target = info.target === 'sandbox' ? `${m.targetSandbox(info.endpoint ?? '')}${info.limitsOff ? m.limitsOffTag : ''}` : m.targetAws(info.profile);
  return wrapText(`${m.streamLine(info.stream)} · ${m.regionLine(info.region, info.regionSource)} · ${target}`, width, '  ');
}
