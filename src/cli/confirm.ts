import { createInterface } from 'node:readline/promises';
import { classroomMessages } from '../i18n/classroom-messages.js';
import type { Lang } from '../i18n/lang.js';
import { UsageError } from './usage-error.js';

/**
 * Is this stream a terminal? @types/node declares `isTTY: boolean`, but a pipe or file stream has
 * no such property at all; the parameter type says so, so the comparison stays honest.
 */
export function isTerminal(stream: { readonly isTTY?: boolean }): boolean {
  return stream.isTTY === true;
}

/** Can this process ask the person at the keyboard? Not with --plain, not in a pipe or CI. */
export function canAsk(plain: boolean): boolean {
  return !plain && isTerminal(process.stdin) && isTerminal(process.stdout);
}

/**
 * For commands that change or delete things: `--yes` goes ahead; a terminal is asked (default no);
 * without a terminal the command stops with a usage error instead of guessing.
 */
export async function confirmOrYes(opts: { yes: boolean; plain: boolean; lang: Lang; command: string; question: string }): Promise<boolean> {
  if (opts.yes) return true;
  if (!canAsk(opts.plain)) {
    const en = classroomMessages('en').needsYes(opts.command);
    const ko = classroomMessages('ko').needsYes(opts.command);
    throw new UsageError({ en, ko });
  }
  return askYesNo(opts.question, opts.lang);
}

export async function askYesNo(question: string, lang: Lang): Promise<boolean> {
  // After the full-screen lab, Ink has left stdin raw and unreferenced: without this the process
  // would exit while the question waits for an answer.
  if (isTerminal(process.stdin)) process.stdin.setRawMode(false);
  process.stdin.ref();
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(`${question}${classroomMessages(lang).yesNo}`)).trim().toLowerCase();
    return answer === 'y' || answer === 'yes' || answer === '예' || answer === 'ㅛ';
  } finally {
    rl.close();
  }
}
