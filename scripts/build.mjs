#!/usr/bin/env node
// Bundles the CLI into one file so `npx kinesis-lab` starts without resolving hundreds of modules.
// Nothing is external: every dependency is plain JavaScript (the sandbox's Kinesis engine is our own).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli.tsx'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  alias: { 'react-devtools-core': './scripts/stubs/react-devtools-core.mjs' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // ESM bundles of CommonJS code still call require(); give them one.
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __kl_cr } from 'node:module'; const require = __kl_cr(import.meta.url);",
  },
  logLevel: 'warning',
});
