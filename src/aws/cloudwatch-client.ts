/** Builds the SDK v3 CloudWatch client the metrics reader uses (step 4 reads stream metrics). */
import http from 'node:http';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchClientConfig } from '@aws-sdk/client-cloudwatch';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsSettings } from './aws-settings.js';

export function createCloudWatchClient(settings: AwsSettings): CloudWatchClient {
  const config: CloudWatchClientConfig = { region: settings.region };
  if (settings.profile) config.profile = settings.profile;
  if (settings.credentials) config.credentials = { ...settings.credentials };
  if (settings.endpoint) {
    config.endpoint = settings.endpoint;
    // A plain HTTP/1.1 handler with a short connect timeout: a stopped sandbox should fail fast.
    config.requestHandler = new NodeHttpHandler({
      httpAgent: new http.Agent({ keepAlive: true }),
      connectionTimeout: 5_000,
      requestTimeout: 30_000,
    });
  }
  return new CloudWatchClient(config);
}
