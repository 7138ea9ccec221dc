import { createInterface } from 'node:readline/promises';
import pkg from '../../package.json' with { type: 'json' };
import { LabLoadError } from '../content/load-lab.js';
import { LabsNotFoundError } from '../content/locate-labs.js';
import { SandboxDataError } from '../sandbox/durable/sandbox-data-error.js';
import { langFromEnv, type Lang } from '../i18n/lang.js';
import { messages } from '../i18n/messages.js';
import { validateRegion } from '../validate/region.js';
import type { ClassFlags, ClassMembership } from './class-membership.js';
import { isTerminal } from './confirm.js';
import { classroomMessages } from '../i18n/classroom-messages.js';
import { paintFirstFrame } from './first-frame.js';
import { helpText } from './help-text.js';
import { prepareLabSession, startLabSession, type LabSession } from './lab-session.js';
import { warningLines } from './node-support-notice.js';
import { printNotices, processOutput, type Output } from './output.js';
import { langFromArgv, parseCommand, type Command, type GlobalOptions } from './parse-args.js';
import { withStopSignals } from './stop-signals.js';
import { learnSecrets } from './secret-sources.js';
import { ConfigPathError, fileErrorMessage } from './config-home.js';
import { UsageError } from './usage-error.js';

// Every command's module is imported when that command runs: the SDK, the sandbox and Ink are most of
// the bundle, and the interactive lab paints its first frame before it loads the SDK.

/** Runs one command; returns the exit code. Never throws: every failure becomes a message. */
export async function main(argv: string[], env: NodeJS.ProcessEnv, warnings: Error[] = [], output: Output = processOutput()): Promise<number> {
  // --lang counts even when the line around it is wrong: the usage error itself is in that language.
  let lang: Lang = langFromArgv(argv) ?? langFromEnv(env);
  learnSecrets(env, argv);
  try {
    const command = parseCommand(argv);
    if ('global' in command && command.global.lang) lang = command.global.lang;
    return await withStopSignals((signal) => run(command, env, lang, output, signal));
  } catch (error) {
    return reportFatal(error, lang, output, env);
  } finally {
    // Warnings would tear the full-screen UI and break --json; once the work is done, say them in plain lines
    // (the SDK's Node version warning as one line the learner can act on).
    for (const line of warningLines(warnings, process.version, lang)) output.err(line);
  }
}

