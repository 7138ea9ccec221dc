import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { ZodIssue } from 'zod';
import { LANGS } from '../i18n/lang.js';
import type { Localized } from '../i18n/lang.js';
import { findJsonSyntaxProblem } from './json-syntax-error.js';
import { labManifestSchema } from './lab-schema.js';
import type { Lab, LabStep, StepSolution } from './lab-model.js';
import { renderSolution, UnknownPlaceholderError } from './render-solution.js';

/** The check and action kinds the engine implements; lab.json may only name these. */
export interface KnownKinds {
  checkKinds: ReadonlySet<string>;
  actionKinds: ReadonlySet<string>;
  /**
   * Panel kinds the UI registers (`PANEL_KINDS`), passed in so the loader needs no UI import. When
   * absent, panels are not checked (tools that never draw the screen).
   */
  panelKinds?: ReadonlySet<string>;
}

/**
 * A lab folder that cannot be loaded. The message is one line naming the file (and the field when
 * there is one), e.g. `…/lab.json: steps[2].check.kind: unknown check kind "stream-actve" …`.
 */
export class LabLoadError extends Error {
  override name = 'LabLoadError';
  constructor(
    /** Absolute path of the offending file. */
    readonly file: string,
    /** Where in the file, as a path like `steps[2].check.kind`; absent for whole-file problems. */
    readonly field: string | undefined,
    reason: string,
  ) {
    super(`${file}: ${field === undefined ? '' : `${field}: `}${reason}`);
  }
}

/** Solution files by the `StepSolution` field they fill. */
const SOLUTION_FILES = { cli: 'solution.sh', typescript: 'solution.ts', python: 'solution.py' } as const;

/**
 * Reads and validates a lab folder (`lab.json`, step texts, solutions) into the typed model.
 * Throws `LabLoadError` on the first problem found.
 */
export async function loadLab(dir: string, known: KnownKinds): Promise<Lab> {
  const labDir = resolve(dir);
  const manifestFile = join(labDir, 'lab.json');
  const raw = await readText(manifestFile);
  const manifest = parseManifest(manifestFile, raw);

  if (manifest.id !== basename(labDir)) {
    throw new LabLoadError(manifestFile, 'id', `"${manifest.id}" must equal the lab's folder name "${basename(labDir)}"`);
  }

  const seen = new Map<string, number>();
  manifest.steps.forEach((step, index) => {
    const first = seen.get(step.id);
    if (first !== undefined) {
      throw new LabLoadError(manifestFile, `steps[${index}].id`, `duplicate step id "${step.id}" (also steps[${first}].id)`);
    }
    seen.set(step.id, index);
    // A coming-next step cannot be played, so it may name the check and action it will get before
    // the engine implements them; the lab then keeps loading while those kinds are being built.
    if (step.check && !step.comingNext && !known.checkKinds.has(step.check.kind)) {
      throw new LabLoadError(manifestFile, `steps[${index}].check.kind`, unknownKind('check', step.check.kind, known.checkKinds));
    }
    if (step.action && !step.comingNext && !known.actionKinds.has(step.action.kind)) {
      throw new LabLoadError(manifestFile, `steps[${index}].action.kind`, unknownKind('action', step.action.kind, known.actionKinds));
    }
    if (step.panel && !step.comingNext && known.panelKinds && !known.panelKinds.has(step.panel.kind)) {
      throw new LabLoadError(manifestFile, `steps[${index}].panel.kind`, unknownKind('panel', step.panel.kind, known.panelKinds));
    }
  });

  const steps: LabStep[] = [];
  for (const step of manifest.steps) {
    const stepDir = join(labDir, 'steps', step.id);
    const solution = await readSolution(stepDir, step.action !== undefined);
    steps.push({
      id: step.id,
      title: step.title,
      body: await readBody(stepDir),
      ...(step.check ? { check: step.check } : {}),
      ...(step.action ? { action: step.action } : {}),
      ...(step.panel ? { panel: step.panel } : {}),
      ...(solution ? { solution } : {}),
      hints: step.hints,
      comingNext: step.comingNext,
    });
  }

  return { formatVersion: 1, id: manifest.id, dir: labDir, title: manifest.title, summary: manifest.summary, steps };
}

function parseManifest(file: string, raw: string) {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    const problem = findJsonSyntaxProblem(raw);
    const where = problem ? `line ${problem.line}, column ${problem.column}` : 'somewhere';
    throw new LabLoadError(file, undefined, `invalid JSON at ${where}: ${problem?.reason ?? (error as Error).message}`);
  }
  const parsed = labManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    throw new LabLoadError(file, formatPath(first.path) || '(root)', `${describeIssue(first)}${more}`);
  }
  return parsed.data;
}

/** `['steps', 2, 'check', 'kind']` → `steps[2].check.kind`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

function describeIssue(issue: ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.received === 'undefined') return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
}

function unknownKind(what: 'check' | 'action' | 'panel', kind: string, known: ReadonlySet<string>): string {
  return `unknown ${what} kind "${kind}" (known: ${[...known].sort().join(', ') || 'none'})`;
}

async function readBody(stepDir: string): Promise<Localized> {
  const body = {} as Localized;
  for (const lang of LANGS) {
    const file = join(stepDir, `${lang}.md`);
    const text = await readText(file);
    if (text.trim() === '') throw new LabLoadError(file, undefined, 'the step text is empty');
    body[lang] = text;
  }
  return body;
}

/**
 * Solutions are required when the step has an action (they are shown after "do it for me") and
 * optional otherwise; when any file is there, all three must be, so no language is left out.
 */
async function readSolution(stepDir: string, required: boolean): Promise<StepSolution | undefined> {
  const texts = {} as Record<keyof StepSolution, string | undefined>;
  for (const [field, name] of Object.entries(SOLUTION_FILES) as [keyof StepSolution, string][]) {
    texts[field] = await readOptionalText(join(stepDir, name));
  }
  const present = Object.values(texts).some((text) => text !== undefined);
  if (!required && !present) return undefined;

  const solution = {} as StepSolution;
  for (const [field, name] of Object.entries(SOLUTION_FILES) as [keyof StepSolution, string][]) {
    const file = join(stepDir, name);
    const text = texts[field];
    if (text === undefined) {
      const why = required ? 'the step has an action, so it needs a solution' : 'the other solution files exist';
      throw new LabLoadError(file, undefined, `missing (${why})`);
    }
    if (text.trim() === '') throw new LabLoadError(file, undefined, 'the solution is empty');
    try {
      // Catches placeholder typos when the lab loads instead of when a learner opens the solution.
      renderSolution(text, { stream: 'input-stream', region: 'us-east-1', endpoint: 'http://127.0.0.1:4567' });
    } catch (error) {
      if (error instanceof UnknownPlaceholderError) throw new LabLoadError(file, undefined, error.message);
      throw error;
    }
    solution[field] = text;
  }
  return solution;
}

async function readText(file: string): Promise<string> {
  const text = await readOptionalText(file);
  if (text === undefined) throw new LabLoadError(file, undefined, 'file not found');
  return text;
}

async function readOptionalText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new LabLoadError(file, undefined, `cannot read: ${(error as Error).message}`);
  }
}
