/** Builds the SDK v3 Kinesis client every Kinesis adapter in kinesis-lab uses. */
import { KinesisClient } from '@aws-sdk/client-kinesis';
import type { AwsSettings } from './aws-settings.js';
import { baseClientConfig } from './client-config.js';

export interface KinesisClientOptions {
  /**
   * Attempts per call, the first included. The producers retry failed records themselves, so they
   * ask for 1 to see every throttle; checks keep the SDK's retries. @default 3
   */
  maxAttempts?: number;
}

export function createKinesisClient(settings: AwsSettings, options: KinesisClientOptions = {}): KinesisClient {
  return new KinesisClient({ ...baseClientConfig(settings, { maxSockets: 64 }), maxAttempts: options.maxAttempts ?? 3 });
}
