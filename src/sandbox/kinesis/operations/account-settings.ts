/** DescribeAccountSettings and UpdateAccountSettings: the minimum throughput billing commitment (account-commitment.ts). */
import { commitmentAfter, commitmentView } from '../account-commitment.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const describeAccountSettings: KinesisOperation = (call) => ({
  MinimumThroughputBillingCommitment: commitmentView(call.store.accountSettings(call.caller.account, call.caller.region), call.now),
});

export const updateAccountSettings: KinesisOperation = (call, input) => {
  const { account, region } = call.caller;
  const wanted = (input.MinimumThroughputBillingCommitment as { Status: 'ENABLED' | 'DISABLED' }).Status;
  const settings = commitmentAfter(call.store.accountSettings(account, region), wanted, call.now);
  call.commit({ k: 'account', account, region, at: call.now, settings });
  return { MinimumThroughputBillingCommitment: commitmentView(settings, call.now) };
};
