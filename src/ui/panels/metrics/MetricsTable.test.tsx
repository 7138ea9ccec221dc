import { Box } from 'ink';
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { MetricsTable } from './MetricsTable.js';
import { metricsPanelText } from './metrics-panel-text.js';

const rows = [
  { minute: Date.UTC(2026, 10, 29, 14, 20), sentPutRecord: 200, sentPutRecords: 5000, countedPutRecord: 0, countedPutRecords: 0, refused: 0, state: 'waiting' as const },
  { minute: Date.UTC(2026, 10, 29, 14, 21), sentPutRecord: 12000, sentPutRecords: 150000, countedPutRecord: 12000, countedPutRecords: 150000, refused: 4500, state: 'counted' as const },
];

describe('MetricsTable', () => {
  it.each(['ko', 'en'] as const)('%s at 80 columns: one terminal row per minute, however wide the headers', (lang) => {
    const { lastFrame, unmount } = render(
      <Box width={80}>
        <MetricsTable rows={rows} t={metricsPanelText(lang)} maxRows={5} estimated={false} />
      </Box>,
    );
    const lines = stripAnsi(lastFrame() ?? '').split('\n');
    // The header and the two minutes: a wrapped row would make four or more.
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^14:20 /);
    expect(lines[2]).toMatch(/^14:21 /);
    unmount();
  });
});
