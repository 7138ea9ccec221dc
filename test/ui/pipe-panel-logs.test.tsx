/**
 * Step 5's panel with the log group target: the form offers the target as its last field (in
 * Korean here), and once the pipe runs the panel lists the events that reached the log group.
 */
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeAction } from '../../src/actions/create-pipe.js';
import { buildLabContext } from '../../src/cli/build-lab-context.js';
import type { LabContext } from '../../src/checks/check-context.js';
import type { LabStep } from '../../src/content/lab-model.js';
import { emptyLedger, recordChoices, type SessionLedger } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import type { Lang } from '../../src/i18n/lang.js';
import { messages } from '../../src/i18n/messages.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';
import { LabServicesProvider } from '../../src/ui/lab-services.js';
import { PipePanel } from '../../src/ui/panels/PipePanel.js';

const UP = '\u001B[A';
const RIGHT = '\u001B[C';
const ENTER = '\r';
const step: LabStep = {
  id: 'pipe', title: { en: 'P', ko: 'P' }, body: { en: 'b', ko: 'b' }, hints: [], comingNext: false,
  action: { kind: 'create-pipe', params: { startingPosition: 'TRIM_HORIZON', batchSize: 100, batchingWindowSeconds: 1, parallelizationFactor: 1 } },
};
/** Types keys at a pace Ink can follow (see pipe-panel.test.tsx); results are polled for, never slept on. */
async function press(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    stdin.write(key);
  }
}

describe('PipePanel with a CloudWatch Logs target', () => {
  let sandbox: Sandbox;
  let ctx: LabContext;

  beforeAll(async () => {
    sandbox = await startLabSandbox({ createStreamMs: 0, pipeCreatingMs: 200 });
    ctx = buildLabContext({ lang: 'en', stream: 'logs-ink', target: 'sandbox', embeddedSandbox: false, region: 'us-east-1', regionSource: 'flag', endpoint: sandbox.url, pipesEndpoint: sandbox.url, iamEndpoint: sandbox.url, logsEndpoint: sandbox.url }, 'lab');
    await ctx.kinesis.createStream('logs-ink', { mode: 'PROVISIONED', shardCount: 1 });
    while ((await ctx.kinesis.describeStreamSummary('logs-ink')).status !== 'ACTIVE') await ctx.sleep(10);
    await ctx.kinesis.putRecord('logs-ink', { partitionKey: 'a', data: new TextEncoder().encode(JSON.stringify({ tripId: 't1', fareAmount: 12.5 })) });
  });
  afterAll(() => sandbox.stop());

  function panel(ledger: SessionLedger, lang: Lang, chosen: Record<string, unknown>[] = []) {
    const view = { state: initialState('lab', ['pipe'], []), ledger, notes: [], completed: false };
    const info = { target: 'sandbox' as const, region: 'us-east-1', regionSource: 'flag' as const, stream: 'logs-ink', notices: [] };
    const { lastFrame, stdin, unmount } = render(
      <LabServicesProvider context={ctx}>
        <PipePanel step={step} view={view} info={info} lang={lang} m={messages(lang)} width={100} height={24} now={Date.now()} captureKeys={() => undefined} choose={(v) => chosen.push(v)} />
      </LabServicesProvider>,
    );
    return { frame: () => stripAnsi(lastFrame() ?? ''), stdin, unmount };
  }

  it('offers the target as the last field of the form and saves the log group choice', async () => {
    const chosen: Record<string, unknown>[] = [];
    const p = panel(emptyLedger(), 'ko', chosen);
    await expect.poll(p.frame).toContain('파이프 설정 (e: 설정과 필터 바꾸기)');
    await press(p.stdin, 'e');
    await press(p.stdin, UP);
    await expect.poll(p.frame).toContain('› 대상                        ‹ 두 번째 Kinesis 스트림 ›');
    await press(p.stdin, RIGHT);
    await expect.poll(p.frame).toContain('› 대상                        ‹ CloudWatch Logs 로그 그룹 ›');
    await press(p.stdin, ENTER);
    await expect.poll(() => chosen.length).toBe(1);
    expect(chosen[0]).toMatchObject({ target: 'logs' });
    p.unmount();
  });

  it('lists the events that reached the log group once the pipe runs', async () => {
    expect((await createPipeAction({ ...ctx, onProgress: () => undefined, recordRun: () => undefined }, 'pipe', { ...step.action!.params, target: 'logs' })).ok).toBe(true);
    const p = panel(recordChoices(emptyLedger(), 'pipe', { target: 'logs' }), 'en');
    await expect.poll(p.frame, { timeout: 10_000 }).toContain('1 event(s) arrived at /kinesis-lab/logs-ink-pipe-target (newest last):');
    expect(p.frame().split('\n').find((l) => l.startsWith('  key a · source seq …'))).toMatch(/^ {2}key a · source seq …\d{8} · fare 12\.5$/);
    expect(p.frame()).toContain('Pipe logs-ink-pipe: RUNNING');
    p.unmount();
  });
});
