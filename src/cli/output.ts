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
