import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist', 'cli.js');
/** What the built CLI calls itself in hints when runCli starts it: `node dist/cli.js`, from the repository's root. */
export const CLI_COMMAND = 'node dist/cli.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a learner's shell would, with a clean environment: no AWS credentials, no
 * instance metadata (never 169.254.169.254 from a test), its own config folder; from the repository's
 * root, as after `npm ci && npm start`.
 */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<CliRun> {
  return startCli(args, env, timeoutMs).done;
}

/** The environment every spawned CLI gets: nothing of the test machine's AWS setup. */
export function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: pathWithoutKinesisLab(),
    HOME: env.HOME ?? tmpdir(),
    LANG: 'C.UTF-8',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/nonexistent/kinesis-lab-test/config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/kinesis-lab-test/credentials',
    // The SDK's own switch for its Node version notice, so exact stderr does not depend on the Node
    // running the tests; test/e2e/node-support-notice.test.ts turns it back on.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...env,
  };
}

/** PATH as the tests' shell has it, minus any folder with a `kinesis-lab` command (an `npm link` of this tree): a fresh clone has none. */
function pathWithoutKinesisLab(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '' && !existsSync(join(dir, 'kinesis-lab')))
    .join(delimiter);
}

export interface RunningCli {
  child: ChildProcess;
  /** What it printed so far. */
  output(): { stdout: string; stderr: string };
  done: Promise<CliRun>;
}

/** Starts the built CLI and lets the test watch it and signal it; SIGKILL after `timeoutMs` (then `code` is null). */
export function startCli(args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): RunningCli {
  return startProgram(process.execPath, [CLI, ...args], env, { timeoutMs, cwd: ROOT });
}

/** Any program (npx, another Node) in runCli's clean environment, optionally from another folder. */
export function runProgram(command: string, args: string[], env: Record<string, string> = {}, options: { cwd?: string; timeoutMs?: number } = {}): Promise<CliRun> {
  return startProgram(command, args, env, options).done;
}

/** Any program, watched and signalled like startCli (a shell that sets limits before running the CLI). */
export function startProgram(command: string, args: string[], env: Record<string, string>, options: { cwd?: string; timeoutMs?: number }): RunningCli {
  const child = spawn(command, args, { cwd: options.cwd, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const timeoutMs = options.timeoutMs ?? 60_000;
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, output: () => ({ stdout, stderr }), done: exited(child, timeoutMs, () => ({ stdout, stderr })) };
}

/** Resolves when the child has exited and its output is read; SIGKILL after `timeoutMs` (then `code` is null). */
function exited(child: ChildProcess, timeoutMs: number, output: () => { stdout: string; stderr: string }): Promise<CliRun> {
  return new Promise<CliRun>((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ...output() });
    });
  });
}

/**
 * Runs the built CLI in a pseudo-terminal (util-linux `script`), as a learner's terminal would, so the
 * full-screen lab starts. `keys` are typed into it; `pid()` is the CLI's own process id for signals.
 */
export function startInTerminal(args: string[], env: Record<string, string>, pidFile: string, timeoutMs = 60_000): RunningCli & { type(keys: string): void; pid(): Promise<number> } {
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qfec', `echo $$ > '${pidFile}'; exec ${quoted}`, '/dev/null'], { cwd: ROOT, env: { ...cliEnv(env), TERM: 'xterm-256color', COLUMNS: '100', LINES: '32' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const output = () => ({ stdout, stderr: '' });
  return {
    child,
    output,
    done: exited(child, timeoutMs, output),
    type: (keys) => void child.stdin.write(keys),
    pid: async () => {
      for (;;) {
        const text = await readFile(pidFile, 'utf8').catch(() => '');
        if (/^\d+\s*$/.test(text)) return Number(text.trim());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** Resolves once `predicate` holds, checking every 50 ms. */
export async function waitFor(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 50));
}

export async function tempHome(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'kl-e2e-'));
}

export function jsonLines(text: string): Record<string, unknown>[] {
  return text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}
