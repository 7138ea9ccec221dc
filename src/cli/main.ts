import { createInterface } from 'node:readline/promises';
import pkg from '../../package.json' with { type: 'json' };
import { LabLoadError } from '../content/load-lab.js';
import { LabsNotFoundError } from '../content/locate-labs.js';
import { SandboxDataError } from '../sandbox/durable/sandbox-data-error.js';
import { langFromEnv, type Lang } from '../i18n/lang.js';
import { messages } from '../i18n/messages.js';
import { validateRegion } from '../validate/region.js';
import { checkCommand } from './commands/check-command.js';
import { produceCommand, produceOptions } from './commands/produce-command.js';
import { sandboxCommand } from './commands/sandbox-command.js';
import { solveCommand } from './commands/solve-command.js';
import { doctorCommand } from './commands/doctor-command.js';
import { classBoardCommand, classCreateCommand, classDeleteCommand } from './commands/class-command.js';
import { cleanupCommand } from './commands/cleanup-command.js';
import { reportCommand } from './commands/report-command.js';
import { resetCommand } from './commands/reset-command.js';
import { afterLab } from './after-lab.js';
import { classFlags, joinClass } from './class-membership.js';
import { isTerminal } from './confirm.js';
import { classroomMessages } from '../i18n/classroom-messages.js';
import { helpText } from './help-text.js';
import { openLabSession, type LabSession } from './lab-session.js';
import { printNotices, processOutput, type Output } from './output.js';
import { langFromArgv, parseCommand, type Command } from './parse-args.js';
import { withStopSignals } from './stop-signals.js';
import { learnSecrets } from './secret-sources.js';
import { ConfigPathError, fileErrorMessage } from './config-home.js';
import { UsageError } from './usage-error.js';

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
    // Warnings would tear the full-screen UI; once it is gone, show the ones that are news to the learner.
    for (const w of warnings) if (!/NodeVersionSupportWarning|AWS SDK for JavaScript/.test(w.message)) output.err(`warning: ${w.message}`);
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
      return sandboxCommand(command, lang, output, signal, env.AWS_REGION ?? env.AWS_DEFAULT_REGION);
    case 'doctor':
      return doctorCommand(command.global, command.json, env, { isTTY: isTerminal(process.stdout), columns: process.stdout.columns, rows: process.stdout.rows, env }, output, lang, signal);
    case 'reset':
      return resetCommand(command, env, output);
    case 'report':
      return reportCommand(command, env, output);
  }
  if (command.name === 'class' && command.action === 'board') return classBoardCommand(command, env, output, signal);
  if (command.name === 'class' && command.action === 'delete') return classDeleteCommand(command, env, output, signal);
  const classroom = classFlags(command.global);
  // Flags are checked before anything starts or calls AWS.
  const produce = command.name === 'produce' ? produceOptions(command) : undefined;
  const interactive = command.name === 'lab' && !command.global.plain && isTerminal(process.stdout) && isTerminal(process.stdin);
  const session = await openLabSession(command.global, { env, signal, askRegion: interactive ? () => askRegion(lang) : undefined });
  // The full-screen lab shows them on its first screen; every other output on stderr (a JSON line with --json).
  if (!interactive) printNotices(output, session.notices ?? [], lang, 'json' in command && command.json);
  const membership = classroom ? await joinClass(classroom, command.global, env, signal) : undefined;
  if (membership) session.runnerObservers = [membership.observe];
  try {
    switch (command.name) {
      case 'cleanup':
        return await cleanupCommand(session, env, { dryRun: command.dryRun, yes: command.yes, plain: command.global.plain }, output, signal);
      case 'class':
        return await classCreateCommand(session, command, env, output);
      case 'check':
        return await checkCommand(session, command.steps, command.json, output, signal);
      case 'solve':
        return await solveCommand(session, command.steps, command.json, output, signal);
      case 'produce':
        return await produceCommand(session, command, produce!, output, signal);
      case 'lab': {
        const code = await runLab(session, command.step, interactive, output, signal);
        if (interactive) membership?.leave();
        await afterLab(session, env, output, { canAsk: interactive });
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

async function runLab(session: LabSession, step: string | undefined, interactive: boolean, output: Output, signal: AbortSignal): Promise<number> {
  // Loaded only here: the other commands never pay for Ink and React.
  const { interactiveLab, plainLab } = await import('./commands/lab-command.js');
  return interactive ? interactiveLab(session, step, signal) : plainLab(session, step, output, signal);
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
