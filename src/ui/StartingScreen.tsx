import { Box } from 'ink';
import type { Messages } from '../i18n/messages.js';
import { Header } from './Header.js';
import type { ScreenInfo } from './screen-info.js';
import { Spinner } from './Spinner.js';

export interface StartingScreenProps {
  title: string;
  info: ScreenInfo;
  m: Messages;
  width: number;
}

/** The lab's first frame, shown while the sandbox and the SDK clients start; the lab screen replaces it. */
export function StartingScreen({ title, info, m, width }: StartingScreenProps) {
  return (
    <Box flexDirection="column">
      <Header title={title} info={info} m={m} width={width} />
      <Spinner label={info.target === 'sandbox' ? m.startingSandbox : m.startingAws} />
    </Box>
  );
}
