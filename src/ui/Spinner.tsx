import { Text } from 'ink';
import { useTicker } from './use-ticker.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface SpinnerProps {
  label: string;
}

export function Spinner({ label }: SpinnerProps) {
  const tick = useTicker(true);
  return (
    <Text>
      <Text color="yellow">{FRAMES[tick % FRAMES.length]}</Text> {label}
    </Text>
  );
}
