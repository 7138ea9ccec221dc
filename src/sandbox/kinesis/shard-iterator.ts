/**
 * Shard iterators: opaque base64 text carrying where a reader is (account, region, stream and its
 * creation time, shard, position) and when the iterator was issued, so GetRecords needs no state of
 * its own and an iterator still works after the sandbox restarts on the same data. Encrypted with a
 * fixed key only to keep it opaque, as AWS's are: readers must not build their own.
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/** AWS: an iterator is good for five minutes after GetShardIterator (or GetRecords) issued it. */
export const ITERATOR_LIFETIME_MS = 300_000;

const KEY = createHash('sha256').update('kinesis-lab shard iterator v1').digest();
const IV = KEY.subarray(0, 16);
const VERSION = 'i1';

export interface IteratorPosition {
  account: string;
  region: string;
  streamName: string;
  /** Creation time of the stream it was issued for: a recreated stream of the same name is another stream. */
  streamCreatedMs: number;
  shardIndex: number;
  /** Read from this sequence number on… */
  sequenceNumber: string;
  /** …or from the first one after it. */
  after: boolean;
  issuedMs: number;
}

export function encodeShardIterator(position: IteratorPosition): string {
  const plain = [VERSION, position.account, position.region, position.streamName, position.streamCreatedMs, position.shardIndex,
    position.sequenceNumber, position.after ? 1 : 0, position.issuedMs].join('/');
  const cipher = createCipheriv('aes-256-cbc', KEY, IV);
  return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

/** The position an iterator holds, or undefined when the text is not one of ours. */
export function decodeShardIterator(iterator: string): IteratorPosition | undefined {
  try {
    const bytes = Buffer.from(iterator, 'base64');
    if (bytes.length === 0 || bytes.length % 16 !== 0 || bytes.toString('base64') !== iterator) return undefined;
    const decipher = createDecipheriv('aes-256-cbc', KEY, IV);
    const parts = Buffer.concat([decipher.update(bytes), decipher.final()]).toString('utf8').split('/');
    const [version, account, region, streamName, created, shard, sequenceNumber, after, issued] = parts;
    if (parts.length !== 9 || version !== VERSION || !account || !region || !streamName || !sequenceNumber) return undefined;
    const position = {
      account, region, streamName, sequenceNumber,
      streamCreatedMs: Number(created), shardIndex: Number(shard), after: after === '1', issuedMs: Number(issued),
    };
    return [position.streamCreatedMs, position.shardIndex, position.issuedMs].every(Number.isSafeInteger) ? position : undefined;
  } catch {
    return undefined;
  }
}

/** "Thu Jan 22 01:22:02 UTC 2015", the date format of AWS's ExpiredIteratorException text. */
export function awsUtcString(ms: number): string {
  const match = /^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/.exec(new Date(ms).toUTCString());
  if (!match) return new Date(ms).toISOString();
  const [, day, date, month, year, time] = match;
  return `${day} ${month} ${date} ${time} UTC ${year}`;
}

/** The stream a shard iterator reads, or undefined when it is not one of ours (GetRecords metrics need it). */
export function streamNameFromShardIterator(iterator: string): string | undefined {
  return decodeShardIterator(iterator)?.streamName;
}
