import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { labDir } from '../content/locate-labs.js';
import { fitColumns, Markdown, wrapRuns } from './Markdown.js';

/** The frame as a learner without colour sees it. */
function frame(source: string, width?: number): string {
  const { lastFrame, unmount } = render(<Markdown source={source} width={width} />);
  const text = stripVTControlCharacters(lastFrame() ?? '');
  unmount();
  return text;
}

const lines = (...rows: string[]) => rows.join('\n');

describe('Markdown', () => {
  it('renders headings of every level as their text, one blank line between blocks', () => {
    expect(frame('# Create\n\n## Why\n\n### Detail\n\nBody.')).toBe(lines('Create', '', 'Why', '', 'Detail', '', 'Body.'));
  });

  it('renders inline bold, italic, code and strikethrough without markup', () => {
    expect(frame('Send **one** *record* with `PutRecord`, ~~not five~~.')).toBe('Send one record with PutRecord, not five.');
  });

  it('prints a link as its text followed by the URL, and a bare URL once', () => {
    expect(frame('See [the guide](https://docs.aws.amazon.com/streams/) or https://aws.amazon.com/kinesis/.')).toBe(
      'See the guide (https://docs.aws.amazon.com/streams/) or https://aws.amazon.com/kinesis/.',
    );
  });

  it('joins hard-wrapped source lines and keeps explicit line breaks', () => {
    expect(frame('one\ntwo\nthree  \nfour')).toBe(lines('one two three', 'four'));
  });

  it('wraps paragraphs to the given width', () => {
    expect(frame('Each shard accepts up to 1,000 records per second.', 20)).toBe(lines('Each shard accepts', 'up to 1,000 records', 'per second.'));
  });

  it('starts no wrapped line with a space, even when the line before fills the width exactly', () => {
    // "every shard-hour," is 17 columns: Ink's own wrapping would start the next line with " used".
    expect(frame('every shard-hour, used or not', 17)).toBe(lines('every shard-hour,', 'used or not'));
    expect(frame('샤드 하나는 쓰기를 초당 레코드 1,000개까지 받습니다.', 18)).toBe(lines('샤드 하나는 쓰기를', '초당 레코드', '1,000개까지', '받습니다.'));
  });

  it('keeps styled words whole across style changes when wrapping', () => {
    expect(frame('A **shard-hour**는 one shard for an hour.', 16)).toBe(lines('A shard-hour는', 'one shard for an', 'hour.'));
  });

  it('renders nested unordered lists with a bullet per level and hanging indent', () => {
    expect(frame('- one\n- two words that wrap\n  - inner\n    - deepest', 14)).toBe(
      lines('• one', '• two words', '  that wrap', '  ◦ inner', '    ▪ deepest'),
    );
  });

  it('numbers ordered lists from their start and aligns the text', () => {
    expect(frame('9. nine\n10. ten')).toBe(lines('9.  nine', '10. ten'));
  });

  it('renders loose list items with a blank line between them', () => {
    expect(frame('1. first\n\n2. second')).toBe(lines('1. first', '', '2. second'));
  });

  it('shows task list items with a checkbox', () => {
    expect(frame('- [x] create the stream\n- [ ] send records')).toBe(lines('[x] create the stream', '[ ] send records'));
  });

  it('indents fenced code under its language label, keeping lines and blank lines', () => {
    expect(frame('Run:\n\n```sh\naws kinesis list-streams\n\n  --region us-east-1\n```')).toBe(
      lines('Run:', '', '  sh', '  aws kinesis list-streams', '', '    --region us-east-1'),
    );
  });

  it('gives plain-text code no label', () => {
    expect(frame('```text\nStream input-stream not found.\n```')).toBe('  Stream input-stream not found.');
    expect(frame('```\nno fence language\n```')).toBe('  no fence language');
  });

  it('draws a blockquote as a note box', () => {
    expect(frame('> **Note** records are\n> immutable.', 30)).toBe(
      lines('╭────────────────────────────╮', '│ Note records are           │', '│ immutable.                 │', '╰────────────────────────────╯'),
    );
  });

  it('keeps paragraphs apart inside a note', () => {
    expect(frame('> one\n>\n> two', 12)).toBe(lines('╭──────────╮', '│ one      │', '│          │', '│ two      │', '╰──────────╯'));
  });

  it('aligns table columns, honouring right alignment, with a rule under the header', () => {
    expect(frame('| Metric | Unit | Sum |\n|---|---|--:|\n| PutRecord.Success | Count | 200 |\n| IncomingBytes | Bytes | 73400 |')).toBe(
      lines(
        'Metric             Unit     Sum',
        '───────────────────────────────',
        'PutRecord.Success  Count    200',
        'IncomingBytes      Bytes  73400',
      ),
    );
  });

  it('measures Korean table cells by their display width', () => {
    expect(frame('| 모드 | 샤드 |\n|---|---|\n| 프로비저닝 | 1 |')).toBe(lines('모드        샤드', '────────────────', '프로비저닝  1'));
  });

  it('wraps a table that is too wide inside its cells, keeping the columns aligned', () => {
    expect(frame('| Mode | You pay for |\n|---|---|\n| Provisioned | every shard-hour, used or not |\n| On-demand | data |', 30)).toBe(
      lines(
        'Mode         You pay for',
        '──────────────────────────────',
        'Provisioned  every shard-hour,',
        '             used or not',
        'On-demand    data',
      ),
    );
  });

  it('draws a horizontal rule across the width', () => {
    expect(frame('above\n\n---\n\nbelow', 10)).toBe(lines('above', '', '──────────', '', 'below'));
  });

  it('shows raw HTML as written rather than dropping it', () => {
    expect(frame('<details>open me</details>')).toBe('<details>open me</details>');
  });
});

