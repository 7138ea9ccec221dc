import { render, type Instance } from 'ink';
import { messages } from '../../i18n/messages.js';
import { StartingScreen } from '../../ui/StartingScreen.js';
import { screenInfoWhileStarting } from '../first-frame.js';
import type { PreparedLabSession } from '../lab-session.js';

/**
 * Draws the starting screen with Ink over the plain first frame (see first-frame.ts), which `erase`
 * removes: the header and what is starting, with a spinner. This module loads Ink and React only; the
 * SDK and the sandbox load afterwards, and interactiveLab draws the lab over this screen.
 */
export function showStartingScreen(prepared: PreparedLabSession, erase: () => void): Instance {
  const { settings, lab } = prepared;
  erase();
  return render(<StartingScreen title={lab.title[settings.lang]} info={screenInfoWhileStarting(prepared)} m={messages(settings.lang)} width={process.stdout.columns} />, {
    exitOnCtrlC: false,
    patchConsole: true,
  });
}
