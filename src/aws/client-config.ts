import type { AwsCredentials, AwsSettings } from './aws-settings.js';
import { callDeadlines } from './call-deadlines.js';
import { DeadlineHandler } from './deadline-handler.js';

/** The part of every SDK v3 client's config that comes from where the lab runs. */
export interface BaseClientConfig {
  region: string;
  profile?: string;
  credentials?: AwsCredentials;
  endpoint?: string;
  requestHandler: DeadlineHandler;
}

export interface ClientConfigOptions {
  /** Region to sign for when the settings' own does not apply (IAM is global: us-east-1 on AWS). */
  region?: string;
  /** Reuse connections: yes for clients that make many calls, no for one-shot probes. @default true */
  keepAlive?: boolean;
  /** @default Node's agent default */
  maxSockets?: number;
}

/**
 * Region, profile, sandbox credentials and endpoint for any SDK v3 client, and the request handler
 * every client shares: HTTP/1.1 (Kinesis's default handler speaks HTTP/2, which local endpoints do not)
 * with the deadlines of `call-deadlines.ts`, so no call waits forever, on AWS or on a sandbox.
 */
export function baseClientConfig(settings: AwsSettings, options: ClientConfigOptions = {}): BaseClientConfig {
  const requestHandler = new DeadlineHandler({
    deadlines: settings.deadlines ?? callDeadlines(),
    keepAlive: options.keepAlive ?? true,
    ...(options.maxSockets ? { maxSockets: options.maxSockets } : {}),
    ...(settings.signal ? { signal: settings.signal } : {}),
    ...(settings.endpointReturns ? { endpointReturns: settings.endpointReturns } : {}),
  });
  const config: BaseClientConfig = { region: options.region ?? settings.region, requestHandler };
  if (settings.profile) config.profile = settings.profile;
  if (settings.credentials) config.credentials = { ...settings.credentials };
  if (settings.endpoint) config.endpoint = settings.endpoint;
  return config;
}
