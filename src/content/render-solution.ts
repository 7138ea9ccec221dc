/**
 * What a solution template may refer to. The endpoint placeholders expand to nothing on real AWS, so
 * the same template shows the sandbox command and the real one.
 */
export interface SolutionVars {
  stream: string;
  region: string;
  /** @default 1 */
  shardCount?: number;
  /** The sandbox URL (`http://127.0.0.1:4567`); absent on real AWS. */
  endpoint?: string;
  /** The name the file is saved as (`create-stream.mts`), for its first line's run command. */
  file?: string;
  /**
   * Step 5's names as this learner's lab uses them (resources/pipe-settings.ts: `pipeNamesFor`, with a
   * `-2` name after another's was taken). Absent: the lab's default names for `stream`.
   */
  pipe?: { pipe: string; role: string; targetStream: string };
}

/** Placeholders a template may use, with how each one expands. */
const PLACEHOLDERS: Record<string, (vars: SolutionVars) => string> = {
  stream: (vars) => vars.stream,
  region: (vars) => vars.region,
  shardCount: (vars) => String(vars.shardCount ?? 1),
  // Each endpoint form carries its own leading separator so it can sit at the end of an argument list.
  cliEndpoint: (vars) => (vars.endpoint ? ` --endpoint-url ${vars.endpoint}` : ''),
  tsEndpoint: (vars) => (vars.endpoint ? `, endpoint: ${JSON.stringify(vars.endpoint)}` : ''),
  pyEndpoint: (vars) => (vars.endpoint ? `, endpoint_url=${JSON.stringify(vars.endpoint)}` : ''),
  file: (vars) => vars.file ?? '<file>',
  // On AWS a new IAM role takes seconds before a service can assume it; the sandbox's IAM is immediate.
  iamWaitSeconds: (vars) => (vars.endpoint ? '0' : '10'),
  // Step 5's names: the caller passes the lab's own (pipeNamesFor); the fallback is its default for short names.
  pipeName: (vars) => vars.pipe?.pipe ?? `${vars.stream}-pipe`,
  pipeRole: (vars) => vars.pipe?.role ?? `${vars.stream}-pipe-role`,
  pipeTarget: (vars) => vars.pipe?.targetStream ?? `${vars.stream}-pipe-target`,
};

/** The names `renderSolution` understands, for error messages and lab validation. */
export const SOLUTION_PLACEHOLDERS: readonly string[] = Object.keys(PLACEHOLDERS);

const PLACEHOLDER_PATTERN = /\{\{([^{}]*)\}\}/g;

/** Thrown for a `{{name}}` the renderer does not know, typically a typo in a lab file. */
export class UnknownPlaceholderError extends Error {
  override name = 'UnknownPlaceholderError';
  constructor(
    readonly placeholder: string,
    readonly line: number,
  ) {
    super(`unknown placeholder {{${placeholder}}} on line ${line} (known: ${SOLUTION_PLACEHOLDERS.join(', ')})`);
  }
}

/** Fills a solution template (`solution.sh|ts|py`) with the learner's stream, region and endpoint. */
export function renderSolution(template: string, vars: SolutionVars): string {
  return template.replace(PLACEHOLDER_PATTERN, (_whole: string, name: string, offset: number) => {
    const expand = Object.hasOwn(PLACEHOLDERS, name) ? PLACEHOLDERS[name] : undefined;
    if (!expand) {
      throw new UnknownPlaceholderError(name, lineAt(template, offset));
    }
    return expand(vars);
  });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) line++;
  }
  return line;
}
