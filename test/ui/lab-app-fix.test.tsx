import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { ActionFn } from '../../src/actions/action-registry.js';
import type { LabContext } from '../../src/checks/check-context.js';
import type { CheckFn } from '../../src/checks/check-registry.js';
import type { Lab } from '../../src/content/lab-model.js';
import type { AutoFix } from '../../src/shared/auto-fix.js';
import type { Lang } from '../../src/i18n/lang.js';
import { emptyLedger } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import { LabRunner, type RunTarget } from '../../src/runner/lab-runner.js';
import { LabApp } from '../../src/ui/LabApp.js';
import { frameShows } from '../fixtures/frame-shows.js';

const t = (en: string, ko: string) => ({ en, ko });
const lab: Lab = {
  formatVersion: 1,
  id: 'fixture',
  dir: '/nowhere',
  title: t('Fixture', '연습'),
  summary: t('s', 's'),
  steps: [
    { id: 'create', title: t('Create', '만들기'), body: t('Create it.', '만드세요.'), check: { kind: 'there', params: {} }, action: { kind: 'create-stream', params: { shardCount: 1 } }, hints: [], comingNext: false },
    { id: 'put', title: t('Put', '넣기'), body: t('Put records.', '넣으세요.'), check: { kind: 'there', params: {} }, hints: [], comingNext: false },
  ],
};

/**
 * A lab on step "put" against a fake AWS where `streams` exist ("name@region"). The check fails
 * offering `fix` until the stream it looks for exists; sleeps wait until the test releases them.
 */
function setup(fix: AutoFix, streams: string[], lang: Lang = 'en') {
  const existing = new Set(streams);
  let release: () => void = () => undefined;
  const context = (stream: string, region: string) =>
    ({
      stream,
      region,
      sandbox: true,
      ledger: emptyLedger,
      diagnose: async () => ({ kind: 'x', what: t('x', 'x'), why: t('x', 'x'), fix: t('x', 'x') }),
      clock: () => 0,
      // Like sleepFor: ends early when the signal aborts (x).
      sleep: (_ms: number, signal?: AbortSignal) =>
        new Promise<void>((resolve) => {
          release = resolve;
          signal?.addEventListener('abort', () => resolve());
        }),
    }) as unknown as LabContext;
  const checks: Record<string, CheckFn> = {
    there: async (ctx, step) =>
      existing.has(`${ctx.stream}@${ctx.region}`)
        ? { step, outcome: 'passed', summary: t(`Found ${ctx.stream} in ${ctx.region}.`, `${ctx.region}에서 ${ctx.stream} 스트림을 찾았습니다.`), evidence: [] }
        : { step, outcome: 'error', summary: t(`No ${ctx.stream} in ${ctx.region}.`, `${ctx.region}에 ${ctx.stream} 스트림이 없습니다.`), evidence: [], errorKind: 'stream-not-found', autoFix: fix },
  };
  const actions: Record<string, ActionFn> = {
    'create-stream': async (ctx) => {
      existing.add(`${ctx.stream}@${ctx.region}`);
      return { ok: true, notes: [t(`Asked Kinesis to create ${ctx.stream}.`, `${ctx.stream} 생성을 요청했습니다.`)] };
    },
  };
  const state = initialState('fixture', ['create', 'put']);
  state.current = 'put';
  const runner = new LabRunner({
    lab,
    context: context('input-stream', 'eu-west-1'),
    checks,
    actions,
    initial: { state, ledger: emptyLedger() },
    save: async () => undefined,
    clock: () => 10_000,
    retarget: (target: RunTarget) => context(target.stream, target.region),
  });
  const app = render(
    <LabApp
      lab={lab}
      runner={runner}
      info={{ target: 'sandbox', endpoint: 'http://127.0.0.1:1', region: 'eu-west-1', regionSource: 'flag', stream: 'input-stream', notices: [] }}
      initialLang={lang}
      codeFor={() => undefined}
      onQuit={() => undefined}
      clock={() => 10_000}
    />,
  );
  return { app, runner, release: () => release() };
}


