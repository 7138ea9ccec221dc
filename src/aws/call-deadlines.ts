import { secondsPhrase } from '../diagnose/diagnosis-phrases.js';

/**
 * How long one attempt of an AWS call may take, in three phases: reaching the endpoint, its first
 * answer, and the whole exchange (body included). The SDK retries an attempt that ran out like any
 * other timeout; the diagnosis names the phase ("accepted the connection but never answered in 30 s").
 */
export interface CallDeadlines {
  /** TCP connection established. @default 5000 */
  connectMs: number;
  /** From sending the request to the answer's first byte (its status line). @default 30000 */
  firstByteMs: number;
  /** The whole attempt, the answer's body included. @default 60000 */
  wholeMs: number;
}

/** The longest an attempt waits for an answer when `KINESIS_LAB_CALL_TIMEOUT` does not say. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;
const CONNECT_MS = 5_000;

/**
 * The deadlines for one answer timeout (`KINESIS_LAB_CALL_TIMEOUT`): connecting gets at most 5 s (a
 * reachable endpoint connects in milliseconds, even across the world), the whole exchange twice the
 * answer's time, so a large GetRecords page still arrives.
 */
export function callDeadlines(answerMs: number = DEFAULT_CALL_TIMEOUT_MS): CallDeadlines {
  return { connectMs: Math.min(CONNECT_MS, answerMs), firstByteMs: answerMs, wholeMs: answerMs * 2 };
}

export type DeadlinePhase = 'connect' | 'first-byte' | 'whole';

/**
 * An attempt that ran out of time. Named `TimeoutError` (and coded ETIMEDOUT) as the SDK's own
 * timeouts are, so the SDK's retry strategy and the producers' retry policy treat it as transient.
 */
export class DeadlineError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';

  constructor(
    readonly phase: DeadlinePhase,
    readonly limitMs: number,
    readonly host: string,
  ) {
    super(deadlineMessage(phase, limitMs, host));
  }
}

function deadlineMessage(phase: DeadlinePhase, limitMs: number, host: string): string {
  const seconds = secondsPhrase(limitMs).en;
  switch (phase) {
    case 'connect':
      return `could not connect to ${host} within ${seconds}`;
    case 'first-byte':
      return `${host} accepted the connection but never answered in ${seconds}`;
    case 'whole':
      return `${host} started answering but did not finish within ${seconds}`;
  }
}
