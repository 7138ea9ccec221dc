#!/usr/bin/env node
// Builds dist/, which is all the package runs: nothing is left to install, so `npx kinesis-lab`
// fetches one package with no dependencies (every library is plain JavaScript and bundled here).
//
//   dist/cli.js       the bin: a tiny guard any old Node can parse (src/cli-entry.ts)
//   dist/main.js      the CLI (src/cli.tsx); answers --version and --help from a small first chunk
//   dist/chunks/      the rest, split at dynamic imports, so each command loads only what it uses
//   dist/THIRD_PARTY_LICENSES   the license of every bundled package (from esbuild's metafile)
//
// Usage: node scripts/build.mjs [--sourcemap]   (--sourcemap: linked maps for debugging; never packed)
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { legalCommentBlocks, thirdPartyLicenses } from './third-party-licenses.mjs';

// `npm pack` in a fresh clone runs this through prepack; without the dev dependencies, say what to run.
const { build } = await import('esbuild').catch(() => {
  console.error('build: esbuild is not installed; run `npm ci` first, then `npm pack` or `npm run build`.');
  process.exit(1);
});

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const sourcemap = process.argv.includes('--sourcemap') ? 'linked' : false;

// A stale map or chunk from an earlier build must never reach a package.
rmSync(dist, { recursive: true, force: true });

const shared = { absWorkingDir: root, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' };

await build({
  ...shared,
  entryPoints: ['src/cli-entry.ts'],
  outfile: 'dist/cli.js',
  // Node 12's syntax (12.20: with import()), so Node 10–19 reach the "needs Node 20" line instead of a syntax error.
  target: 'node12.20',
  banner: { js: '#!/usr/bin/env node' },
});
// Runnable as ./dist/cli.js from a clone too (npm marks bins executable only when it installs them).
chmodSync(join(dist, 'cli.js'), 0o755);

const main = await build({
  ...shared,
  entryPoints: { main: 'src/cli.tsx' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  target: 'node20',
  minify: true,
  sourcemap,
  metafile: true,
  // Collected into THIRD_PARTY_LICENSES below, next to each package's full license text.
  legalComments: 'external',
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.mjs' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // ESM bundles of CommonJS code still call require(); give every chunk one.
  banner: { js: "import { createRequire as __kl_cr } from 'node:module'; const require = __kl_cr(import.meta.url);" },
});

const legal = new Set();
for (const file of walk(dist).filter((f) => f.endsWith('.LEGAL.txt'))) {
  for (const block of legalCommentBlocks(readFileSync(file, 'utf8'))) legal.add(block);
  rmSync(file);
}
writeFileSync(join(dist, 'THIRD_PARTY_LICENSES'), thirdPartyLicenses(main.metafile, root, [...legal]));

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}
