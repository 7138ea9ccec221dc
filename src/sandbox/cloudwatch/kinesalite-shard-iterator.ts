/**
 * GetRecords requests carry only a shard iterator, yet AWS files GetRecords metrics under the
 * stream. kinesalite's iterators are `0x0000000000000001 ‖ AES-256-CBC("time/stream/shard/seq/…")`
 * with a key kinesalite exports, so the stream name can be read back without asking kinesalite.
 */
import { createDecipheriv } from 'node:crypto';
import { createRequire } from 'node:module';

interface KinesaliteDb {
  ITERATOR_PWD_KEY: Buffer;
  ITERATOR_PWD_IV: Buffer;
}

let keys: KinesaliteDb | undefined;

function loadKeys(): KinesaliteDb {
  // Taken from kinesalite itself so a kinesalite upgrade that changes the key cannot silently break this.
  keys ??= createRequire(import.meta.url)('kinesalite/db') as KinesaliteDb;
  return keys;
}

/** The stream a kinesalite shard iterator points into, or undefined when it is not one. */
export function streamNameFromShardIterator(iterator: string): string | undefined {
  try {
    const buffer = Buffer.from(iterator, 'base64');
    if (buffer.length < 24 || buffer.subarray(0, 8).toString('hex') !== '0000000000000001') return undefined;
    const { ITERATOR_PWD_KEY, ITERATOR_PWD_IV } = loadKeys();
    const decipher = createDecipheriv('aes-256-cbc', ITERATOR_PWD_KEY, ITERATOR_PWD_IV);
    const plain = Buffer.concat([decipher.update(buffer.subarray(8)), decipher.final()]).toString('utf8');
    const streamName = plain.split('/')[1];
    return streamName ? streamName : undefined;
  } catch {
    return undefined;
  }
}
