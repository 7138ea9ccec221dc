import { delimiter, isAbsolute, join, relative } from 'node:path';

/** The bin's name, as package.json declares it. */
export const BIN = 'kinesis-lab';

/** What this process knows about how it was started; passed in so the rules are tested without a shell. */
export interface InvocationFacts {
  /** The script Node ran (process.argv[1]). */
  script: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The real path of a file, or undefined when there is none. */
  realpath(path: string): string | undefined;
}

/**
 * The command that runs this kinesis-lab again from the learner's shell:
 * - `npx kinesis-lab` when npx (npm exec) started an installed copy;
 * - `node dist/cli.js` (relative to where the learner is) when an npm script started it, as after
 *   `npm start` in a clone, where `kinesis-lab` is not a command until `npm link`;
 * - `kinesis-lab` when that name on PATH is this very file (a global install or `npm link`);
 * - otherwise `node <path of this file>`.
 */
export function detectCommandPrefix(facts: InvocationFacts): string {
  const { env } = facts;
  // npx runs node_modules/.bin/kinesis-lab, a link to the package's dist/cli.js.
  const script = facts.realpath(facts.script) ?? facts.script;
  const installed = /[\\/]node_modules[\\/]kinesis-lab[\\/]/.test(script);
  if (env.npm_command === 'exec' && installed) return `npx ${BIN}`;
  const shellDir = env.INIT_CWD || facts.cwd;
  if (env.npm_lifecycle_event !== undefined && env.npm_command !== 'exec') {
    // npm put node_modules/.bin on PATH for the script; the learner's shell does not have it.
    return installed ? `npx ${BIN}` : nodeCommand(script, shellDir);
  }
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).some((dir) => facts.realpath(join(dir, BIN)) === script);
  return onPath ? BIN : nodeCommand(script, shellDir);
}

function nodeCommand(script: string, from: string): string {
  const rel = relative(from, script);
  const path = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : script;
  return `node ${shellQuote(path)}`;
}

/** Quoted only when the shell would split or expand it. */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
