/**
 * The 128-bit hash key space Kinesis divides among shards: a record goes to the open shard whose
 * range holds the MD5 of its partition key (or its ExplicitHashKey). Ranges are kept as 32 hex
 * digits beside their decimal form, so the per-record comparison is a string comparison.
 */
import { createHash } from 'node:crypto';

export const HASH_KEY_SPACE = 1n << 128n;

export interface HashRange {
  startingHashKey: string;
  endingHashKey: string;
  startHex: string;
  endHex: string;
}

export function toHex32(value: bigint): string {
  return value.toString(16).padStart(32, '0');
}

export function hashRange(start: bigint, end: bigint): HashRange {
  return { startingHashKey: start.toString(), endingHashKey: end.toString(), startHex: toHex32(start), endHex: toHex32(end) };
}

/** `count` equal ranges covering the whole space, the last one taking the remainder (as AWS splits them). */
export function uniformRanges(count: number): HashRange[] {
  const width = HASH_KEY_SPACE / BigInt(count);
  return Array.from({ length: count }, (_, index) => {
    const start = width * BigInt(index);
    const end = index === count - 1 ? HASH_KEY_SPACE - 1n : width * BigInt(index + 1) - 1n;
    return hashRange(start, end);
  });
}

export function partitionKeyHex(partitionKey: string): string {
  return createHash('md5').update(partitionKey, 'utf8').digest('hex');
}

/** The hex form of an ExplicitHashKey, or undefined when it is outside [0, 2^128 - 1]. */
export function explicitHashKeyHex(decimal: string): string | undefined {
  const value = BigInt(decimal);
  return value < 0n || value >= HASH_KEY_SPACE ? undefined : toHex32(value);
}
