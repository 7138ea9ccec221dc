/** Consumers as the API shows them, and which of a stream's consumers still exist. */
import type { ConsumerState, ConsumerStatus, StreamState } from './stream-state.js';

/** CREATING until ready, ACTIVE, or DELETING once deregistered (gone ones are dropped by settle-stream.ts). */
export function consumerStatus(consumer: ConsumerState, now: number): ConsumerStatus {
  if (consumer.goneAt !== undefined) return 'DELETING';
  return now < consumer.readyAt ? 'CREATING' : 'ACTIVE';
}

/** The stream's consumer of that name that has not been deregistered, or, failing that, one still DELETING. */
export function liveConsumer(stream: StreamState, name: string): ConsumerState | undefined {
  return stream.consumers.find((c) => c.name === name && c.goneAt === undefined) ?? stream.consumers.find((c) => c.name === name);
}

export function consumerView(consumer: ConsumerState, now: number): Record<string, unknown> {
  return {
    ConsumerName: consumer.name,
    ConsumerARN: consumer.arn,
    ConsumerStatus: consumerStatus(consumer, now),
    ConsumerCreationTimestamp: Math.floor(consumer.createdMs / 1000),
  };
}
