import { Box, Text } from 'ink';
import { Lexer } from 'marked';
import type { Token, Tokens } from 'marked';
import { memo, useMemo } from 'react';
import type { ReactNode } from 'react';
import stringWidth from 'string-width';
import { wrapRuns, type Run, type RunStyle } from './wrap-runs.js';

export { wrapRuns };

/** Props of {@link Markdown}. */
export interface MarkdownProps {
  /** The Markdown text, e.g. a step's `en.md`. */
  source: string;
  /** Columns to lay out in; the parent's width when absent. */
  width?: number;
}

/**
 * Renders the Markdown subset the lab texts use (headings, paragraphs with bold, italic, code and
 * links, nested lists, fenced code, blockquotes as notes, tables, rules) with Ink components.
 * Colour goes through Ink, so NO_COLOR and tests see plain text.
 */
export const Markdown = memo(function Markdown({ source, width }: MarkdownProps): ReactNode {
  // The step text sits beside live panels that redraw often; its tree only changes with its props.
  const blocks = useMemo(() => renderBlocks(new Lexer({ gfm: true }).lex(source), { listDepth: 0, width }), [source, width]);
  return (
    <Box flexDirection="column" gap={1} width={width}>
      {blocks}
    </Box>
  );
});

const BULLETS = ['•', '◦', '▪'];

/** Where a block sits: how deep in lists, and how many columns it has when that is known. */
interface BlockContext {
  listDepth: number;
  width: number | undefined;
}

const narrower = (ctx: BlockContext, by: number): number | undefined => (ctx.width === undefined ? undefined : Math.max(1, ctx.width - by));

function renderBlocks(tokens: Token[], ctx: BlockContext): ReactNode[] {
  // `space` and link definitions carry no content; the column gap already separates blocks.
  return tokens.filter((t) => t.type !== 'space' && t.type !== 'def').map((token, i) => renderBlock(token, i, ctx));
}

function renderBlock(token: Token, key: number, ctx: BlockContext): ReactNode {
  switch (token.type) {
    case 'heading': {
      const { depth, tokens } = token as Tokens.Heading;
      return <InlineText key={key} tokens={tokens} width={ctx.width} style={{ bold: true, underline: depth === 1, ...(depth <= 2 ? { color: 'cyan' } : {}) }} />;
    }
    case 'paragraph':
      return <InlineText key={key} tokens={(token as Tokens.Paragraph).tokens} width={ctx.width} />;
    case 'text': {
      // A tight list item's text; it may hold inline tokens or just a string.
      const text = token as Tokens.Text;
      return <InlineText key={key} tokens={text.tokens ?? [{ type: 'text', raw: text.raw, text: text.text }]} width={ctx.width} />;
    }
    case 'list':
      return renderList(token as Tokens.List, key, ctx);
    case 'code':
      return renderCode(token as Tokens.Code, key);
    case 'blockquote':
      return (
        <Box key={key} flexDirection="column" gap={1} borderStyle="round" borderColor="blue" paddingX={1}>
          {renderBlocks((token as Tokens.Blockquote).tokens, { ...ctx, width: narrower(ctx, 4) })}
        </Box>
      );
    case 'table':
      return renderTable(token as Tokens.Table, key, ctx.width);
    case 'hr':
      return (
        <Box key={key} borderStyle="single" borderTop={false} borderLeft={false} borderRight={false} borderDimColor />
      );
    default:
      // Raw HTML and anything newer than this view: show the source rather than lose it.
      return (
        <Text key={key} dimColor>
          {token.raw.trimEnd()}
        </Text>
      );
  }
}

