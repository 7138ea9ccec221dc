/**
 * Which shard a record goes to, the way Kinesis decides: the MD5 of the partition key read as a
 * 128-bit unsigned integer (or the ExplicitHashKey) falls in exactly one open shard's hash-key range.
 */
import { createHash } from 'node:crypto';

export interface ShardHashRange {
  shardId: string;
  start: bigint;
  end: bigint;
}

export function hashKeyOf(partitionKey: string, explicitHashKey?: string): bigint {
  if (explicitHashKey !== undefined && /^\d+$/.test(explicitHashKey)) return BigInt(explicitHashKey);
  return BigInt(`0x${createHash('md5').update(partitionKey, 'utf8').digest('hex')}`);
}

export function shardFor(ranges: readonly ShardHashRange[], partitionKey: string, explicitHashKey?: string): string | undefined {
  const key = hashKeyOf(partitionKey, explicitHashKey);
  return ranges.find((range) => key >= range.start && key <= range.end)?.shardId;
}

/** Open shards' ranges from a ListShards (or DescribeStream) `Shards` list; closed shards take no writes. */
export function openShardRanges(shards: unknown): ShardHashRange[] {
  if (!Array.isArray(shards)) return [];
  const ranges: ShardHashRange[] = [];
  for (const shard of shards as Record<string, unknown>[]) {
    const range = shard.HashKeyRange as { StartingHashKey?: unknown; EndingHashKey?: unknown } | undefined;
    const sequence = shard.SequenceNumberRange as { EndingSequenceNumber?: unknown } | undefined;
    if (typeof shard.ShardId !== 'string' || sequence?.EndingSequenceNumber !== undefined) continue;
    if (typeof range?.StartingHashKey !== 'string' || typeof range.EndingHashKey !== 'string') continue;
    ranges.push({ shardId: shard.ShardId, start: BigInt(range.StartingHashKey), end: BigInt(range.EndingHashKey) });
  }
  return ranges;
}
