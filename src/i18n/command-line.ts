/**
 * How the learner runs kinesis-lab in their shell (`npx kinesis-lab`, `kinesis-lab`, `node dist/cli.js`).
 * Every message that names a command builds it with `commandLine`, so what it names runs when pasted
 * into the terminal the lab was started from. The entry (src/cli.tsx) sets the prefix once, from how
 * this process was invoked (src/cli/invocation.ts); it stays `kinesis-lab` everywhere else (tests).
 */
let prefix = 'kinesis-lab';

export function setCommandPrefix(value: string): void {
  prefix = value;
}

/** `commandLine('report --sandbox')` → `npx kinesis-lab report --sandbox` when started with npx. */
export function commandLine(args = ''): string {
  return args ? `${prefix} ${args}` : prefix;
}
