import http from 'node:http';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentials, AwsSettings } from './aws-settings.js';

/** The part of every SDK v3 client's config that comes from where the lab runs. */
export interface BaseClientConfig {
  region: string;
  profile?: string;
  credentials?: AwsCredentials;
  endpoint?: string;
  requestHandler?: NodeHttpHandler;
}

export interface ClientConfigOptions {
  /** Region to sign for when the settings' own does not apply (IAM is global: us-east-1 on AWS). */
  region?: string;
  /** Reuse connections: yes for clients that make many calls, no for one-shot probes. @default true */
  keepAlive?: boolean;
  /** @default Node's agent default */
  maxSockets?: number;
  /** @default 30000 */
  requestTimeoutMs?: number;
}

/**
 * Region, profile, sandbox credentials and endpoint for any SDK v3 client. With an endpoint (the
 * sandbox) the client gets an HTTP/1.1 handler: Kinesis's default handler speaks HTTP/2, which local
 * endpoints do not, and a short connect timeout makes a stopped sandbox fail fast.
 */
export function baseClientConfig(settings: AwsSettings, options: ClientConfigOptions = {}): BaseClientConfig {
  const config: BaseClientConfig = { region: options.region ?? settings.region };
  if (settings.profile) config.profile = settings.profile;
  if (settings.credentials) config.credentials = { ...settings.credentials };
  if (settings.endpoint) {
    config.endpoint = settings.endpoint;
    config.requestHandler = new NodeHttpHandler({
      httpAgent: new http.Agent({ keepAlive: options.keepAlive ?? true, ...(options.maxSockets ? { maxSockets: options.maxSockets } : {}) }),
      connectionTimeout: 5_000,
      requestTimeout: options.requestTimeoutMs ?? 30_000,
    });
  }
  return config;
}
