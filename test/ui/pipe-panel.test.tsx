/**
 * Step 5's panel in Ink, reading a real sandbox (Kinesis + Pipes) through the lab's services: the
 * settings, the filter tried on the learner's records, the event shape, the form (keys captured while
 * it is open, choices saved on Enter), and the pipe going RUNNING with events at the target.
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

const DOWN = '\u001B[B';
const RIGHT = '\u001B[C';
const ENTER = '\r';
const ESCAPE = '\u001B';
const step: LabStep = {
  id: 'pipe', title: { en: 'P', ko: 'P' }, body: { en: 'b', ko: 'b' }, hints: [], comingNext: false,
  action: { kind: 'create-pipe', params: { startingPosition: 'TRIM_HORIZON', batchSize: 100, batchingWindowSeconds: 1, parallelizationFactor: 1 } },
};
/**
 * Writes keys one at a time, pausing before each so Ink re-renders and re-subscribes its input
 * handler: the pause paces typing; what a key did is always polled for (expect.poll), never slept on.
 */
async function press(stdin: { write(data: string): void }, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    stdin.write(key);
  }
}
const trip = (fare: number) => new TextEncoder().encode(JSON.stringify({ tripId: `t${fare}`, vendorId: 1, fareAmount: fare, paymentType: 'card' }));

