/**
 * Warm throughput (CreateStream's and UpdateStreamWarmThroughput's WarmThroughputMiBps): write capacity
 * made ready ahead of traffic, for on-demand streams of accounts with the minimum throughput billing
 * commitment enabled, up to 10 GiB/s, as AWS documents. The refusals' texts are ours.
 */
import { commitmentStatus } from './account-commitment.js';
import { invalidArgument } from './kinesis-texts.js';
import type { OperationCall } from './operations/kinesis-operation.js';
import type { StreamMode } from './stream-state.js';

const MAX_WARM_MIBPS = 10_240;

export function assertWarmThroughput(call: OperationCall, mode: StreamMode, mibps: number): void {
  if (mode !== 'ON_DEMAND') throw invalidArgument('Warm throughput can be set only for streams in ON_DEMAND mode.');
  if (commitmentStatus(call.store.accountSettings(call.caller.account, call.caller.region), call.now) === 'DISABLED') {
    throw invalidArgument(`Warm throughput needs the minimum throughput billing commitment enabled for account ${call.caller.account} (UpdateAccountSettings).`);
  }
  if (mibps > MAX_WARM_MIBPS) throw invalidArgument(`Warm throughput cannot be more than ${MAX_WARM_MIBPS} MiB/s; ${mibps} was requested.`);
}
