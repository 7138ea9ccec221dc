import { CLI, startProgram, type CliRun } from './cli-helpers.js';

/**
 * Runs the built CLI with the shell's file-size limit (`ulimit -f`, in 512-byte blocks): any file it
 * writes past that fails with EFBIG, as a full disk fails with ENOSPC, without filling a disk.
 */
export function runCliWithFileLimit(args: string[], env: Record<string, string>, blocks: number, timeoutMs = 60_000): Promise<CliRun> {
  return startProgram('bash', ['-c', `ulimit -f ${blocks} && exec "$0" "$@"`, process.execPath, CLI, ...args], env, { timeoutMs }).done;
}
