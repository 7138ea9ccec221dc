import { describe, expect, it } from 'vitest';
import { detectCommandPrefix, type InvocationFacts } from './invocation.js';

/** A file system of symlinks: path → real path; anything else does not exist. */
function facts(script: string, links: Record<string, string>, env: NodeJS.ProcessEnv = {}, cwd = '/home/learner'): InvocationFacts {
  return { script, env: { PATH: '/usr/local/bin:/usr/bin', ...env }, cwd, realpath: (path) => links[path] };
}

describe('the command hints name', () => {
  it('is npx kinesis-lab when npx ran an installed copy', () => {
    const bin = '/home/learner/.npm/_npx/1a2b/node_modules/.bin/kinesis-lab';
    const real = '/home/learner/.npm/_npx/1a2b/node_modules/kinesis-lab/dist/cli.js';
    expect(detectCommandPrefix(facts(bin, { [bin]: real }, { npm_command: 'exec', npm_lifecycle_event: 'npx' }))).toBe('npx kinesis-lab');
  });

  it('is node dist/cli.js after npm start in a clone, relative to where the learner typed it', () => {
    const script = '/work/kinesis-lab/dist/cli.js';
    const env = { npm_command: 'start', npm_lifecycle_event: 'start', INIT_CWD: '/work/kinesis-lab' };
    expect(detectCommandPrefix(facts(script, { [script]: script }, env, '/work/kinesis-lab'))).toBe('node dist/cli.js');
    expect(detectCommandPrefix(facts(script, { [script]: script }, { ...env, INIT_CWD: '/work/kinesis-lab/labs' }, '/work/kinesis-lab'))).toBe('node /work/kinesis-lab/dist/cli.js');
  });

  it('is npx kinesis-lab when a project script runs it from its node_modules', () => {
    const script = '/work/course/node_modules/kinesis-lab/dist/cli.js';
    expect(detectCommandPrefix(facts(script, { [script]: script }, { npm_command: 'run-script', npm_lifecycle_event: 'lab', INIT_CWD: '/work/course' }))).toBe('npx kinesis-lab');
  });

  it('is kinesis-lab when that name on PATH is this very file: a global install or npm link', () => {
    const real = '/usr/local/lib/node_modules/kinesis-lab/dist/cli.js';
    expect(detectCommandPrefix(facts('/usr/local/bin/kinesis-lab', { '/usr/local/bin/kinesis-lab': real, [real]: real }))).toBe('kinesis-lab');
    const clone = '/work/kinesis-lab/dist/cli.js';
    expect(detectCommandPrefix(facts(clone, { '/usr/bin/kinesis-lab': clone, [clone]: clone }, {}, '/work/kinesis-lab'))).toBe('kinesis-lab');
  });

  it('is node and the path otherwise, quoted when the shell would split it', () => {
    const clone = '/work/kinesis-lab/dist/cli.js';
    expect(detectCommandPrefix(facts(clone, { [clone]: clone }, {}, '/work/kinesis-lab'))).toBe('node dist/cli.js');
    // Another kinesis-lab on PATH (an older global install) is not this one.
    const other = '/usr/local/lib/node_modules/kinesis-lab/dist/cli.js';
    expect(detectCommandPrefix(facts(clone, { [clone]: clone, '/usr/local/bin/kinesis-lab': other }, {}, '/tmp'))).toBe('node /work/kinesis-lab/dist/cli.js');
    const spaced = "/home/learner/My Labs/kinesis-lab/dist/cli.js";
    expect(detectCommandPrefix(facts(spaced, { [spaced]: spaced }, {}, '/tmp'))).toBe("node '/home/learner/My Labs/kinesis-lab/dist/cli.js'");
  });
});
