/**
 * PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy, on a stream or a consumer, by its ARN.
 * Only the owner's account manages a policy; other accounts use what it grants (resolve-stream.ts).
 */
import { requestedResource } from '../resolve-stream.js';
import { parsePolicy } from '../resource-policy.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const putResourcePolicy: KinesisOperation = (call, input) => {
  const { stream, consumer } = requestedResource(call, String(input.ResourceARN));
  const policy = String(input.Policy);
  parsePolicy(policy);
  call.commit({ k: 'policy', account: stream.account, region: stream.region, name: stream.name, at: call.now, policy, ...(consumer ? { consumer: consumer.name } : {}) });
  return {};
};

export const getResourcePolicy: KinesisOperation = (call, input) => {
  const { stream, consumer } = requestedResource(call, String(input.ResourceARN));
  // Without a policy AWS answers an empty document.
  return { Policy: (consumer ? consumer.policy : stream.policy) ?? '{}' };
};

export const deleteResourcePolicy: KinesisOperation = (call, input) => {
  const { stream, consumer } = requestedResource(call, String(input.ResourceARN));
  call.commit({ k: 'policy', account: stream.account, region: stream.region, name: stream.name, at: call.now, policy: null, ...(consumer ? { consumer: consumer.name } : {}) });
  return {};
};
