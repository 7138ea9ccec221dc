/** Builds the SDK v3 Kinesis client every Kinesis adapter in kinesis-lab uses. */
import http from 'node:http';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import type { KinesisClientConfig } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsSettings } from './aws-settings.js';

export interface KinesisClientOptions {
  /**
   * Attempts per call, the first included. The producers retry failed records themselves, so they
   * ask for 1 to see every throttle; checks keep the SDK's retries. @default 3
   */
  maxAttempts?: number;
}

export function createKinesisClient(settings: AwsSettings, options: KinesisClientOptions = {}): KinesisClient {
  const config: KinesisClientConfig = {
    region: settings.region,
    maxAttempts: options.maxAttempts ?? 3,
  };
  if (settings.profile) config.profile = settings.profile;
  if (settings.credentials) config.credentials = { ...settings.credentials };
  if (settings.endpoint) {
    config.endpoint = settings.endpoint;
    // The Kinesis client speaks HTTP/2 by default; the local endpoint speaks HTTP/1.1.
    config.requestHandler = new NodeHttpHandler({
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
      connectionTimeout: 5_000,
      requestTimeout: 30_000,
    });
  }
  return new KinesisClient(config);
}
