/**
 * How a command is stopped from outside. The first Ctrl+C (SIGINT) or SIGTERM aborts the command's
 * signal: it starts nothing new, finishes what it can and says so (the producer its summary line). A
 * second one ends the process at once.
 */
export async function withStopSignals(work: (signal: AbortSignal) => Promise<number>, exit: (code: number) => void = (code) => process.exit(code)): Promise<number> {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) exit(name === 'SIGTERM' ? 143 : 130);
    else controller.abort(new Error(`stopped by ${name}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** How long calls already in flight may still answer once a command is stopped. */
export const STOP_GRACE_MS = 2_000;

/**
 * A signal that aborts `graceMs` after any of `signals` does. Given to the SDK clients: a stopped
 * command lets a call in flight answer (so a producer knows whether its last records were written)
 * but never waits on an endpoint that does not answer.
 */
export function afterGrace(signals: readonly (AbortSignal | undefined)[], graceMs: number = STOP_GRACE_MS): AbortSignal {
  const controller = new AbortController();
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  const any = AbortSignal.any(present);
  const start = () => {
    const timer = setTimeout(() => controller.abort(any.reason), graceMs);
    // Only in-flight calls should keep the process alive, not the grace period itself.
    timer.unref();
  };
  if (any.aborted) start();
  else any.addEventListener('abort', start, { once: true });
  return controller.signal;
}
