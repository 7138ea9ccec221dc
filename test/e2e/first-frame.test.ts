/**
 * The interactive lab in a real pseudo-terminal (80×24, through scripts/first-frame.py): the first frame,
 * which says the sandbox is starting, is on screen before the lab screen, which needs the sandbox and
 * the SDK. Order only; how fast is measured by scripts/bench-startup, not asserted here.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, tempHome } from './cli-helpers.js';

const hasPython = (() => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasPython)('built CLI: the interactive lab in a terminal (needs python3 for its pty)', () => {
  it('paints "starting" before the sandbox is up, then the lab, then quits on q', async () => {
    const out = execFileSync(
      'python3',
      [join(ROOT, 'scripts', 'first-frame.py'), '--first', 'Starting the local sandbox and the AWS SDK clients…', '--ready', 'do it for me', '--', process.execPath, CLI, '--sandbox'],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: await tempHome(), KINESIS_LAB_HOME: await tempHome(), LANG: 'C.UTF-8', TERM: 'xterm-256color', AWS_EC2_METADATA_DISABLED: 'true' }, cwd: ROOT },
    );
    const { firstMs, readyMs } = JSON.parse(out) as { firstMs: number; readyMs: number };
    expect(firstMs).toBeGreaterThan(0);
    expect(readyMs).toBeGreaterThan(firstMs);
  });
});
