/**
 * UpdateStreamMode: PROVISIONED ↔ ON_DEMAND, addressed by StreamARN; UPDATING for updateStreamMs. A
 * stream that becomes on-demand gets at least the four shards' worth of capacity a new one has
 * (settle-stream.ts); one that becomes provisioned counts against the shard quota.
 */
import { invalidArgument, streamNotActive } from '../kinesis-texts.js';
import { requestedStream } from '../resolve-stream.js';
import { assertOnDemandQuota, assertShardQuota } from '../shard-quota.js';
import { openShards } from '../stream-views.js';
import type { StreamMode } from '../stream-state.js';
import type { KinesisOperation } from './kinesis-operation.js';

export const updateStreamMode: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  const mode = (input.StreamModeDetails as { StreamMode: StreamMode }).StreamMode;
  if (stream.status !== 'ACTIVE') throw streamNotActive(stream);
  if (stream.mode === mode) throw invalidArgument(`Stream ${stream.name} under account ${stream.account} is already in ${mode} mode.`);
  if (mode === 'ON_DEMAND') assertOnDemandQuota(call);
  else assertShardQuota(call, openShards(stream).length);
  call.commit({
    k: 'schedule', account: stream.account, region: stream.region, name: stream.name, at: call.now, status: 'UPDATING',
    work: { kind: 'mode', at: call.now + call.settings.updateStreamMs, mode },
  });
  return {};
};