async function run(command: Command, env: NodeJS.ProcessEnv, lang: Lang, output: Output, signal: AbortSignal): Promise<number> {
  switch (command.name) {
    case 'version':
      output.out(packageVersion());
      return 0;
    case 'help':
      output.out(helpText(command.topic, lang));
      return 0;
    case 'sandbox':
      return (await import('./commands/sandbox-command.js')).sandboxCommand(command, lang, output, signal, env.AWS_REGION ?? env.AWS_DEFAULT_REGION);
    case 'doctor': {
      const { doctorCommand } = await import('./commands/doctor-command.js');
      return doctorCommand(command.global, command.json, env, { isTTY: isTerminal(process.stdout), columns: process.stdout.columns, rows: process.stdout.rows, env }, output, lang, signal);
    }
    case 'reset':
      return (await import('./commands/reset-command.js')).resetCommand(command, env, output);
    case 'report':
      return (await import('./commands/report-command.js')).reportCommand(command, env, output);
  }
  if (command.name === 'class' && command.action === 'board') return (await import('./commands/class-command.js')).classBoardCommand(command, env, output, signal);
  if (command.name === 'class' && command.action === 'delete') return (await import('./commands/class-command.js')).classDeleteCommand(command, env, output, signal);
  const classroom = await classFlagsOf(command.global);
  // Flags are checked before anything starts or calls AWS.
  const produce = command.name === 'produce' ? (await import('./commands/produce-command.js')).produceOptions(command) : undefined;
  const interactive = command.name === 'lab' && !command.global.plain && isTerminal(process.stdout) && isTerminal(process.stdin);
  // A class on a room sandbox: the lab runs there, signing with the learner's own key.
  const joined = classroom ? await (await import('./class-membership.js')).findClass(classroom, command.global, env) : undefined;
  const room = joined?.room ?? (command.name === 'class' ? await (await import('./commands/class-command.js')).classCreateRoom(command.global, env) : undefined);
  const prepared = await prepareLabSession(command.global, { env, signal, askRegion: interactive ? () => askRegion(lang) : undefined, surface: interactive ? 'tui' : 'cli', ...(room ? { room } : {}), ...(joined ? { classArgs: (await import('./class-membership.js')).classArgs(command.global) } : {}) });
  // The first frame, before Ink, the sandbox and the SDK load and start (they take most of a second);
  // Ink then draws the same screen with a spinner in its place.
  const eraseFirstFrame = interactive ? paintFirstFrame(prepared, process.stdout.columns, (text) => process.stdout.write(text)) : undefined;
  const screen = eraseFirstFrame ? (await import('./commands/lab-starting.js')).showStartingScreen(prepared, eraseFirstFrame) : undefined;
  let session: LabSession | undefined;
  let membership: ClassMembership | undefined;
  try {
    session = await startLabSession(prepared);
    // The full-screen lab shows them on its first screen; every other output on stderr (a JSON line with --json).
    if (!interactive) printNotices(output, session.notices ?? [], lang, 'json' in command && command.json);
    membership = joined ? await (await import('./class-membership.js')).joinClass(joined, command.global, env, signal) : undefined;
    if (membership) session.runnerObservers = [membership.observe];
  } catch (error) {
    screen?.unmount();
    await session?.close();
    throw error;
  }
  try {
    switch (command.name) {
      case 'cleanup':
        return await (await import('./commands/cleanup-command.js')).cleanupCommand(session, env, { dryRun: command.dryRun, yes: command.yes, plain: command.global.plain }, output, signal);
      case 'class':
        return await (await import('./commands/class-command.js')).classCreateCommand(session, command, env, output);
      case 'check':
        return await (await import('./commands/check-command.js')).checkCommand(session, command.steps, command.json, output, signal);
      case 'solve':
        return await (await import('./commands/solve-command.js')).solveCommand(session, command.steps, command.json, output, signal);
      case 'produce':
        return await (await import('./commands/produce-command.js')).produceCommand(session, command, produce!, output, signal);
      case 'lab': {
        const { interactiveLab, plainLab } = await import('./commands/lab-command.js');
        const code = screen ? await interactiveLab(session, command.step, screen, signal) : await plainLab(session, command.step, output, signal);
        if (interactive) membership?.leave();
        await (await import('./after-lab.js')).afterLab(session, env, output, { canAsk: interactive });
        return code;
      }
      default:
        // Exhaustive: TypeScript cannot narrow past the class-board branch above on its own.
        return command satisfies never;
    }
  } finally {
    const waiting = await membership?.close();
    if (waiting) output.err(classroomMessages(lang).classWaiting(waiting));
    await session.close();
  }
}

/** `--class`/`--name`, checked before anything runs; the class client is loaded only when they are given. */
async function classFlagsOf(global: GlobalOptions): Promise<ClassFlags | undefined> {
  if (global.classCode === undefined && global.displayName === undefined) return undefined;
  return (await import('./class-membership.js')).classFlags(global);
}

async function askRegion(lang: Lang): Promise<string> {
  const m = messages(lang);
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const answer = (await rl.question(m.askRegion)).trim();
      const checked = validateRegion(answer);
      if (checked.ok) return checked.value;
      process.stdout.write(`${checked.message[lang]}\n`);
    }
  } finally {
    rl.close();
  }
}

function packageVersion(): string {
  return pkg.version;
}

function reportFatal(error: unknown, lang: Lang, output: Output, env: NodeJS.ProcessEnv): number {
  if (env.KINESIS_LAB_DEBUG && error instanceof Error) output.err(error.stack ?? error.message);
  if (error instanceof UsageError) {
    output.err(`kinesis-lab: ${error.in(lang)}`);
    return 2;
  }
  if (error instanceof ConfigPathError) {
    output.err(`kinesis-lab: ${error.in(lang)}`);
    return error.exitCode;
  }
  const file = fileErrorMessage(error);
  if (file) {
    output.err(`kinesis-lab: ${file[lang]}`);
    return 1;
  }
  if (error instanceof LabLoadError || error instanceof LabsNotFoundError) {
    output.err(`kinesis-lab: ${error.message}`);
    return 2;
  }
  if (error instanceof SandboxDataError) {
    output.err(`kinesis-lab: ${error.localized[lang]}`);
    return 1;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  output.err(`kinesis-lab: ${message.split('\n')[0]}`);
  return 1;
}
