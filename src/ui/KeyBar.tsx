import { Box, Text } from 'ink';

export interface KeyBarProps {
  keys: { key: string; label: string }[];
}

export function KeyBar({ keys }: KeyBarProps) {
  return (
    <Box flexWrap="wrap" columnGap={2}>
      {keys.map(({ key, label }) => (
        <Text key={key}>
          <Text bold color="cyan">{key}</Text> {label}
        </Text>
      ))}
    </Box>
  );
}
