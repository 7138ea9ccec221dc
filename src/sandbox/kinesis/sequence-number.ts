/**
 * Sequence numbers as Kinesis shows them: 56-digit decimal strings, increasing within a shard. Ours
 * are fixed-width fields, so comparing two of the same shard as strings compares them as numbers:
 *
 *   4959 | shard index (8) | shard creation ms (13) | arrival ms (13) | counter within the shard (18)
 *
 * The shard index and the shard's creation time let GetShardIterator refuse a number from another
 * shard or from an earlier stream of the same name, as AWS does.
 */

const PREFIX = '4959';
const MAX_COUNTER = '9'.repeat(18);

/** The fields a sequence number carries. */
export interface SequenceFields {
  shardIndex: number;
  shardCreatedMs: number;
  atMs: number;
  counter: number;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function sequenceNumber(shardIndex: number, shardCreatedMs: number, atMs: number, counter: number): string {
  return `${PREFIX}${pad(shardIndex, 8)}${pad(shardCreatedMs, 13)}${pad(atMs, 13)}${pad(counter, 18)}`;
}

/** Below every record of the shard: where TRIM_HORIZON starts and what a shard's range begins with. */
export function startingSequenceNumber(shardIndex: number, shardCreatedMs: number): string {
  return sequenceNumber(shardIndex, shardCreatedMs, shardCreatedMs, 0);
}

/** Above every record a shard closed at `closedMs` holds. */
export function endingSequenceNumber(shardIndex: number, shardCreatedMs: number, closedMs: number): string {
  return `${PREFIX}${pad(shardIndex, 8)}${pad(shardCreatedMs, 13)}${pad(closedMs, 13)}${MAX_COUNTER}`;
}

/** The fields of one of our sequence numbers, or undefined when the text is not one. */
export function parseSequenceNumber(text: string): SequenceFields | undefined {
  if (text.length !== 56 || !text.startsWith(PREFIX) || !/^\d+$/.test(text)) return undefined;
  return {
    shardIndex: Number(text.slice(4, 12)),
    shardCreatedMs: Number(text.slice(12, 25)),
    atMs: Number(text.slice(25, 38)),
    counter: Number(text.slice(38)),
  };
}
