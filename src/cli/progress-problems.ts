import type { Lang, Localized } from '../i18n/lang.js';
import { PROGRESS_CATALOGS, saveFailureText, type SaveFailure } from '../i18n/progress-messages.js';
import type { MovedAside } from '../files/progress-store.js';
import type { LabRunner } from '../runner/lab-runner.js';
import { printNotices, type Output } from './output.js';

/**
 * What went wrong with the learner's files, said the same way by every command and output mode:
 * a line on stderr, or with --json one JSON object on stderr (stdout keeps only the results).
 */
export function printSaveFailure(failure: SaveFailure, lang: Lang, json: boolean, output: Output): void {
  const text = saveFailureText(failure, lang);
  if (!json) {
    output.err(text);
    return;
  }
  output.err(JSON.stringify({ error: 'progress-not-saved', ...(failure.path ? { path: failure.path } : {}), ...(failure.code ? { code: failure.code } : {}), message: text }));
}

/**
 * Follows a runner for a command without the full-screen lab: `sayWarnings` prints what saving had to
 * do since the last call (a file moved aside), `finish` prints why the last save failed, if it did,
 * and answers whether progress is saved.
 */
export function reportFileProblems(runner: LabRunner, lang: Lang, json: boolean, output: Output): { sayWarnings(): void; finish(): boolean } {
  let said = 0;
  const sayWarnings = () => {
    const warnings = runner.current.warnings ?? [];
    printNotices(output, warnings.slice(said), lang, json);
    said = warnings.length;
  };
  return {
    sayWarnings,
    finish() {
      sayWarnings();
      const failure = runner.current.saveError;
      if (failure) printSaveFailure(failure, lang, json, output);
      return failure === undefined;
    },
  };
}

/** "Your progress file … was kept as …", in both languages. */
export function movedAsideNotice(moved: MovedAside): Localized {
  return { en: PROGRESS_CATALOGS.en.movedAside(moved.path, moved.backup, moved.reason), ko: PROGRESS_CATALOGS.ko.movedAside(moved.path, moved.backup, moved.reason) };
}