describe('PipePanel', () => {
  let sandbox: Sandbox;
  let ctx: LabContext;

  beforeAll(async () => {
    sandbox = await startLabSandbox({ createStreamMs: 0, pipeCreatingMs: 200 });
    ctx = buildLabContext({ lang: 'en', stream: 'ink', target: 'sandbox', embeddedSandbox: false, region: 'us-east-1', regionSource: 'flag', endpoint: sandbox.url, pipesEndpoint: sandbox.url, iamEndpoint: sandbox.url }, 'lab');
    await ctx.kinesis.createStream('ink', { mode: 'PROVISIONED', shardCount: 1 });
    while ((await ctx.kinesis.describeStreamSummary('ink')).status !== 'ACTIVE') await ctx.sleep(10);
    for (const [key, fare] of [['a', 5], ['b', 30]] as const) await ctx.kinesis.putRecord('ink', { partitionKey: key, data: trip(fare) });
  });
  afterAll(() => sandbox.stop());

  function panel(ledger: SessionLedger, lang: Lang, calls: { captured: boolean[]; chosen: Record<string, unknown>[] }, height = 24) {
    const view = { state: initialState('lab', ['pipe'], []), ledger, notes: [], completed: false };
    const info = { target: 'sandbox' as const, region: 'us-east-1', regionSource: 'flag' as const, stream: 'ink', notices: [] };
    return render(
      <LabServicesProvider context={ctx}>
        <PipePanel
          step={step} view={view} info={info} lang={lang} m={messages(lang)} width={100} height={height} now={Date.now()}
          captureKeys={(c) => calls.captured.push(c)} choose={(v) => calls.chosen.push(v)}
        />
      </LabServicesProvider>,
    );
  }

  it('shows the settings, the event for one of the learner’s records, and a form that tests the filter before saving', async () => {
    const calls = { captured: [] as boolean[], chosen: [] as Record<string, unknown>[] };
    const { lastFrame, stdin, unmount } = panel(emptyLedger(), 'en', calls);
    const frame = () => stripAnsi(lastFrame() ?? '');
    await expect.poll(frame).toContain('"kinesisSchemaVersion": "1.0",');
    const lines = frame().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Pipe settings (e: edit settings and filter)',
      '  TRIM_HORIZON · batch 100 records or 1 s · parallelization 1 · filter: none',
      '  No filter: every record goes to the target.',
      'Pipe ink-pipe: not created yet (d creates it).',
    ]);
    expect(lines).toContain('  "data" is base64 of: {"tripId":"t30","vendorId":1,"fareAmount":30,"paymentType":"card"}');
    expect(lines).toContain('  "eventSourceARN": "arn:aws:kinesis:us-east-1:000000000000:stream/ink"');

    await press(stdin, 'e');
    await expect.poll(frame).toContain('Pipe settings — used by "do it for me" (d) and the check');
    expect(calls.captured).toEqual([true]);
    await press(stdin, RIGHT);
    await expect.poll(frame).toContain('    Only records written after the pipe starts polling. Creating takes a minute or two on AWS:\n    records sent meanwhile are MISSED.');
    await press(stdin, RIGHT);
    await press(stdin, RIGHT);
    await press(stdin, DOWN, DOWN, DOWN, DOWN);
    await press(stdin, RIGHT);
    await expect.poll(frame).toContain('  Filter tried on 2 of your records: 1 pass, 1 dropped');
    expect(frame()).toContain('› Filter                      ‹ fare above an amount › (2/5)\n  Fare above                  20\n');
    await press(stdin, ENTER);
    await expect.poll(() => calls.chosen.length).toBe(1);
    expect(calls.chosen[0]).toEqual({
      startingPosition: 'TRIM_HORIZON', batchSize: 100, batchingWindowSeconds: 1, parallelizationFactor: 1, maximumRetryAttempts: 10, bisectOnFailure: true, target: 'kinesis',
      filter: '{"data": {"fareAmount": [{"numeric": [">", 20]}]}}',
    });
    expect(calls.captured).toEqual([true, false]);
    unmount();
  });

  it.each([
    ['en', '  … 9 more lines of the event (a taller terminal shows all of it)'],
    ['ko', '  … 이벤트가 9줄 더 있습니다(터미널이 더 크면 전부 보입니다)'],
  ] as const)('%s: an event cut to the panel’s rows says how many of its lines are left out', async (lang, sign) => {
    const { lastFrame, unmount } = panel(emptyLedger(), lang, { captured: [], chosen: [] }, 12);
    const frame = () => stripAnsi(lastFrame() ?? '');
    await expect.poll(frame).toContain('"kinesisSchemaVersion": "1.0",');
    const lines = frame().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines.at(-1)).toBe(sign);
    // The JSON's own rows end just above the sign: 12 rows = 4 of settings and state, title, decoded data, 5 of JSON, the sign.
    expect(lines.slice(6, 11).every((line) => line === '{' || line.startsWith('  "'))).toBe(true);
    unmount();
  });

  it('refuses a bad number and a bad JSON pattern with the reason, in Korean; Esc leaves without saving', async () => {
    const calls = { captured: [] as boolean[], chosen: [] as Record<string, unknown>[] };
    const { lastFrame, stdin, unmount } = panel(emptyLedger(), 'ko', calls);
    const frame = () => stripAnsi(lastFrame() ?? '');
    await expect.poll(frame).toContain('파이프 설정 (e: 설정과 필터 바꾸기)');
    await press(stdin, 'e');
    await expect.poll(frame).toContain('↑/↓ 항목 · ←/→ 선택 · 입력해서 수정 · Enter 저장 · Esc 취소');
    await press(stdin, DOWN);
    await press(stdin, '0', '0', '0');
    await press(stdin, ENTER);
    await expect.poll(frame).toContain('배치 크기는 1에서 10000 사이의 정수여야 합니다. 지금 값: "100000".');
    await press(stdin, '\u007F', '\u007F');
    await press(stdin, DOWN, DOWN, DOWN);
    await press(stdin, RIGHT);
    await press(stdin, RIGHT);
    await press(stdin, RIGHT);
    await press(stdin, RIGHT);
    await press(stdin, DOWN);
    await press(stdin, '{"data": {"fare": [1');
    await expect.poll(frame).toContain('패턴이 아직 올바르지 않습니다:');
    await press(stdin, 'q');
    await press(stdin, ESCAPE);
    await expect.poll(() => calls.captured).toEqual([true, false]);
    expect(calls.chosen).toEqual([]);
    unmount();
  });

  it('follows the pipe to RUNNING and lists the events that reached the target, with the chosen filter', async () => {
    const filter = '{"data": {"fareAmount": [{"numeric": [">", 20]}]}}';
    const ledger = recordChoices(emptyLedger(), 'pipe', { filter });
    expect((await createPipeAction({ ...ctx, onProgress: () => undefined, recordRun: () => undefined }, 'pipe', { ...step.action!.params, filter })).ok).toBe(true);
    const { lastFrame, unmount } = panel(ledger, 'en', { captured: [], chosen: [] });
    const frame = () => stripAnsi(lastFrame() ?? '');
    await expect.poll(frame, { timeout: 10_000 }).toContain('1 event(s) arrived at ink-pipe-target (newest last):');
    const lines = frame().split('\n');
    // The terminal is 100 columns wide: the summary line is cut with an ellipsis.
    expect(lines.slice(0, 3)).toEqual([
      'Pipe settings (e: edit settings and filter)',
      '  TRIM_HORIZON · batch 100 records or 1 s · parallelization 1 · filter: {"data":{"fareAmount":[{"nu…',
      '  Filter tried on 2 of your records: 1 pass, 1 dropped',
    ]);
    expect(lines).toContain('Pipe ink-pipe: RUNNING');
    expect(lines.find((l) => l.startsWith('  key b · source seq …'))).toMatch(/^ {2}key b · source seq …\d{8} · fare 30$/);
    unmount();
  });
});
