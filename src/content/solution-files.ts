import type { LabStep, StepSolution } from './lab-model.js';
import { renderSolution, type SolutionVars } from './render-solution.js';

export type SolutionLanguage = keyof StepSolution;

/** The folder `w` writes into, under the learner's working directory. */
export const CODE_DIR = 'kinesis-lab-code';

/**
 * The file a step's solution is saved as. TypeScript is `.mts`, an ES module wherever it lands (its
 * top-level await needs one, and a fresh folder's package.json says nothing); Python names take `_`.
 */
export function solutionFileName(stepId: string, language: SolutionLanguage): string {
  switch (language) {
    case 'cli':
      return `${stepId}.sh`;
    case 'typescript':
      return `${stepId}.mts`;
    case 'python':
      return `${stepId.replaceAll('-', '_')}.py`;
  }
}

export interface SolutionFile {
  language: SolutionLanguage;
  name: string;
  text: string;
}

/** A step's solutions rendered for this run, each under the name its first line tells to run. */
export function solutionFiles(step: LabStep, vars: Omit<SolutionVars, 'file'>): SolutionFile[] | undefined {
  if (!step.solution) return undefined;
  const languages: SolutionLanguage[] = ['cli', 'typescript', 'python'];
  return languages.map((language) => {
    const name = solutionFileName(step.id, language);
    return { language, name, text: renderSolution(step.solution![language], { ...vars, file: name }) };
  });
}

/** What writing a step's files did. `edited`: files the learner changed are still theirs, listed. */
export type WriteCodeResult = { kind: 'written'; dir: string; files: string[] } | { kind: 'unchanged'; dir: string } | { kind: 'edited'; files: string[] };
