/**
 * Work Kinesis finishes later — CREATING → ACTIVE, DELETING → gone, a split, merge, resharding or
 * mode change (UPDATING → ACTIVE) — is kept as pending work with the time it completes, and applied
 * the next time anyone looks at the stream. No timers: a restarted sandbox (or a journal replayed
 * at any time) reaches the same state from the same times.
 */
import { endingSequenceNumber, startingSequenceNumber } from './sequence-number.js';
import { hashRange, uniformRanges, type HashRange } from './hash-key.js';
import type { PendingWork, ShardState, StreamState } from './stream-state.js';

/** Applies the pending work due by `now`; 'gone' when the stream's deletion has completed. */
export function settleStream(stream: StreamState, now: number): 'present' | 'gone' {
  // Deregistered consumers are gone once their DELETING time is over.
  if (stream.consumers.some((consumer) => consumer.goneAt !== undefined && consumer.goneAt <= now)) {
    stream.consumers = stream.consumers.filter((consumer) => consumer.goneAt === undefined || consumer.goneAt > now);
  }
  while (stream.pending.length > 0) {
    const work = stream.pending[0]!;
    if (work.at > now) break;
    stream.pending.shift();
    if (work.kind === 'delete') return 'gone';
    applyWork(stream, work);
    if (stream.pending.length === 0) stream.status = 'ACTIVE';
  }
  return 'present';
}

function applyWork(stream: StreamState, work: PendingWork): void {
  switch (work.kind) {
    case 'create':
      return;
    case 'mode':
      stream.mode = work.mode;
      // An on-demand stream has at least the 4 MiB/s of write capacity it would have started with.
      if (work.mode === 'ON_DEMAND' && openCount(stream) < ON_DEMAND_MIN_SHARDS) reshard(stream, ON_DEMAND_MIN_SHARDS, work.at);
      return;
    case 'split': {
      const parent = stream.shards[work.shardIndex];
      if (!parent || parent.closedMs !== undefined) return;
      closeShard(parent, work.at);
      const split = BigInt(work.newStartingHashKey);
      addShard(stream, hashRange(BigInt(parent.startingHashKey), split - 1n), work.at, parent.id);
      addShard(stream, hashRange(split, BigInt(parent.endingHashKey)), work.at, parent.id);
      return;
    }
    case 'merge': {
      const first = stream.shards[work.shardIndex];
      const second = stream.shards[work.adjacentIndex];
      if (!first || !second || first.closedMs !== undefined || second.closedMs !== undefined) return;
      const [low, high] = BigInt(first.startingHashKey) < BigInt(second.startingHashKey) ? [first, second] : [second, first];
      closeShard(first, work.at);
      closeShard(second, work.at);
      addShard(stream, hashRange(BigInt(low.startingHashKey), BigInt(high.endingHashKey)), work.at, first.id, second.id);
      return;
    }
    case 'reshard':
      reshard(stream, work.targetShardCount, work.at);
      return;
    case 'encryption':
      if (work.keyId === null) delete stream.kmsKeyId;
      else stream.kmsKeyId = work.keyId;
      return;
    case 'warm': {
      stream.warmThroughputMiBps = work.mibps;
      // Warm throughput is write capacity made ready: at 1 MiB/s a shard, that many shards.
      const wanted = Math.max(ON_DEMAND_MIN_SHARDS, work.mibps);
      if (openCount(stream) < wanted) reshard(stream, wanted, work.at);
      return;
    }
  }
}

/** Shards an on-demand stream has at least: 4 MiB/s of writes at 1 MiB/s each, as AWS documents for a new one. */
export const ON_DEMAND_MIN_SHARDS = 4;

function openCount(stream: StreamState): number {
  return stream.shards.filter((shard) => shard.closedMs === undefined).length;
}

/** Uniform scaling: every open shard closes and `target` new ones share the hash space. */
function reshard(stream: StreamState, target: number, at: number): void {
  const open = stream.shards.filter((shard) => shard.closedMs === undefined);
  for (const shard of open) closeShard(shard, at);
  for (const range of uniformRanges(target)) {
    const parents = open.filter((shard) => shard.startHex <= range.endHex && shard.endHex >= range.startHex);
    addShard(stream, range, at, parents[0]?.id, parents[1]?.id);
  }
}

function closeShard(shard: ShardState, at: number): void {
  shard.closedMs = Math.max(at, shard.lastMs);
}

/** Appends a shard; ids count up across the stream's life, as on AWS. */
export function addShard(stream: StreamState, range: HashRange, createdMs: number, parentShardId?: string, adjacentParentShardId?: string): ShardState {
  const index = stream.shards.length;
  const shard: ShardState = {
    index,
    id: shardIdOf(index),
    ...(parentShardId !== undefined ? { parentShardId } : {}),
    ...(adjacentParentShardId !== undefined ? { adjacentParentShardId } : {}),
    ...range,
    createdMs,
    counter: 0,
    lastMs: createdMs,
    records: [],
  };
  stream.shards.push(shard);
  return shard;
}

export function shardIdOf(index: number): string {
  return `shardId-${String(index).padStart(12, '0')}`;
}

/** The sequence number range of a shard as DescribeStream and ListShards show it. */
export function sequenceRangeOf(shard: ShardState): { StartingSequenceNumber: string; EndingSequenceNumber?: string } {
  const starting = startingSequenceNumber(shard.index, shard.createdMs);
  return shard.closedMs === undefined ? { StartingSequenceNumber: starting } : { StartingSequenceNumber: starting, EndingSequenceNumber: endingSequenceNumber(shard.index, shard.createdMs, shard.closedMs) };
}
