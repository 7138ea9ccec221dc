/**
 * Bad input never crashes: a table of bad command lines and environments, each run through the CLI's
 * own main() in this process (the same code the bin runs). Each gets one clear line naming the input,
 * exit code 2, nothing on stdout and no stack trace. test/e2e/bad-input.test.ts runs a few of them
 * through the built bin as well; test/sandbox/bad-requests.test.ts holds the sandbox's HTTP side.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { commandLine } from '../../src/i18n/command-line.js';
import { validateRegion } from '../../src/validate/region.js';

const CLI_COMMAND = commandLine();
const LONG_NAME = `s${'a'.repeat(128)}`;

// [args, extra env, what stderr must say]; every one exits 2 with one line and no stack.
const CLI_CASES: [string[], Record<string, string>, string][] = [
  [['check', '--sandbox', '--stream', 'bad name!'], {}, 'kinesis-lab: --stream: Stream name "bad name!" has a space; use letters, digits, _ . - (1–128 characters).'],
  [['check', '--sandbox', '--stream', LONG_NAME], {}, 'is 129 characters long; use letters, digits, _ . - (1–128 characters).'],
  [['check', '--sandbox', '--stream', 'input/stream'], {}, 'kinesis-lab: --stream: Stream name "input/stream"'],
  [['check', '--region', 'ap-northest-2'], {}, 'kinesis-lab: --region: Region "ap-northest-2" is not an AWS region code; did you mean "ap-northeast-2"?'],
  [['check', '--region', 'us-east-1a'], {}, 'kinesis-lab: --region: "us-east-1a" is an Availability Zone, not a region; use "us-east-1".'],
  [['check', '--region', 'seoul'], {}, 'kinesis-lab: --region: Region "seoul" is a place name; the code of Asia Pacific (Seoul) is "ap-northeast-2".'],
  [['check', '--region', ' '], {}, 'kinesis-lab: --region needs a value'],
  [['check'], { AWS_REGION: 'seoul' }, 'kinesis-lab: AWS_REGION: Region "seoul" is a place name'],
  [['--lang', 'fr'], {}, 'kinesis-lab: --lang must be ko or en, not "fr"'],
  [['produce', '--sandbox', '--count', '-5'], {}, 'kinesis-lab: --count got a value starting with "-"; write it as --count=VALUE'],
  [['produce', '--sandbox', '--count=-5'], {}, 'kinesis-lab: --count: '],
  [['produce', '--sandbox', '--count', '1.5'], {}, 'kinesis-lab: --count: Record count "1.5" is not a whole number; use a whole number from 1 to 1,000,000.'],
  [['produce', '--sandbox', '--rate', '0'], {}, 'kinesis-lab: --rate: Rate "0" is not more than 0'],
  [['produce', '--sandbox', '--batch-size', '501'], {}, 'kinesis-lab: --batch-size: Batch size "501" is more than 500, the PutRecords limit; use a whole number from 1 to 500.'],
  [['produce', '--sandbox', '--batch-size', 'abc'], {}, 'kinesis-lab: --batch-size: Batch size "abc" is not a number'],
  [['produce', '--sandbox', '--duration', '10x'], {}, 'kinesis-lab: --duration: Duration "10x" is not a duration'],
  [['produce', '--sandbox', '--count', '5', '--duration', '1s'], {}, 'kinesis-lab: use either --count or --duration, not both'],
  [['produce', '--api', 'kinesis'], {}, 'kinesis-lab: --api must be put-record or put-records, not "kinesis"'],
  [['sandbox', '--port', '70000'], {}, 'kinesis-lab: --port must be a whole number from 0 to 65535 (0 picks a free one), not "70000"'],
  [['sandbox', '--host', 'no-such-host.invalid'], {}, 'kinesis-lab: --host "no-such-host.invalid" is not a name this machine can resolve; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface, for a room)'],
  [['sandbox', '--host', '203.0.113.77'], {}, 'kinesis-lab: --host "203.0.113.77" is not an address of this machine; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface, for a room)'],
  [['sandbox', '--host', 'bad host!'], {}, 'kinesis-lab: --host "bad host!" is not a host name or IP address'],
  [['sandbox', '--data-dir', 'x', '--ephemeral'], {}, 'kinesis-lab: use either --data-dir or --ephemeral, not both'],
  [['sandbox', '--faults', 'slow'], {}, 'kinesis-lab: --faults: unknown fault "slow"'],
  [['sandbox', '--faults', 'error-rate=2'], {}, 'kinesis-lab: --faults: error-rate needs a share from 0 to 1, e.g. error-rate=0.05 (got "2")'],
  [['sandbox', '--faults', 'latency=fast'], {}, 'kinesis-lab: --faults: latency needs a duration up to 60s'],
  [['check', '--sandbox', '--faults', 'throttle,throttle'], {}, 'kinesis-lab: --faults: "throttle" is given twice'],
  [['check', '--faults', 'throttle', '--region', 'us-east-1'], {}, `kinesis-lab: --faults makes the sandbox misbehave on purpose: use it with --sandbox, or on ${CLI_COMMAND} sandbox`],
  [['sandbox', '--limits', 'fast'], {}, 'kinesis-lab: --limits must be off (no AWS limits, for a demo) or aws (the default), not "fast"'],
  [['check', '--limits', 'off', '--region', 'us-east-1'], {}, `kinesis-lab: --limits sets the sandbox's throughput limits (AWS's cannot be turned off): use it with --sandbox, or on ${CLI_COMMAND} sandbox`],
  [['check', '--endpoint-url', 'ftp://x'], {}, 'kinesis-lab: --endpoint-url "ftp://x" must start with http:// or https://'],
  [['check', '--endpoint-url', 'notaurl'], {}, 'kinesis-lab: --endpoint-url "notaurl" is not a URL'],
  [['check'], { AWS_ENDPOINT_URL: 'localhost:4567', AWS_REGION: 'us-east-1' }, 'kinesis-lab: AWS_ENDPOINT_URL "localhost:4567" must start with http:// or https://'],
  [['check', '--sandbox', '--endpoint-url', 'http://127.0.0.1:1'], {}, 'kinesis-lab: use either --sandbox or --endpoint-url, not both'],
  [['frobnicate'], {}, 'kinesis-lab: unknown command "frobnicate"'],
  [['doctor', 'extra'], {}, 'kinesis-lab: unexpected argument "extra" for doctor'],
  [['check', 'nope'], {}, 'kinesis-lab: unknown step "nope"'],
  [['--step', 'nope'], {}, 'kinesis-lab: unknown step "nope"'],
  [['solve'], {}, 'kinesis-lab: solve needs at least one step id'],
  [['check', '--colour'], {}, `kinesis-lab: unknown option --colour for check (run ${CLI_COMMAND} check --help)`],
  [['produce', '--count'], {}, 'kinesis-lab: --count needs a value'],
  [['check', '--sandbox', '--lang', 'ko', '--stream', 'bad name!'], {}, 'kinesis-lab: --stream: 스트림 이름 "bad name!"'],
  [['check', '--lang', 'ko', '--region', 'ap-northest-2'], {}, 'kinesis-lab: --region: 리전 "ap-northest-2" 값은 AWS 리전 코드가 아닙니다. 혹시 "ap-northeast-2" 리전을 말씀하신 건가요?'],
];


const homes: string[] = [];
afterAll(async () => {
  for (const home of homes) await rm(home, { recursive: true, force: true });
});

/** main() with a fresh home, no AWS configuration of this machine, and its output kept. */
async function runMain(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const home = await mkdtemp(join(tmpdir(), 'kl-bad-input-'));
  homes.push(home);
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, {
    KINESIS_LAB_HOME: home,
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...env,
  }, [], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('bad input on the command line: exit 2, one clear line, no stack', () => {
  it.each(CLI_CASES)('%j %j', async (args, env, message) => {
    const run = await runMain(args, env);
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
  });
});

describe('bad input at the interactive region prompt (its validator, the one the prompt loops on)', () => {
  it.each([
    ['', 'Region is empty'],
    ['서울', 'Region "서울"'],
    ['ap-northeast2', 'did you mean "ap-northeast-2"?'],
    ['AP-NORTHEAST-2', 'did you mean "ap-northeast-2"?'],
  ])('%j', (answer, message) => {
    const checked = validateRegion(answer);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.message.en).toContain(message);
      expect(checked.message.ko).not.toBe(checked.message.en);
    }
  });
});
