/**
 * Kinesis request and response bodies in the two encodings kinesalite speaks: JSON 1.1 (SDK v3,
 * boto3, the AWS CLI) and CBOR 1.1 (the Java SDK and KCL). CBOR is decoded with the `cbor`
 * package kinesalite itself depends on, so its Buffers (record Data) survive a round trip.
 */
import { createRequire } from 'node:module';

export type BodyFormat = 'json' | 'cbor';

export const AMZ_JSON = 'application/x-amz-json-1.1';
export const AMZ_CBOR = 'application/x-amz-cbor-1.1';

interface CborModule {
  decodeFirstSync(input: Buffer): unknown;
  encode(...values: unknown[]): Buffer;
}

let cbor: CborModule | undefined;

function loadCbor(): CborModule {
  // Resolved from kinesalite's folder: cbor is its dependency, not ours.
  if (!cbor) {
    const require = createRequire(import.meta.url);
    const fromKinesalite = createRequire(require.resolve('kinesalite'));
    cbor = fromKinesalite('cbor') as CborModule;
  }
  return cbor;
}

export function bodyFormat(contentType: string | undefined): BodyFormat {
  return (contentType ?? '').split(';')[0]?.trim() === AMZ_CBOR ? 'cbor' : 'json';
}

/** The body as an object, or undefined when it is empty or not an object in its encoding. */
export function decodeBody(body: Buffer, format: BodyFormat): Record<string, unknown> | undefined {
  if (body.length === 0) return undefined;
  try {
    const value = format === 'cbor' ? loadCbor().decodeFirstSync(body) : JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function encodeBody(value: unknown, format: BodyFormat): Buffer {
  return format === 'cbor' ? loadCbor().encode(value) : Buffer.from(JSON.stringify(value), 'utf8');
}
