import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { ActionFn } from '../../src/actions/action-registry.js';
import type { LabContext } from '../../src/checks/check-context.js';
import type { CheckFn } from '../../src/checks/check-registry.js';
import type { Lab } from '../../src/content/lab-model.js';
import { emptyLedger } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import { LabRunner } from '../../src/runner/lab-runner.js';
import type { WriteCodeResult } from '../../src/content/solution-files.js';
import { LabApp, type LabAppProps } from '../../src/ui/LabApp.js';
import { frameShows } from '../fixtures/frame-shows.js';

const t = (en: string, ko: string) => ({ en, ko });
const lab: Lab = {
  formatVersion: 1,
  id: 'fixture',
  dir: '/nowhere',
  title: t('Fixture', '연습'),
  summary: t('s', 's'),
  steps: [
    { id: 'one', title: t('First step', '첫 단계'), body: t('Text one.', '첫 설명.'), check: { kind: 'done', params: {} }, action: { kind: 'do', params: {} }, hints: [], comingNext: false },
    { id: 'two', title: t('Second step', '둘째 단계'), body: t('Text two.', '둘째 설명.'), check: { kind: 'done', params: {} }, hints: [], comingNext: false },
  ],
};

function setup(extra: Partial<Pick<LabAppProps, 'codeFor' | 'writeCode'>> = {}) {
  let did = false;
  const checks: Record<string, CheckFn> = {
    done: async (_c, step) => ({ step, outcome: did ? 'passed' : 'failed', summary: did ? t('All good.', '좋습니다.') : t('Not yet.', '아직입니다.'), evidence: [] }),
  };
  const actions: Record<string, ActionFn> = {
    do: async () => {
      did = true;
      return { ok: true, notes: [t('Did it.', '했습니다.')] };
    },
  };
  const context = { stream: 's', region: 'us-east-1', sandbox: true, ledger: emptyLedger, diagnose: async () => ({ kind: 'x', what: t('x', 'x'), why: t('x', 'x'), fix: t('x', 'x') }), clock: () => 0, sleep: async () => undefined } as unknown as LabContext;
  const runner = new LabRunner({ lab, context, checks, actions, initial: { state: initialState('fixture', ['one', 'two']), ledger: emptyLedger() }, save: async () => undefined, clock: () => 0 });
  let quit = 0;
  const app = render(
    <LabApp lab={lab} runner={runner} info={{ target: 'sandbox', endpoint: 'http://127.0.0.1:1', region: 'us-east-1', regionSource: 'flag', stream: 's', notices: [] }} initialLang="en" codeFor={() => undefined} onQuit={() => (quit += 1)} {...extra} />,
  );
  return { app, runner, quits: () => quit };
}


describe('LabApp keys', () => {
  it('d does the step and shows the check; l switches language; n moves on; q quits', async () => {
    const { app, runner, quits } = setup();
    await frameShows(app, 'Text one.');
    app.stdin.write('c');
    expect(await frameShows(app, '✘ Check failed: Not yet.')).toContain('✘ Check failed: Not yet.');
    app.stdin.write('d');
    expect(await frameShows(app, '✔ Check passed: All good.')).toContain('Did it.');
    expect(runner.current.state.steps.one?.status).toBe('passed');
    app.stdin.write('l');
    expect(await frameShows(app, '✔ 확인 통과: 좋습니다.')).toContain('✔ 확인 통과: 좋습니다.');
    app.stdin.write('n');
    const second = await frameShows(app, '둘째 설명.');
    expect(runner.current.state.current).toBe('two');
    expect(second).toContain('2. 둘째 단계');
    expect(second).not.toContain('했습니다.');
    app.stdin.write('q');
    await expect.poll(quits, { timeout: 5_000 }).toBe(1);
    app.unmount();
  });

  it('m is "I will do it myself": nothing runs until c', async () => {
    const { app, runner } = setup();
    await frameShows(app, 'Text one.');
    app.stdin.write('m');
    expect(await frameShows(app, 'Press c when you are done and kinesis-lab checks.')).toContain('Press c when you are done and kinesis-lab checks.');
    expect(runner.current.state.steps.one).toMatchObject({ status: 'in-progress', mode: 'manual' });
    app.stdin.write('1');
    app.stdin.write('2');
    await expect.poll(() => runner.current.state.current, { timeout: 5_000 }).toBe('two');
    app.unmount();
  });
});

describe('LabApp code keys', () => {
  const code = { cli: '# Run: bash one.sh\necho one', typescript: '// Run: npx tsx one.mts', python: '# Run: python3 one.py' };

  it('s opens the code full width at its top; w saves it, asks before replacing an edited file, y replaces', async () => {
    const writes: boolean[] = [];
    const answers: WriteCodeResult[] = [
      { kind: 'written', dir: '/work/kinesis-lab-code', files: ['one.sh', 'one.mts', 'one.py'] },
      { kind: 'edited', files: ['one.sh'] },
      { kind: 'written', dir: '/work/kinesis-lab-code', files: ['one.sh'] },
    ];
    const { app } = setup({ codeFor: () => code, writeCode: async (_step, overwrite) => (writes.push(overwrite), answers.shift()!) });
    await frameShows(app, 'Text one.');
    app.stdin.write('s');
    expect(await frameShows(app, '│ # Run: bash one.sh')).toContain('│ echo one');
    app.stdin.write('w');
    expect(await frameShows(app, 'Saved to /work/kinesis-lab-code: one.sh, one.mts, one.py.')).toContain('Each file’s first line says how to run it.'.replace('’', "'"));
    app.stdin.write('w');
    const asked = await frameShows(app, 'You changed one.sh');
    expect(asked).toContain('y replace n keep mine q quit');
    app.stdin.write('y');
    expect(await frameShows(app, 'Saved to /work/kinesis-lab-code: one.sh.')).toContain('Saved to /work/kinesis-lab-code: one.sh.');
    expect(writes).toEqual([false, false, true]);
    app.unmount();
  });

  it('the code d opens while it runs closes once the step is checked, so the verdict has the room', async () => {
    const { app } = setup({ codeFor: () => code });
    await frameShows(app, 'Text one.');
    app.stdin.write('d');
    const after = await frameShows(app, '✔ Check passed: All good.');
    expect(after).not.toContain('│ echo one');
    app.stdin.write('s');
    expect(await frameShows(app, '│ echo one')).toContain('│ echo one');
    app.unmount();
  });
});
