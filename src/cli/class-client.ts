import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { AwsSettings } from '../aws/aws-settings.js';
import { createKinesisClient } from '../aws/kinesis-client.js';
import type { ClassLocation } from '../classroom/join-code.js';
import { SANDBOX_CREDENTIALS } from '../sandbox/sandbox-types.js';
import { callDeadlinesFromEnv } from './run-settings.js';
import { afterGrace } from './stop-signals.js';

/**
 * A Kinesis client for the class stream. On a room sandbox it signs with the learner's own key there
 * (their account), or, for the instructor's commands, the sandbox's default key: the class stream's
 * account. A learner's real access key id never reaches the instructor's machine. On AWS it uses the
 * caller's own credentials (the learner's for putting, the instructor's for reading).
 */
export function classKinesisClient(
  location: ClassLocation,
  who: { profile?: string; credentials?: { accessKeyId: string; secretAccessKey: string } },
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): KinesisClient {
  const deadlines = callDeadlinesFromEnv(env);
  const settings: AwsSettings = { region: location.region, ...(deadlines ? { deadlines } : {}), ...(signal ? { signal: afterGrace([signal]) } : {}) };
  if (location.endpoint) {
    settings.endpoint = location.endpoint;
    settings.credentials = { ...(who.credentials ?? SANDBOX_CREDENTIALS) };
  } else if (who.profile) {
    settings.profile = who.profile;
  }
  return createKinesisClient(settings, { maxAttempts: 1 });
}