describe('wrapRuns', () => {
  const plain = (text: string) => ({ text, style: {} });
  const joined = (runs: { text: string }[]) => runs.map((run) => run.text).join('');

  it('breaks at spaces, dropping the space at the break and collapsing repeated spaces', () => {
    expect(joined(wrapRuns([plain('one  two three')], 7))).toBe('one two\nthree');
  });

  it('cuts a word longer than the line, by display width', () => {
    expect(joined(wrapRuns([plain('a shardId-000000000000')], 8))).toBe('a\nshardId-\n00000000\n0000');
    expect(joined(wrapRuns([plain('프로비저닝모드')], 6))).toBe('프로비\n저닝모\n드');
  });

  it('keeps explicit line breaks and each run its style', () => {
    const runs = wrapRuns([plain('see'), { text: ' PutRecords', style: { color: 'yellow' } }, plain('\nnext')], 20);
    expect(runs).toEqual([plain('see'), plain(' '), { text: 'PutRecords', style: { color: 'yellow' } }, plain('\n'), plain('next')]);
  });
});

describe('fitColumns', () => {
  it('keeps natural widths when they fit', () => {
    expect(fitColumns([10, 20], [5, 8], 30)).toEqual([10, 20]);
    expect(fitColumns([10, 20], [5, 8], undefined)).toEqual([10, 20]);
  });

  it('shrinks the widest column first', () => {
    expect(fitColumns([10, 40, 8], [6, 12, 8], 40)).toEqual([10, 22, 8]);
  });

  it('caps the widest columns together and hands out the remainder', () => {
    expect(fitColumns([30, 30, 4], [5, 5, 4], 41)).toEqual([19, 18, 4]);
  });

  it('keeps every column its longest word while that fits', () => {
    expect(fitColumns([30, 30], [25, 12], 40)).toEqual([25, 15]);
  });

  it('shares the room in proportion when not even the longest words fit', () => {
    expect(fitColumns([34, 9, 12], [34, 9, 10], 36)).toEqual([24, 6, 6]);
  });
});

describe('every shipped step text', async () => {
  const stepsDir = join(labDir('kinesis-data-streams'), 'steps');
  const files = (await readdir(stepsDir)).flatMap((step) => ['en', 'ko'].map((lang) => join(stepsDir, step, `${lang}.md`)));

  it.each(files.flatMap((file) => [80, 40].map((width) => ({ file: file.slice(stepsDir.length + 1), width }))))(
    '$file renders within $width columns',
    async ({ file, width }) => {
      const source = await readFile(join(stepsDir, file), 'utf8');
      const text = frame(source, width);
      const heading = /^# (.+)$/m.exec(source)?.[1];
      expect(heading).toBeDefined();
      expect(text.replace(/\s+/g, ' ').startsWith(heading!)).toBe(true);
      for (const line of text.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
      // No Markdown syntax leaks through: markers would mean a token kind went unrendered.
      expect(text).not.toMatch(/\*\*|^#{1,6} |^```|^\|/m);
    },
  );
});
