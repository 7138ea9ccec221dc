/**
 * Splits a fix text into its first sentence and the rest, so the screen can always show the first
 * one. A sentence ends at `.`, `!` or `?` before a space or line break (not after "e.g" or "i.e"),
 * or at a line break.
 */
export function splitFirstSentence(text: string): { first: string; rest: string } {
  const trimmed = text.trim();
  const end = /[.!?](?=\s)|\n/g;
  for (let match = end.exec(trimmed); match; match = end.exec(trimmed)) {
    const before = trimmed.slice(Math.max(0, match.index - 3), match.index).toLowerCase();
    if (match[0] !== '\n' && (before.endsWith('e.g') || before.endsWith('i.e'))) continue;
    const cut = match[0] === '\n' ? match.index : match.index + 1;
    return { first: trimmed.slice(0, cut).trim(), rest: trimmed.slice(cut).trim() };
  }
  return { first: trimmed, rest: '' };
}
