/**
 * "No record lost": under each fault the sandbox can inject, both producers end with every generated
 * trip either acknowledged (and then in the stream) or reported failed, and every extra copy in the
 * stream is covered by the summary's possible duplicates. Reconciled against what is read back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ProducerApi, ProducerEvent, TaxiTrip } from '../../src/shared/producer-types.js';
import { runProducer } from '../../src/producer/run-producer.js';
import { createTripGenerator } from '../../src/producer/taxi-trip-generator.js';
import type { FaultSpec } from '../../src/sandbox/faults/fault-spec.js';
import { startTestSandbox } from '../fixtures/sandbox.js';
import type { TestSandbox } from '../fixtures/sandbox.js';

const FAULTS: [string, FaultSpec, (s: { retried: number; possibleDuplicates?: number }) => boolean][] = [
  ['throttle=20', { throttle: { recordsPerSecond: 20, bytesPerSecond: 1_048_576 } }, (s) => s.retried > 0],
  ['error-rate=0.2', { errorRate: 0.2, seed: 11 }, (s) => s.retried > 0],
  ['reset-rate=0.15', { resetRate: 0.15, seed: 5 }, (s) => s.retried > 0 && (s.possibleDuplicates ?? 0) > 0],
  ['latency=5ms', { latencyMs: 5 }, () => true],
  ['all at once', { throttle: { recordsPerSecond: 60, bytesPerSecond: 1_048_576 }, errorRate: 0.05, resetRate: 0.05, latencyMs: 2, seed: 9 }, (s) => s.retried > 0],
];

const RUNS: { api: ProducerApi; count: number; batchSize?: number }[] = [
  { api: 'put-record', count: 120 },
  { api: 'put-records', count: 240, batchSize: 20 },
];

describe('no record lost under injected faults', () => {
  let box: TestSandbox | undefined;
  afterEach(async () => {
    await box?.stop();
    box = undefined;
  });

  for (const [name, faults, exercised] of FAULTS) {
    for (const { api, count, batchSize } of RUNS) {
      it(`${api} under ${name}: sent ∪ failed = generated; the stream holds every sent trip; extra copies ≤ possible duplicates`, async () => {
        box = await startTestSandbox({ faults });
        const kinesis = box.kinesis();
        await kinesis.createStream('reconcile', { mode: 'PROVISIONED', shardCount: 2 });
        await box.waitForActive('reconcile');

        const generated: string[] = [];
        const trips = createTripGenerator({ seed: 21 });
        const generator = (): TaxiTrip => {
          const trip = trips();
          generated.push(trip.tripId);
          return trip;
        };
        const events: ProducerEvent[] = [];
        const summary = await runProducer({ port: kinesis, stream: 'reconcile', api, count, batchSize, generator, onEvent: (e) => events.push(e) });

        const acknowledged = events.flatMap((e) => (e.type === 'record-sent' ? [e.partitionKey] : []));
        const failed = events.flatMap((e) => (e.type === 'record-failed' ? [e.partitionKey] : []));
        expect(summary.sent).toBe(acknowledged.length);
        expect(summary.failed).toBe(failed.length);
        // Each generated trip accounted for exactly once.
        expect([...acknowledged, ...failed].sort()).toEqual([...generated].sort());
        expect(exercised(summary), JSON.stringify({ ...summary, samples: undefined, error: String((summary as { error?: unknown }).error) })).toBe(true);

        // What the stream really holds, read without faults getting in the way of reads.
        const stored = (await kinesis.readStream('reconcile')).map((r) => (JSON.parse(new TextDecoder().decode(r.data)) as TaxiTrip).tripId);
        const copies = new Map<string, number>();
        for (const id of stored) copies.set(id, (copies.get(id) ?? 0) + 1);
        for (const id of acknowledged) expect(copies.get(id), `acknowledged ${id} missing from the stream`).toBeGreaterThanOrEqual(1);
        const known = new Set(generated);
        expect(stored.filter((id) => !known.has(id))).toEqual([]);
        const failedButStored = failed.filter((id) => copies.has(id)).length;
        expect(failedButStored).toBeLessThanOrEqual(summary.uncertain ?? 0);
        const extraCopies = [...copies.values()].reduce((sum, n) => sum + n - 1, 0);
        expect(extraCopies).toBeLessThanOrEqual(summary.possibleDuplicates ?? 0);
        if (name.startsWith('reset')) expect(extraCopies + failedButStored, 'resets after the write left a copy the producer could not know of').toBeGreaterThan(0);
      }, 60_000);
    }
  }
});
