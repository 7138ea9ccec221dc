import { builtinModules } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycles, globalsRead, importsOf, sourceFiles, type ImportSite } from './import-graph.js';

/**
 * The layers of src/ as docs/architecture.md draws them (its "Layers" block, top row first): a folder
 * imports only folders in rows below its own. The document is the one source of the order, so changing
 * the order means changing the drawing.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const rows = documentedRows(readFileSync(`${ROOT}docs/architecture.md`, 'utf8'));
const rowOf = new Map(rows.flatMap((names, i) => names.map((n) => [n, rows.length - 1 - i] as const)));

/** Folders that must stay pure: the step lifecycle and the vocabulary under everything. */
const PURE = ['engine', 'shared'];
/** Packages the pure folders may use (zod parses the progress file's shape; it does no I/O). */
const PURE_PACKAGES = ['zod'];
/** Globals through which code reaches the outside world without an import. */
const IO_GLOBALS = ['process', 'fetch', 'console', 'require'];

const files = sourceFiles(ROOT, 'src');
const sites = files.flatMap((f) => importsOf(ROOT, f));

/** The layer a src/ path belongs to: its top folder, or the file itself at src/'s top (`cli.tsx`). */
function unitOf(path: string): string | undefined {
  if (!path.startsWith('src/')) return undefined;
  const parts = path.slice('src/'.length).split('/');
  return parts[0];
}

function where(site: ImportSite): string {
  return `${site.file}:${String(site.line)} imports '${site.specifier}'`;
}

describe('import direction (docs/architecture.md, "Layers")', () => {
  it('draws every folder and file at the top of src/ exactly once', () => {
    const units = readdirSync(`${ROOT}src`).filter((n) => !/\.test\.tsx?$/.test(n)).sort();
    const drawn = rows.flat();
    expect(drawn.filter((n, i) => drawn.indexOf(n) !== i), 'drawn twice').toEqual([]);
    expect([...drawn].sort()).toEqual(units);
  });

  it('has every import in src/ point to a lower row', () => {
    const against = sites.flatMap((site) => {
      const from = unitOf(site.file)!;
      if (site.target === undefined) return [];
      const to = unitOf(site.target);
      if (to === undefined) return site.target === 'package.json' ? [] : [`${where(site)}: outside src/ (${site.target})`];
      if (to === from) return [];
      const a = rowOf.get(from);
      const b = rowOf.get(to);
      if (a === undefined || b === undefined) return [`${where(site)}: ${a === undefined ? from : to} is not in the drawing`];
      if (b < a) return [];
      return [`${where(site)}: ${from} → ${to}, but ${to} is ${b === a ? 'in the same row as' : 'above'} ${from}`];
    });
    expect(against).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const graph = new Map<string, Set<string>>();
    const evidence = new Map<string, ImportSite>();
    for (const site of sites) {
      const from = unitOf(site.file)!;
      const to = site.target === undefined ? undefined : unitOf(site.target);
      if (to === undefined || to === from) continue;
      let next = graph.get(from);
      if (!next) graph.set(from, (next = new Set()));
      next.add(to);
      if (!evidence.has(`${from}→${to}`)) evidence.set(`${from}→${to}`, site);
    }
    const described = cycles(graph).map((members) => {
      const inside = [...evidence].filter(([key]) => members.some((m) => key.startsWith(`${m}→`)) && members.some((m) => key.endsWith(`→${m}`)));
      return `${members.join(' ↔ ')}: ${inside.map(([key, site]) => `${key} (${where(site)})`).join('; ')}`;
    });
    expect(described).toEqual([]);
  });

  it.each(PURE)('keeps %s free of I/O: no Node built-in, no package but zod, no process/fetch/console', (folder) => {
    const own = files.filter((f) => f.startsWith(`src/${folder}/`) && !/\.test\.tsx?$/.test(f));
    expect(own.length).toBeGreaterThan(0);
    const builtins = new Set(builtinModules);
    const io = [
      ...sites
        .filter((s) => own.includes(s.file) && s.target === undefined)
        .filter((s) => s.specifier.startsWith('node:') || builtins.has(s.specifier.split('/')[0]!) || !PURE_PACKAGES.includes(s.specifier))
        .map((s) => where(s)),
      ...own.flatMap((f) => globalsRead(ROOT, f, IO_GLOBALS).map((g) => `${f}:${String(g.line)} reads ${g.name}`)),
    ];
    expect(io).toEqual([]);
  });
});

/**
 * The rows of the first fenced block after the "## Layers" heading, top row first. A row is the names
 * before its first run of two spaces (`runner cleanup classroom  what they do`).
 */
function documentedRows(markdown: string): string[][] {
  const section = markdown.split(/^## Layers$/m)[1];
  const block = section?.match(/```text\n([\s\S]*?)```/)?.[1];
  if (block === undefined) throw new Error('docs/architecture.md has no "## Layers" heading followed by a ```text block');
  return block
    .split('\n')
    .map((line) => line.trim().split(/\s{2,}/)[0]!)
    .filter((names) => names.length > 0)
    .map((names) => names.split(' '));
}
