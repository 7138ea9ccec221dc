/**
 * Step 5's filter test on real AWS: the pipe panel asks EventBridge (TestEventPattern, here a loopback
 * EventBridge through the real SDK client) about the learner's records and shows its answer or its
 * error in English and Korean; without an EventBridge tester (the sandbox) it keeps our matcher.
 */
import { render } from 'ink-testing-library';
import stripAnsi from 'strip-ansi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEventBridgeClient, createEventPatternTester } from '../../src/aws/event-pattern-tester.js';
import { buildLabContext } from '../../src/cli/build-lab-context.js';
import type { LabContext } from '../../src/checks/check-context.js';
import type { LabStep } from '../../src/content/lab-model.js';
import { emptyLedger, recordChoices } from '../../src/engine/session-ledger.js';
import { initialState } from '../../src/engine/step-state.js';
import type { Lang } from '../../src/i18n/lang.js';
import { messages } from '../../src/i18n/messages.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import type { Sandbox } from '../../src/sandbox/sandbox-types.js';
import { LabServicesProvider } from '../../src/ui/lab-services.js';
import { PipePanel } from '../../src/ui/panels/PipePanel.js';
import { startFakeEventBridge, type FakeEventBridge } from '../fixtures/fake-eventbridge.js';

const step: LabStep = {
  id: 'pipe', title: { en: 'P', ko: 'P' }, body: { en: 'b', ko: 'b' }, hints: [], comingNext: false,
  action: { kind: 'create-pipe', params: { startingPosition: 'TRIM_HORIZON', batchSize: 100, batchingWindowSeconds: 1, parallelizationFactor: 1 } },
};
const FARE_ABOVE_20 = '{"data": {"fareAmount": [{"numeric": [">", 20]}]}}';
const trip = (fare: number) => new TextEncoder().encode(JSON.stringify({ tripId: `t${fare}`, vendorId: 1, fareAmount: fare, paymentType: 'card' }));

describe('PipePanel filter test on real AWS (EventBridge TestEventPattern)', () => {
  let sandbox: Sandbox;
  let fake: FakeEventBridge;
  let sandboxCtx: LabContext;
  let awsCtx: LabContext;

  beforeAll(async () => {
    sandbox = await startLabSandbox({ createStreamMs: 0 });
    fake = await startFakeEventBridge();
    sandboxCtx = buildLabContext({ lang: 'en', stream: 'aws-filter', target: 'sandbox', embeddedSandbox: false, region: 'us-east-1', regionSource: 'flag', endpoint: sandbox.url, pipesEndpoint: sandbox.url, iamEndpoint: sandbox.url }, 'lab');
    // Kinesis and Pipes from the sandbox stand in for AWS's; EventBridge is the only thing asked differently.
    awsCtx = { ...sandboxCtx, eventPatterns: createEventPatternTester(createEventBridgeClient({ region: 'us-east-1', endpoint: fake.url, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } })) };
    await sandboxCtx.kinesis.createStream('aws-filter', { mode: 'PROVISIONED', shardCount: 1 });
    while ((await sandboxCtx.kinesis.describeStreamSummary('aws-filter')).status !== 'ACTIVE') await sandboxCtx.sleep(10);
    for (const [key, fare] of [['a', 5], ['b', 30]] as const) await sandboxCtx.kinesis.putRecord('aws-filter', { partitionKey: key, data: trip(fare) });
  });
  afterAll(async () => {
    await fake.stop();
    await sandbox.stop();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.deny = false;
  });

  function panel(ctx: LabContext, filter: string, lang: Lang) {
    const view = { state: initialState('lab', ['pipe'], []), ledger: recordChoices(emptyLedger(), 'pipe', { filter }), notes: [], completed: false };
    const info = { target: 'aws' as const, region: 'us-east-1', regionSource: 'flag' as const, stream: 'aws-filter', notices: [] };
    const { lastFrame, unmount } = render(
      <LabServicesProvider context={ctx}>
        <PipePanel step={step} view={view} info={info} lang={lang} m={messages(lang)} width={100} height={24} now={Date.now()} captureKeys={() => undefined} choose={() => undefined} />
      </LabServicesProvider>,
    );
    return { frame: () => stripAnsi(lastFrame() ?? ''), unmount };
  }

  it("shows EventBridge's verdict on the learner's records, in English and Korean", async () => {
    const en = panel(awsCtx, FARE_ABOVE_20, 'en');
    await expect.poll(en.frame, { timeout: 5_000 }).toContain('\n  EventBridge (TestEventPattern) on your 2 newest records: 1 pass, 1 dropped\n');
    en.unmount();
    expect(fake.requests.map((r): unknown => JSON.parse(r.body.EventPattern ?? ''))).toEqual([{ detail: JSON.parse(FARE_ABOVE_20) }, { detail: JSON.parse(FARE_ABOVE_20) }]);
    const ko = panel(awsCtx, FARE_ABOVE_20, 'ko');
    await expect.poll(ko.frame, { timeout: 5_000 }).toContain('\n  EventBridge(TestEventPattern)로 최근 레코드 2개를 시험한 결과: 1개 통과, 1개 제외\n');
    ko.unmount();
  });

  it('shows the pattern EventBridge refuses with its reason, and any other failure with our matcher’s result', async () => {
    const refused = panel(awsCtx, '{"data": {"fareAmount": [{"numeric": [">"]}]}}', 'ko');
    await expect.poll(refused.frame, { timeout: 5_000 }).toContain('\n  EventBridge가 이 패턴을 거부합니다: Event pattern is not valid. Reason: Invalid event pattern at');
    refused.unmount();
    fake.deny = true;
    const denied = panel(awsCtx, FARE_ABOVE_20, 'en');
    await expect.poll(denied.frame, { timeout: 5_000 }).toContain(
      // 100 columns: the reason itself is cut; the result and that EventBridge was not asked remain.
      '\n  Filter tried on 2 of your records: 1 pass, 1 dropped (our own matcher: EventBridge could not be a…\n',
    );
    denied.unmount();
  });

  it('keeps our matcher on the sandbox and asks EventBridge nothing', async () => {
    const local = panel(sandboxCtx, FARE_ABOVE_20, 'en');
    await expect.poll(local.frame, { timeout: 5_000 }).toContain('\n  Filter tried on 2 of your records: 1 pass, 1 dropped\n');
    // A panel on AWS, opened after this one, gets EventBridge's answer only after the same debounce:
    // once it has, the sandbox panel has had its chance to ask, and did not.
    const onAws = panel(awsCtx, FARE_ABOVE_20, 'en');
    await expect.poll(onAws.frame, { timeout: 5_000 }).toContain('\n  EventBridge (TestEventPattern) on your 2 newest records: 1 pass, 1 dropped\n');
    onAws.unmount();
    expect(local.frame()).toContain('\n  Filter tried on 2 of your records: 1 pass, 1 dropped\n');
    expect(fake.requests.map((r): unknown => JSON.parse(r.body.EventPattern ?? ''))).toEqual([{ detail: JSON.parse(FARE_ABOVE_20) }, { detail: JSON.parse(FARE_ABOVE_20) }]);
    local.unmount();
  });
});
