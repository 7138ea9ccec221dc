/**
 * Usage errors are written in the language asked for with --lang, wherever --lang stands on the line
 * and whatever else on the line is wrong (the parser may fail before it ever reads --lang). Run
 * in-process through main(), as the CLI runs it; no AWS call is made by any of these lines.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const BAD_LINES: string[][] = [
  ['frobnicate'],
  ['check', '--colour'],
  ['produce', '--count'],
  ['produce', '--count', '-5'],
  ['produce', '--count', 'lots'],
  ['produce', '--api', 'kinesis'],
  ['produce', '--count', '5', '--duration', '1s'],
  ['check', '--plain=yes'],
  ['check', 'nope'],
  ['solve'],
  ['doctor', 'extra'],
  ['reset', 'a', 'b'],
  ['class'],
  ['check', '--region', 'ap-northest-2'],
  ['check', '--sandbox', '--stream', 'bad name!'],
  ['check', '--sandbox', '--on-demand', '--shards', '2'],
  ['check', '--sandbox', '--endpoint-url', 'http://127.0.0.1:1'],
  ['check', '--endpoint-url', 'notaurl'],
  ['sandbox', '--port', '70000'],
  ['sandbox', '--faults', 'slow'],
  ['check', '--metrics-delay', '5s', '--region', 'us-east-1'],
  ['--name', 'Kim'],
];

/** `--lang ko` first, last, right after the command, and as `--lang=ko`. */
function placements(line: string[]): string[][] {
  const [head, ...rest] = line;
  const isCommand = head !== undefined && !head.startsWith('-');
  return [
    ['--lang', 'ko', ...line],
    [...line, '--lang', 'ko'],
    isCommand ? [head, '--lang', 'ko', ...rest] : ['--lang', 'ko', ...line],
    ['--lang=ko', ...line],
  ];
}

async function run(argv: string[]) {
  const err: string[] = [];
  const home = await mkdtemp(join(tmpdir(), 'kl-lang-'));
  const code = await main(argv, { KINESIS_LAB_HOME: home, LANG: 'en_US.UTF-8', AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: '/nonexistent/c' }, [], { out: () => undefined, err: (line) => err.push(line) });
  return { code, stderr: err.join('\n') };
}

const HANGUL = /[가-힣]/;

describe('usage errors honour --lang wherever it stands', () => {
  it.each(BAD_LINES.flatMap((line) => placements(line).map((argv) => [argv])))('%j', async (argv) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(HANGUL);
  });

  it('the same lines without --lang ko stay English under an English locale', async () => {
    for (const line of BAD_LINES) {
      const { code, stderr } = await run(line);
      expect(code, line.join(' ')).toBe(2);
      expect(stderr, line.join(' ')).not.toMatch(HANGUL);
    }
  });

  it('a bad KINESIS_LAB_CALL_TIMEOUT is a usage error naming the variable, in the language asked for', async () => {
    const err: string[] = [];
    const env = { KINESIS_LAB_HOME: await mkdtemp(join(tmpdir(), 'kl-lang-')), KINESIS_LAB_CALL_TIMEOUT: 'soon', AWS_EC2_METADATA_DISABLED: 'true' };
    expect(await main(['check', '--sandbox', '--lang', 'ko'], env, [], { out: () => undefined, err: (l) => err.push(l) })).toBe(2);
    expect(err).toEqual(['kinesis-lab: KINESIS_LAB_CALL_TIMEOUT: 호출 제한 시간 "soon" 값을 읽을 수 없습니다. 30s, 2m, 500ms, 45(초)처럼 쓰고, 100ms부터 10분까지 정할 수 있습니다.']);
  });

  it('a bad --lang value is refused in both languages, and a later good one wins', async () => {
    expect((await run(['--lang', 'fr'])).stderr).toBe('kinesis-lab: --lang must be ko or en, not "fr"');
    expect((await run(['check', '--colour', '--lang', 'fr', '--lang', 'ko'])).stderr).toMatch(HANGUL);
  });
});
