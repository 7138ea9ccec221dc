// docs/benchmarks.md holds one section per benchmark script, each from its "# " heading to the next one.
// A script rewrites only its own section, so running one benchmark never drops another's figures.
import { readFile, writeFile } from 'node:fs/promises';

const PAGE = new URL('../docs/benchmarks.md', import.meta.url);

/** Replaces the section that starts with `heading` (a "# " line) with `section`, or appends it. */
export async function writeBenchmarkSection(heading, section, page = PAGE) {
  const current = await readFile(page, 'utf8').catch(() => '');
  const start = current.indexOf(`${heading}\n`);
  const body = `${section.trimEnd()}\n`;
  if (start < 0) {
    await writeFile(page, current.trim() === '' ? body : `${current.trimEnd()}\n\n${body}`);
    return;
  }
  const next = current.indexOf('\n# ', start + heading.length);
  const rest = next < 0 ? '' : `\n${current.slice(next + 1)}`;
  await writeFile(page, `${current.slice(0, start)}${body}${rest}`);
}
