import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KinesisPort } from '../../src/aws/kinesis-port.js';
import type { ProducerEvent, TaxiTrip } from '../../src/shared/producer-types.js';
import { runProducer } from '../../src/producer/run-producer.js';
import { createTripGenerator, isTaxiTrip } from '../../src/producer/taxi-trip-generator.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const decode = (data: Uint8Array) => JSON.parse(new TextDecoder().decode(data)) as TaxiTrip;

describe('producers against the sandbox, through the SDK', () => {
  let box: TestSandbox;
  let kinesis: KinesisPort;

  beforeAll(async () => {
    box = await startTestSandbox();
    kinesis = box.kinesis();
  });
  afterAll(async () => {
    await box.stop();
  });

  async function freshStream(name: string, shardCount = 2): Promise<void> {
    await kinesis.createStream(name, { mode: 'PROVISIONED', shardCount });
    await box.waitForActive(name);
  }

  function recordingGenerator(seed: number) {
    const generated: string[] = [];
    const trips = createTripGenerator({ seed });
    return {
      generated,
      generator: () => {
        const trip = trips();
        generated.push(trip.tripId);
        return trip;
      },
    };
  }

  it('PutRecord: every generated trip is in the stream, in order per shard', async () => {
    await freshStream('put-record-stream');
    const { generated, generator } = recordingGenerator(1);
    const events: ProducerEvent[] = [];
    const result = await runProducer({ port: kinesis, stream: 'put-record-stream', api: 'put-record', count: 40, generator, onEvent: (e) => events.push(e) });

    expect(result).toMatchObject({ sent: 40, failed: 0, requests: 40, stoppedBy: 'count' });
    const records = await kinesis.readStream('put-record-stream');
    expect(records.map((r) => decode(r.data).tripId).sort()).toEqual([...generated].sort());
    for (const shardId of new Set(records.map((r) => r.shardId))) {
      const inShard = records.filter((r) => r.shardId === shardId).map((r) => decode(r.data).tripId);
      expect(inShard).toEqual(generated.filter((id) => inShard.includes(id)));
    }
    const sent = events.filter((e) => e.type === 'record-sent');
    expect(sent).toHaveLength(40);
    expect(sent.every((e) => e.httpStatus === 200 && typeof e.requestId === 'string' && e.shardId.startsWith('shardId-'))).toBe(true);
  });

  it('PutRecords: 2500 records in 5 requests, all readable, all taxi-shaped, samples findable', async () => {
    // 2,500 records in well under a second need three shards' worth of AWS's 1,000 records/s; the fourth
    // leaves room for uneven hashing, so nothing is throttled.
    await freshStream('put-records-stream', 4);
    const { generated, generator } = recordingGenerator(2);
    const result = await runProducer({ port: kinesis, stream: 'put-records-stream', api: 'put-records', count: 2500, generator });

    expect(result).toMatchObject({ sent: 2500, failed: 0, retried: 0, requests: 5, stoppedBy: 'count' });
    const records = await kinesis.readStream('put-records-stream');
    const trips = records.map((r) => decode(r.data));
    expect(new Set(trips.map((t) => t.tripId))).toEqual(new Set(generated));
    expect(records).toHaveLength(2500);
    expect(trips.every(isTaxiTrip)).toBe(true);
    expect(records.every((r) => r.partitionKey === decode(r.data).tripId)).toBe(true);
    for (const sample of result.samples) {
      const found = await kinesis.readRecordAt('put-records-stream', sample.shardId, sample.sequenceNumber);
      expect(found?.sequenceNumber).toBe(sample.sequenceNumber);
    }
  });

  it('a missing stream ends the run at once with the error kept', async () => {
    const result = await runProducer({ port: kinesis, stream: 'no-such-stream', api: 'put-records', count: 10 });

    expect(result).toMatchObject({ sent: 0, failed: 10, requests: 1, stoppedBy: 'error' });
    expect((result.error as Error).name).toBe('ResourceNotFoundException');
  });

  it('stopping by signal: the summary counts exactly what the stream holds', async () => {
    await freshStream('abort-stream', 1);
    const controller = new AbortController();
    let batches = 0;
    const result = await runProducer({
      port: kinesis,
      stream: 'abort-stream',
      api: 'put-records',
      batchSize: 100,
      concurrency: 3,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'batch-sent' && ++batches === 4) controller.abort();
      },
    });

    expect(result.stoppedBy).toBe('signal');
    expect(result.sent).toBeGreaterThanOrEqual(400);
    expect((await kinesis.readStream('abort-stream')).length).toBe(result.sent);
  });
});
