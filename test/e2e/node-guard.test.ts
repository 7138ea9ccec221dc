/**
 * The bin on a Node too old for the rest: dist/cli.js must parse there and say so in one line.
 * Old Node binaries come from KINESIS_LAB_OLD_NODES (paths separated by ":"); .ci/run installs
 * Node 16 and 18 with scripts/node-binary and passes them.
 */
import { readFile } from 'node:fs/promises';
import { Script } from 'node:vm';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { CLI, runProgram, tempHome } from './cli-helpers.js';

const OLD_NODES = (process.env.KINESIS_LAB_OLD_NODES ?? '').split(':').filter(Boolean);
const MINIMUM = Number(/\d+/.exec(pkg.engines.node)?.[0]);

describe('the bin is a guard that old Node can parse', () => {
  it('is a classic script: no import or export statement, no import.meta, no top-level await', async () => {
    const code = await readFile(CLI, 'utf8');
    // Node before 12.17 reads every .js file as CommonJS; any of these would be a SyntaxError there.
    expect(() => new Script(code, { filename: CLI })).not.toThrow();
  });

  it('uses no syntax newer than Node 12.20 runs: lowering it to that target changes nothing', async () => {
    const code = await readFile(CLI, 'utf8');
    const asIs = await transform(code, { target: 'esnext' });
    const lowered = await transform(code, { target: 'node12.20' });
    expect(lowered.code).toBe(asIs.code);
  });

  it('declares the Node versions it runs on', () => {
    expect(pkg.engines.node).toBe(`>=${MINIMUM}`);
    expect(MINIMUM).toBe(20);
  });
});

describe.skipIf(OLD_NODES.length === 0)('on an old Node binary (needs KINESIS_LAB_OLD_NODES, which .ci/run sets)', () => {
  it.each(OLD_NODES)('%s prints one line, in the learner\'s language, and exits 1', async (node) => {
    const home = await tempHome();
    const en = await runProgram(node, [CLI, 'check', '--sandbox'], { KINESIS_LAB_HOME: home });
    expect(en.stdout).toBe('');
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(new RegExp(`^kinesis-lab needs Node\\.js ${MINIMUM} or newer, and this is Node\\.js v1\\d\\.\\d+\\.\\d+\\. Install the current LTS .*\\n$`));
    const ko = await runProgram(node, [CLI, '--version'], { KINESIS_LAB_HOME: home, LANG: 'ko_KR.UTF-8' });
    expect(ko.code).toBe(1);
    expect(ko.stderr).toMatch(new RegExp(`^kinesis-lab은 Node\\.js ${MINIMUM} 이상이 필요한데 지금은 Node\\.js v1\\d\\.\\d+\\.\\d+입니다\\. .*\\n$`));
  });
});
