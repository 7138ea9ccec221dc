/**
 * The `kinesis-lab` bin (built to dist/cli.js). It is kept to syntax any Node.js since 12 parses, even
 * as a CommonJS script (test/package/node-guard.test.ts), so an old Node prints one clear line instead
 * of a syntax error from the rest. On a supported Node it turns on the module compile cache where Node
 * has one, then loads the CLI (dist/main.js, built from src/cli.tsx).
 */
import pkg from '../package.json' with { type: 'json' };
import { langFromEnv } from './i18n/lang.js';
import { nodeTooOld } from './i18n/node-support-messages.js';

/** The CLI itself, beside this file in dist/ (scripts/build.mjs keeps the name; a variable so nothing bundles it here). */
const CLI_MODULE = './main.js';

const minimum = Number(/\d+/.exec(pkg.engines.node)?.[0] ?? 0);
const major = Number(process.versions.node.split('.')[0]);
if (major < minimum) {
  process.stderr.write(`${nodeTooOld(process.version, minimum)[langFromEnv(process.env)]}\n`);
  process.exitCode = 1;
} else {
  enableCompileCache();
  import(CLI_MODULE).catch((error: unknown) => {
    // Only a damaged install gets here: the CLI reports its own failures.
    process.stderr.write(`kinesis-lab: cannot load ${CLI_MODULE}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

/** Node ≥ 22.1 keeps compiled code between runs, so later starts skip most of the parsing. */
function enableCompileCache(): void {
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const nodeModule = getBuiltin?.('node:module') as { enableCompileCache?: () => unknown } | undefined;
  nodeModule?.enableCompileCache?.();
}
