/**
 * Entry point of the `kinesis-lab` bin. It prepares the process (colours, warnings), answers
 * `--version` and `--help` itself, and loads the composition root lazily for everything else, so
 * those answers never pay for evaluating Ink, React or the AWS SDK.
 */
import { realpathSync } from 'node:fs';
import pkg from '../package.json' with { type: 'json' };
import { helpText } from './cli/help-text.js';
import { detectCommandPrefix } from './cli/invocation.js';
import { langFromArgv, parseCommand } from './cli/parse-args.js';
import { setCommandPrefix } from './i18n/command-line.js';
import { langFromEnv } from './i18n/lang.js';

const warnings: Error[] = [];
// The SDK announces its Node version policy with process.emitWarning; printed, it would tear the
// full-screen UI and pollute --json output. Keep warnings instead: main shows them once the work is done.
process.removeAllListeners('warning');
process.on('warning', (warning) => warnings.push(warning));
if (process.env.NO_COLOR) process.env.FORCE_COLOR = '0';

// Every hint names a command; name the one that runs in this learner's shell (npx kinesis-lab, node dist/cli.js …).
setCommandPrefix(detectCommandPrefix({ script: process.argv[1] ?? '', env: process.env, cwd: process.cwd(), realpath }));

const argv = process.argv.slice(2);
const quick = quickAnswer(argv);
if (quick !== undefined) {
  process.stdout.write(`${quick}\n`);
} else {
  const [{ main }, { redactProcessStreams }] = await Promise.all([import('./cli/main.js'), import('./cli/secret-sources.js')]);
  // One redaction path for everything printed, the full-screen UI included (src/diagnose/redact-secrets.ts).
  redactProcessStreams();
  process.exitCode = await main(argv, process.env, warnings);
}

function realpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** `--lang` wins over the locale even on `--help`, which parses no other option. */
function helpLang(args: string[]) {
  return langFromArgv(args) ?? langFromEnv(process.env);
}

/** `--version` and `--help` answered without loading the rest; anything unusual goes to main. */
function quickAnswer(args: string[]): string | undefined {
  try {
    const command = parseCommand(args);
    if (command.name === 'version') return pkg.version;
    if (command.name === 'help') return helpText(command.topic, helpLang(args));
  } catch {
    // Bad usage: main prints the message in the learner's language and exits 2.
  }
  return undefined;
}
