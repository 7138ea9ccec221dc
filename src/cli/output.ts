import type { Lang, Localized } from '../i18n/lang.js';

/** Where commands write; cli.tsx passes process streams, tests pass arrays. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export function processOutput(): Output {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
}

/**
 * One-time notices (what the sandbox repaired or set aside in its data folder) on stderr, so stdout
 * stays the command's own answer: a plain line, or with --json a JSON line `{"notice":"…"}`.
 */
export function printNotices(output: Output, notices: readonly Localized[], lang: Lang, json: boolean): void {
  for (const notice of notices) output.err(json ? JSON.stringify({ notice: notice[lang] }) : notice[lang]);
}
