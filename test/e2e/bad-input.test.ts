/**
 * Bad input through the built bin, end to end: a few of the cases test/cli/bad-input.test.ts runs
 * through main() in process, here as a learner's shell runs them (exit code, stderr, no stack), in
 * both languages, from flags and from the environment.
 */
import { describe, expect, it } from 'vitest';
import { CLI_COMMAND, runCli, tempHome } from './cli-helpers.js';

const CASES: [string[], Record<string, string>, string][] = [
  [['check', '--sandbox', '--stream', 'bad name!'], {}, 'kinesis-lab: --stream: Stream name "bad name!" has a space; use letters, digits, _ . - (1–128 characters).'],
  [['check', '--lang', 'ko', '--region', 'ap-northest-2'], {}, 'kinesis-lab: --region: 리전 "ap-northest-2" 값은 AWS 리전 코드가 아닙니다. 혹시 "ap-northeast-2" 리전을 말씀하신 건가요?'],
  [['check'], { AWS_REGION: 'seoul' }, 'kinesis-lab: AWS_REGION: Region "seoul" is a place name'],
  [['check', '--colour'], {}, `kinesis-lab: unknown option --colour for check (run ${CLI_COMMAND} check --help)`],
  [['sandbox', '--port', '70000'], {}, 'kinesis-lab: --port must be a whole number from 0 to 65535 (0 picks a free one), not "70000"'],
];

describe('bad input through the built bin: exit 2, one clear line, no stack', () => {
  it.each(CASES)('%j %j', async (args, env, message) => {
    const run = await runCli(args, { KINESIS_LAB_HOME: await tempHome(), ...env });
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  });
});
