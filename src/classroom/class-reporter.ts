import type { LabState } from '../engine/step-state.js';
import type { ClassOutbox } from './class-outbox.js';
import { classChanges } from './step-transitions.js';

/** The part of LabRunner the reporter needs: it only listens, it never drives the lab. */
export interface ObservableRunner {
  readonly current: { state: LabState };
  subscribe(listener: (view: { state: LabState }) => void): () => void;
}

/**
 * Subscribes to a runner and queues a class event for each class-worthy change (see classChanges).
 * Returns a function that stops listening.
 */
export function reportToClass(runner: ObservableRunner, outbox: Pick<ClassOutbox, 'enqueue'>): () => void {
  let previous: LabState | undefined;
  const observe = (state: LabState) => {
    if (state === previous) return;
    // Not awaited: the lab never waits on the class. A write that fails still leaves the event
    // queued in memory for the sender, so there is nothing more to do with the rejection.
    for (const change of classChanges(previous, state)) outbox.enqueue(change).catch(() => undefined);
    previous = state;
  };
  observe(runner.current.state);
  return runner.subscribe((view) => observe(view.state));
}
