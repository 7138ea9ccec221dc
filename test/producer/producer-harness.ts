import type { ProducerEvent, TaxiTrip } from '../../src/shared/producer-types.js';
import type { ProducerOptions } from '../../src/producer/run-producer.js';
import { createTripGenerator } from '../../src/producer/taxi-trip-generator.js';
import { createFakeTime, FakeKinesisPort } from './fake-kinesis-port.js';

/**
 * A producer run against the fake port on a fake clock, recording every generated trip and every
 * event so tests can reconcile what was generated, stored and reported.
 */
export function createHarness(options: { latencyMs?: number } = {}) {
  const time = createFakeTime();
  const port = new FakeKinesisPort({
    clock: time.clock,
    ...(options.latencyMs ? { latency: { ms: options.latencyMs, advance: time.advance } } : {}),
  });
  const events: ProducerEvent[] = [];
  const generated: TaxiTrip[] = [];
  const trips = createTripGenerator({ seed: 42, now: time.clock });
  const generator = () => {
    const trip = trips();
    generated.push(trip);
    return trip;
  };
  const base: Omit<ProducerOptions, 'api'> = {
    port,
    stream: 'input-stream',
    generator,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    onEvent: (event) => events.push(event),
  };
  return {
    time,
    port,
    events,
    generated,
    base,
    /** Trip ids in generation order. */
    generatedIds: () => generated.map((t) => t.tripId),
    /** Generation index of a stored or sent record, by its trip id. */
    indexOf: (tripId: string) => generated.findIndex((t) => t.tripId === tripId),
    eventsOf<T extends ProducerEvent['type']>(type: T): Extract<ProducerEvent, { type: T }>[] {
      return events.filter((e): e is Extract<ProducerEvent, { type: T }> => e.type === type);
    },
    /** The trip ids of each PutRecords/PutRecord call's inputs. */
    callTripIds: () =>
      port.calls.map((call) =>
        call.inputs.map((input) => (JSON.parse(new TextDecoder().decode(input.data)) as TaxiTrip).tripId),
      ),
  };
}

/** The first `count` trip ids seed 42 produces, to script failures for records not yet generated. */
export function upcomingTripIds(count: number): string[] {
  const trips = createTripGenerator({ seed: 42, now: () => 0 });
  return Array.from({ length: count }, () => trips().tripId);
}