function renderList(list: Tokens.List, key: number, ctx: BlockContext): ReactNode {
  const start = typeof list.start === 'number' ? list.start : 1;
  const markers = list.items.map((item, i) => {
    if (item.task) return item.checked ? '[x]' : '[ ]';
    return list.ordered ? `${start + i}.` : BULLETS[ctx.listDepth % BULLETS.length]!;
  });
  const markerWidth = Math.max(...markers.map((m) => stringWidth(m)));
  return (
    <Box key={key} flexDirection="column" gap={list.loose ? 1 : 0}>
      {list.items.map((item, i) => (
        <Box key={i} flexDirection="row">
          <Box width={markerWidth + 1} flexShrink={0}>
            <Text>{markers[i]}</Text>
          </Box>
          <Box flexDirection="column" flexGrow={1} flexShrink={1} gap={item.loose ? 1 : 0}>
            {renderBlocks(item.tokens, { listDepth: ctx.listDepth + 1, width: narrower(ctx, markerWidth + 1) })}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** Fence languages that only say "no highlighting"; they get no label. */
const PLAIN_LANGS = new Set(['text', 'txt', 'plain', 'plaintext']);

/** Indented rather than boxed, so a copied command carries no border characters. */
function renderCode(code: Tokens.Code, key: number): ReactNode {
  const lines = code.text.split('\n');
  return (
    <Box key={key} flexDirection="column" paddingLeft={2}>
      {code.lang && !PLAIN_LANGS.has(code.lang) ? (
        <Text dimColor italic>
          {code.lang}
        </Text>
      ) : null}
      {lines.map((line, i) => (
        <Text key={i} color="yellow">
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}

const TABLE_GAP = 2;

/**
 * Each row is its own flex row of cells with the same fixed widths, so columns stay aligned even
 * when a narrow terminal makes Yoga shrink them and a cell wraps onto two lines.
 */
function renderTable(table: Tokens.Table, key: number, available: number | undefined): ReactNode {
  const columns = table.header.length;
  const texts = Array.from({ length: columns }, (_, c) => [table.header[c], ...table.rows.map((row) => row[c])].map((cell) => plainText(cell?.tokens ?? [])));
  const widths = fitColumns(
    texts.map((column) => Math.max(...column.map((text) => stringWidth(text)))),
    texts.map((column) => Math.max(...column.flatMap((text) => text.split(/\s+/).map((word) => stringWidth(word))))),
    available === undefined ? undefined : available - TABLE_GAP * (columns - 1),
  );
  const cell = (tokens: Token[], c: number, header: boolean) => {
    const align = table.align[c];
    return (
      <Box
        key={c}
        width={widths[c]! + (c < columns - 1 ? TABLE_GAP : 0)}
        paddingRight={c < columns - 1 ? TABLE_GAP : 0}
        justifyContent={align === 'right' ? 'flex-end' : align === 'center' ? 'center' : 'flex-start'}
        // The header's rule is its cells' bottom border, so it shrinks with the columns instead of wrapping.
        {...(header ? { borderStyle: 'single', borderTop: false, borderLeft: false, borderRight: false, borderDimColor: true } : {})}
      >
        <InlineText tokens={tokens} width={widths[c]} style={{ bold: header }} />
      </Box>
    );
  };
  return (
    <Box key={key} flexDirection="column">
      <Box flexDirection="row">{table.header.map((h, c) => cell(h.tokens, c, true))}</Box>
      {table.rows.map((row, r) => (
        <Box key={r} flexDirection="row">
          {row.map((cellToken, c) => cell(cellToken.tokens, c, false))}
        </Box>
      ))}
    </Box>
  );
}

/**
 * Column widths that fit `available`: natural widths when they fit; otherwise the widest columns
 * give way first (one cap for all, lowered until the table fits), none below its longest word
 * unless even the longest words cannot fit.
 */
export function fitColumns(natural: number[], longestWord: number[], available: number | undefined): number[] {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (available === undefined || sum(natural) <= available) return natural;
  const minimum = natural.map((n, c) => Math.min(n, longestWord[c] ?? n));
  const capped = (cap: number) => natural.map((n, c) => Math.max(minimum[c]!, Math.min(n, cap)));
  const floor = sum(minimum);
  let widths: number[];
  if (floor > available) {
    // Not even the longest words fit: share the room in proportion, and long words break.
    widths = minimum.map((m) => Math.max(1, Math.floor((m * available) / floor)));
  } else {
    let cap = Math.max(...natural);
    while (cap > 1 && sum(capped(cap)) > available) cap--;
    widths = capped(cap);
  }
  // Rounding leaves a few columns over; give them to the shrunk columns, one each.
  let left = available - sum(widths);
  for (let c = 0; left > 0 && c < widths.length; c++) {
    if (widths[c]! < natural[c]!) {
      widths[c]!++;
      left--;
    }
  }
  return widths;
}

/**
 * Inline tokens as styled runs: nested emphasis becomes merged styles, a link its text plus URL.
 * Hard-wrapped source lines are joined with a space, as Markdown does.
 */
function inlineRuns(tokens: Token[], style: RunStyle = {}): Run[] {
  return tokens.flatMap((token): Run[] => {
    switch (token.type) {
      case 'strong':
        return inlineRuns((token as Tokens.Strong).tokens, { ...style, bold: true });
      case 'em':
        return inlineRuns((token as Tokens.Em).tokens, { ...style, italic: true });
      case 'del':
        return inlineRuns((token as Tokens.Del).tokens, { ...style, strikethrough: true });
      case 'codespan':
        return [{ text: (token as Tokens.Codespan).text, style: { ...style, color: 'yellow' } }];
      case 'link':
      case 'image': {
        // A terminal cannot follow a link, so the URL is printed after the text (once, for bare URLs).
        const link = token as Tokens.Link | Tokens.Image;
        const label = link.type === 'image' ? [{ text: link.text, style }] : inlineRuns(link.tokens, style);
        const labelText = label.map((run) => run.text).join('');
        if (labelText === link.href || labelText === '') return [{ text: link.href, style: { ...style, color: 'blue', underline: true } }];
        return [...label.map((run) => ({ text: run.text, style: { ...run.style, color: 'blue' } })), { text: ` (${link.href})`, style: { ...style, dimColor: true } }];
      }
      case 'br':
        return [{ text: '\n', style }];
      case 'text': {
        const text = token as Tokens.Text;
        return text.tokens ? inlineRuns(text.tokens, style) : [{ text: text.text.replace(/\n/g, ' '), style }];
      }
      default:
        // escape, inline html: their text as written.
        return [{ text: 'text' in token && typeof token.text === 'string' ? token.text : token.raw, style }];
    }
  });
}

/** The characters `inlineRuns` prints, for measuring table columns. */
function plainText(tokens: Token[]): string {
  return inlineRuns(tokens)
    .map((run) => run.text)
    .join('');
}

/** Runs as one Ink `<Text>`, pre-wrapped when the width is known. */
function InlineText({ tokens, width, style }: { tokens: Token[]; width: number | undefined; style?: RunStyle }): ReactNode {
  const runs = inlineRuns(tokens);
  const lines = width === undefined ? runs : wrapRuns(runs, width);
  return (
    <Text {...style}>
      {lines.map((run, i) => (
        <Text key={i} {...run.style}>
          {run.text}
        </Text>
      ))}
    </Text>
  );
}
