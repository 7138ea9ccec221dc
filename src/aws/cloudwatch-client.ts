/** Builds the SDK v3 CloudWatch client the metrics reader uses (step 4 reads stream metrics). */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { AwsSettings } from './aws-settings.js';
import { baseClientConfig } from './client-config.js';

export function createCloudWatchClient(settings: AwsSettings): CloudWatchClient {
  return new CloudWatchClient(baseClientConfig(settings));
}