describe('LabApp: f applies the diagnosed fix', () => {
  it('switch-region: says what f does, switches, re-checks there, and the header shows the new region', async () => {
    const { app, runner } = setup({ type: 'switch-region', region: 'us-east-1' }, ['input-stream@us-east-1']);
    expect(await frameShows(app, 'region eu-west-1 (--region)')).toContain('stream input-stream');
    app.stdin.write('c');
    const offered = await frameShows(app, 'f switches this lab');
    expect(offered).toContain('No input-stream in eu-west-1.');
    expect(offered).toContain(
      "f switches this lab from region eu-west-1 to us-east-1 (stream input-stream), saves that in your progress, and checks this step again. Your terminal's AWS_REGION does not change.",
    );
    expect(offered).toContain('f apply the fix');
    app.stdin.write('f');
    const after = await frameShows(app, '✔ Check passed');
    expect(after).toContain('✔ Check passed: Found input-stream in us-east-1.');
    expect(after).toContain('region us-east-1 (switched by a fix)');
    expect(after).toContain('The lab now uses region us-east-1 (was eu-west-1). Saved: the next run uses it too, unless --region names another.');
    expect(after).not.toContain('f apply the fix');
    expect(runner.current.target).toEqual({ stream: 'input-stream', region: 'us-east-1', regionSwitched: true });
    app.unmount();
  });

  it('switch-stream (in Korean): the offer and the header follow the similar name', async () => {
    const { app } = setup({ type: 'switch-stream', stream: 'input_stream' }, ['input_stream@eu-west-1'], 'ko');
    app.stdin.write('c');
    const offered = await frameShows(app, 'f 이 실습에서');
    expect(offered).toContain(
      'f 이 실습에서 "input-stream" 대신 "input_stream" 스트림을 쓰도록 바꾸고(리전은 eu-west-1 그대로) 진행 상황에 저장한 뒤 이 단계를 다시 확인합니다.',
    );
    expect(offered).toContain('f 해결 방법 적용');
    app.stdin.write('f');
    const after = await frameShows(app, '✔ 확인 통과');
    expect(after).toContain('eu-west-1에서 input_stream 스트림을 찾았습니다.');
    expect(after).toContain('스트림 input_stream');
    expect(after).toContain('이제 실습은 "input_stream" 스트림을 씁니다(이전: "input-stream").');
    app.unmount();
  });

  it('wait-and-retry: counts down, then checks again', async () => {
    const { app, runner, release } = setup({ type: 'wait-and-retry', delayMs: 5000 }, []);
    app.stdin.write('c');
    expect(await frameShows(app, 'f waits 5 s and checks this step again.')).toContain('f apply the fix');
    app.stdin.write('f');
    const waiting = await frameShows(app, 'Checking again in 5 s');
    expect(waiting).toContain('Checking again in 5 s');
    expect(waiting).toContain('x stop');
    expect(runner.current.state.steps.put?.attempts).toBe(1);
    release();
    expect(await frameShows(app, 'Waited 5 s and checked again.')).toContain('✘ Check failed: No input-stream in eu-west-1.');
    expect(runner.current.state.steps.put?.attempts).toBe(2);
    app.unmount();
  });

  it('x during the countdown stops the wait: the old result and the offer come back', async () => {
    const { app, runner } = setup({ type: 'wait-and-retry', delayMs: 5000 }, []);
    app.stdin.write('c');
    await frameShows(app, 'f waits 5 s');
    app.stdin.write('f');
    await frameShows(app, 'Checking again in 5 s');
    app.stdin.write('x');
    expect(await frameShows(app, 'f apply the fix')).toContain('f waits 5 s and checks this step again.');
    expect(runner.current.state.steps.put).toMatchObject({ status: 'failed', attempts: 1 });
    app.unmount();
  });

  it('create-stream: creates the stream the way step 1 does, then re-checks the current step', async () => {
    const { app, runner } = setup({ type: 'create-stream', stream: 'input-stream' }, []);
    app.stdin.write('c');
    expect(await frameShows(app, 'f creates stream input-stream')).toContain(
      'f creates stream input-stream in eu-west-1 the way step 1 does, waits until it is ACTIVE, and checks this step again.',
    );
    app.stdin.write('f');
    const after = await frameShows(app, '✔ Check passed');
    expect(after).toContain('✔ Check passed: Found input-stream in eu-west-1.');
    expect(after).toContain('Asked Kinesis to create input-stream.');
    expect(after).toContain('Created input-stream and checked again.');
    expect(runner.current.state.current).toBe('put');
    app.unmount();
  });

  it('f does nothing when the result offers no fix', async () => {
    const { app, runner } = setup({ type: 'wait-and-retry', delayMs: 5000 }, ['input-stream@eu-west-1']);
    app.stdin.write('c');
    expect(await frameShows(app, '✔ Check passed')).not.toContain('apply the fix');
    app.stdin.write('f');
    // Keys are handled in order: once l has switched the language, f has been handled too.
    app.stdin.write('l');
    await frameShows(app, '✔ 확인 통과');
    expect(runner.current.state.steps.put).toMatchObject({ status: 'passed', attempts: 1 });
    app.unmount();
  });
});
