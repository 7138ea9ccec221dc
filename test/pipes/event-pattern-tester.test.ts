/**
 * The EventBridge TestEventPattern adapter through the real SDK client against a loopback EventBridge
 * (test/fixtures/fake-eventbridge.ts): the envelope it builds, the learner's pattern moved under
 * `detail`, EventBridge's verdict per record, and its errors as the pipe panel reports them.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEventBridgeClient, createEventPatternTester, envelopeFor, patternUnderDetail, type EventPatternTester } from '../../src/aws/event-pattern-tester.js';
import { buildKinesisPipeEvent, kinesisFilterView, type KinesisSourceRecord, type PipeSourceContext } from '../../src/filter/pipe-event.js';
import { filterVerdicts } from '../../src/filter/filter-verdicts.js';
import { AWS_FILTER_SAMPLE_LIMIT, awsFilterOutcome, testFilterOnAws } from '../../src/ui/panels/pipe/aws-filter-test.js';
import { startFakeEventBridge, type FakeEventBridge } from '../fixtures/fake-eventbridge.js';

const context: PipeSourceContext = {
  roleArn: 'arn:aws:iam::123456789012:role/kinesis-lab-pipe',
  region: 'ap-northeast-2',
  streamArn: 'arn:aws:kinesis:ap-northeast-2:123456789012:stream/input-stream',
};
const NOW = new Date('2026-11-22T05:00:00.123Z');
let seq = 0;
function record(data: string | object, partitionKey = 'k'): KinesisSourceRecord {
  seq++;
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  return { shardId: 'shardId-000000000000', sequenceNumber: String(49_000 + seq), partitionKey, data: new TextEncoder().encode(text), approximateArrivalTimestamp: new Date(1_700_000_000_000 + seq) };
}
const trip = (fare: number, vendorId = 1) => record({ tripId: `t${fare}`, vendorId, fareAmount: fare, paymentType: 'card' });

describe('EventBridge TestEventPattern for a pipe filter', () => {
  let fake: FakeEventBridge;
  let tester: EventPatternTester;

  beforeAll(async () => {
    fake = await startFakeEventBridge();
    tester = createEventPatternTester(createEventBridgeClient({ region: 'ap-northeast-2', endpoint: fake.url, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } }));
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.requests.length = 0;
    fake.deny = false;
  });

  it('sends an EventBridge event with every mandatory field, the filter view under detail, and the pattern under detail', async () => {
    const r = trip(30);
    const { view } = kinesisFilterView(buildKinesisPipeEvent(r, context));
    const pattern = '{"data": {"fareAmount": [{"numeric": [">", 20]}]}}';
    await expect(tester.matches(pattern, view, { region: 'ap-northeast-2', account: '123456789012', time: NOW })).resolves.toBe(true);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.target).toBe('AWSEvents.TestEventPattern');
    expect(JSON.parse(fake.requests[0]?.body.EventPattern ?? '')).toEqual({ detail: { data: { fareAmount: [{ numeric: ['>', 20] }] } } });
    expect(JSON.parse(fake.requests[0]?.body.Event ?? '')).toEqual({
      version: '0',
      id: '00000000-0000-4000-8000-000000000000',
      'detail-type': 'Kinesis record as an EventBridge Pipe filters it',
      source: 'kinesis-lab.pipe-filter-test',
      account: '123456789012',
      time: '2026-11-22T05:00:00Z',
      region: 'ap-northeast-2',
      resources: [],
      detail: {
        kinesisSchemaVersion: '1.0',
        partitionKey: 'k',
        sequenceNumber: r.sequenceNumber,
        data: { tripId: 't30', vendorId: 1, fareAmount: 30, paymentType: 'card' },
        approximateArrivalTimestamp: r.approximateArrivalTimestamp.getTime() / 1000,
      },
    });
    await expect(tester.matches(pattern, kinesisFilterView(buildKinesisPipeEvent(trip(5), context)).view, { region: 'ap-northeast-2', account: '123456789012' })).resolves.toBe(false);
  });

  it('gives the same verdicts as the sandbox matcher for each operator, $or included, once wrapped', async () => {
    const records = [trip(5, 1), trip(30, 2), trip(55.5, 1), record({ tripId: 'x', vendorId: 3, paymentType: 'CASH' }), record('not json', 'p-7')];
    const patterns = [
      '{"data": {"fareAmount": [{"numeric": [">", 20, "<=", 55.5]}]}}',
      '{"data": {"vendorId": [{"anything-but": [1]}]}}',
      '{"data": {"paymentType": [{"equals-ignore-case": "cash"}]}}',
      '{"data": {"fareAmount": [{"exists": false}]}}',
      '{"partitionKey": [{"prefix": "p-"}]}',
      // Pipes take no wildcard (the EventBridge guide's operator table): prefix is what a pipe can say here.
      '{"$or": [{"data": {"vendorId": [2]}}, {"data": {"tripId": [{"prefix": "t5"}]}}]}',
    ];
    const expected = [2, 2, 1, 1, 1, 3];
    for (const [i, pattern] of patterns.entries()) {
      const local = filterVerdicts(pattern, records, context).filter((v) => v.passes).length;
      const aws = await testFilterOnAws(tester, pattern, records, context, NOW);
      expect({ pattern, aws, local }).toEqual({ pattern, aws: { passing: expected[i], total: records.length }, local: expected[i] });
    }
  });

  it('counts a record whose data is not JSON as dropped by a pattern on data, without asking', async () => {
    const records = [record('plain text'), trip(40)];
    await expect(testFilterOnAws(tester, '{"data": {"fareAmount": [{"exists": false}]}}', records, context, NOW)).resolves.toEqual({ passing: 0, total: 2 });
    expect(fake.requests).toHaveLength(1);
  });

  it(`asks about the newest ${AWS_FILTER_SAMPLE_LIMIT} records only`, async () => {
    const records = Array.from({ length: 15 }, (_, i) => trip(i * 10));
    await expect(testFilterOnAws(tester, '{"data": {"fareAmount": [{"numeric": [">=", 100]}]}}', records, context, NOW)).resolves.toEqual({ passing: 5, total: 10 });
    expect(fake.requests).toHaveLength(10);
  });

  it('reports a pattern EventBridge refuses, and any other failure, as the panel shows them', async () => {
    const refused = await testFilterOnAws(tester, '{"data": {"fareAmount": [{"numeric": [">"]}]}}', [trip(1)], context, NOW).then(() => undefined, awsFilterOutcome);
    expect(refused).toMatchObject({ kind: 'refused' });
    expect(refused && 'message' in refused ? refused.message : '').toMatch(/^Event pattern is not valid\. Reason: Invalid event pattern at \$\.detail\.data\.fareAmount/);
    fake.deny = true;
    const failed = await testFilterOnAws(tester, '{"data": {"vendorId": [1]}}', [trip(1)], context, NOW).then(() => undefined, awsFilterOutcome);
    expect(failed).toEqual({ kind: 'failed', message: 'AccessDeniedException: User: arn:aws:iam::123456789012:user/learner is not authorized to perform: events:TestEventPattern' });
  });

  it('leaves text that is not a JSON object for EventBridge to refuse, and builds envelopes with the given region and account', () => {
    expect(patternUnderDetail('["a"]')).toBe('["a"]');
    expect(patternUnderDetail('{"partitionKey": ["a"]}')).toBe('{"detail":{"partitionKey":["a"]}}');
    expect(envelopeFor({ a: 1 }, { region: 'us-west-2', account: '111122223333', time: NOW })).toMatchObject({ region: 'us-west-2', account: '111122223333', detail: { a: 1 } });
  });
});
