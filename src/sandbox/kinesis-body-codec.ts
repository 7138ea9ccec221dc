/**
 * Request and response bodies in the encodings the sandbox's JSON-family services speak: JSON 1.1
 * (SDK v3, boto3, the AWS CLI) and CBOR (Kinesis's CBOR 1.1 for the Java SDK and KCL; CloudWatch's
 * RPC v2 CBOR). CBOR goes through `@smithy/core`'s codec, the one the SDK itself uses; timestamps
 * travel as tag 1 (epoch seconds) and come out as Dates, byte strings as Buffers.
 */
import { cbor, tag } from '@smithy/core/cbor';

export type BodyFormat = 'json' | 'cbor';

export const AMZ_JSON = 'application/x-amz-json-1.1';
export const AMZ_CBOR = 'application/x-amz-cbor-1.1';

/** CBOR tag for a timestamp in epoch seconds (RFC 8949 §3.4.2). */
const EPOCH_SECONDS_TAG = 1;

export function bodyFormat(contentType: string | undefined): BodyFormat {
  return (contentType ?? '').split(';')[0]?.trim() === AMZ_CBOR ? 'cbor' : 'json';
}

/** The body as an object, or undefined when it is empty or not an object in its encoding. */
export function decodeBody(body: Buffer, format: BodyFormat): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  try {
    const value: unknown = format === 'cbor' ? fromCbor(cbor.deserialize(body)) : JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function encodeBody(value: unknown, format: BodyFormat): Buffer {
  if (format === 'json') return Buffer.from(JSON.stringify(value), 'utf8');
  const bytes = cbor.serialize(toCbor(value));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface TaggedValue {
  tag: number;
  value: unknown;
}

function isTagged(value: object): value is TaggedValue {
  return 'tag' in value && 'value' in value && Object.getOwnPropertySymbols(value).length > 0;
}

function fromCbor(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (Array.isArray(value)) return value.map(fromCbor);
  if (typeof value === 'object' && value !== null) {
    if (isTagged(value)) return value.tag === EPOCH_SECONDS_TAG && typeof value.value === 'number' ? new Date(value.value * 1000) : fromCbor(value.value);
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fromCbor(inner)]));
  }
  return value;
}

/** Dates become tag 1; undefined members are left out (the codec refuses undefined). */
function toCbor(value: unknown): unknown {
  if (value instanceof Date) return tag({ tag: EPOCH_SECONDS_TAG, value: value.getTime() / 1000 });
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map(toCbor);
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) if (inner !== undefined) result[key] = toCbor(inner);
    return result;
  }
  return value;
}
