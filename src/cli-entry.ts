/**
 * The `kinesis-lab` bin (built to dist/cli.js). It is kept to syntax any Node.js since 12 parses, even
 * as a CommonJS script (test/package/node-guard.test.ts), so an old Node prints one clear line instead
 * of a syntax error from the rest. On a supported Node it answers a bare `--version` itself, and otherwise
 * turns on the module compile cache where Node has one and loads the CLI (dist/main.js, from src/cli.tsx).
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
} else if (isVersionOnly(process.argv.slice(2))) {
  // The commonest quick question, answered before loading anything else.
  process.stdout.write(`${pkg.version}\n`);
} else {
  enableCompileCache();
  import(CLI_MODULE).catch((error: unknown) => {
    // Only a damaged install gets here: the CLI reports its own failures.
    process.stderr.write(`kinesis-lab: cannot load ${CLI_MODULE}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

/** `kinesis-lab --version` or `-v` alone; anything else (`--version` among other flags too) goes to the CLI's parser. */
function isVersionOnly(args: string[]): boolean {
  return args.length === 1 && (args[0] === '--version' || args[0] === '-v');
}

/** Node ≥ 22.1 keeps compiled code between runs, so later starts skip most of the parsing. */
function enableCompileCache(): void {
  const getBuiltin = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const nodeModule = getBuiltin?.('node:module') as { enableCompileCache?: () => unknown } | undefined;
  nodeModule?.enableCompileCache?.();
}
