/**
 * Where and as whom kinesis-lab talks to AWS. Built once by the CLI (flags, environment, the
 * sandbox) and handed to every client factory in src/aws/.
 */

import type { CallDeadlines } from './call-deadlines.js';

/** Static credentials; only the sandbox uses them (its dummy keys). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AwsSettings {
  region: string;
  /** Endpoint override, e.g. the sandbox's `http://127.0.0.1:PORT`; AWS's own endpoints when absent. */
  endpoint?: string;
  /** Named profile from ~/.aws/config; the SDK's default chain picks one when absent. */
  profile?: string;
  /** For the sandbox only; on real AWS the SDK's default credential chain is used. */
  credentials?: AwsCredentials;
  /** How long each attempt of a call may take. @default callDeadlines() (30 s for an answer) */
  deadlines?: CallDeadlines;
  /** When it aborts (the command was stopped), calls in flight end at once and new ones fail fast. */
  signal?: AbortSignal;
  /**
   * Set when the endpoint can go away and come back at the same address (an embedded sandbox this
   * process joined, which it takes over when the owner exits): a call that finds nothing listening
   * waits for it, once, before failing. Resolves true when the endpoint serves again.
   */
  endpointReturns?: () => Promise<boolean>;
}
