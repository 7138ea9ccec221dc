/**
 * Kinesis on the wire: AWS JSON 1.1 and CBOR 1.1 (the Java SDK and KCL) requests in, responses out,
 * with AWS's answers for what never reaches an operation (no signature, an undecodable body, an
 * operation Kinesis does not have).
 */
import { randomUUID } from 'node:crypto';
import { unknownOperation } from '../aws-json-error.js';
import { AMZ_CBOR, AMZ_JSON, encodeBody, type BodyFormat } from '../kinesis-body-codec.js';
import { EVENT_STREAM_CONTENT_TYPE, eventStreamFrames } from './event-stream-wire.js';
import { KinesisError } from './kinesis-error.js';
import type { KinesisEngine } from './kinesis-engine.js';
import type { CallerContext } from './operations/kinesis-operation.js';

export const KINESIS_TARGET_PREFIX = 'Kinesis_20131202.';

/** A Kinesis call as the sandbox received it. */
export interface KinesisCall {
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  format: BodyFormat;
  /** The decoded body; undefined when it did not decode. */
  request: Record<string, unknown> | undefined;
  caller: CallerContext;
  /** When the request reached the sandbox, on its clock: throughput limits count in it. */
  arrivedAt: number;
}

/** What the client gets back. */
export interface KinesisReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The response as an object (JSON shape: blobs as base64), for the call-event listeners. */
  response?: Record<string, unknown>;
  /** SubscribeToShard's event stream, sent after the headers; `cancel` once the connection closes. */
  events?: { frames: AsyncIterable<Uint8Array>; cancel(): void };
}

export function answerKinesisCall(engine: KinesisEngine, call: KinesisCall): KinesisReply {
  if (!engine.knows(call.operation)) {
    const unknown = unknownOperation(call.method, call.url, `${KINESIS_TARGET_PREFIX}${call.operation}`, 'kinesis');
    return { status: unknown.status, headers: unknown.headers, body: Buffer.from(unknown.body), response: JSON.parse(String(unknown.body)) as Record<string, unknown> };
  }
  if (!call.request) return errorReply(call.format, new KinesisError('SerializationException', '', 400));
  const refused = authenticationProblem(call);
  if (refused) return errorReply(call.format, refused);
  try {
    if (call.operation === 'SubscribeToShard') return subscription(engine, call, call.request);
    const response = engine.call(call.caller, call.operation, call.request, call.arrivedAt);
    return reply(call.format, 200, response, call.operation);
  } catch (error) {
    if (error instanceof KinesisError) return errorReply(call.format, error);
    const reason = error instanceof Error ? error.message : String(error);
    return errorReply(call.format, new KinesisError('InternalFailure', `The sandbox's Kinesis engine failed: ${reason}`, 500));
  }
}

/** An open subscription: headers now, the event stream after (event-stream-wire.ts). */
function subscription(engine: KinesisEngine, call: KinesisCall, request: Record<string, unknown>): KinesisReply {
  const closed = new AbortController();
  const messages = engine.subscribe(call.caller, request, call.arrivedAt, closed.signal);
  return {
    status: 200,
    headers: { 'content-type': EVENT_STREAM_CONTENT_TYPE, 'x-amzn-requestid': randomUUID() },
    body: Buffer.alloc(0),
    response: {},
    events: { frames: eventStreamFrames(messages), cancel: () => closed.abort() },
  };
}

/** Kinesis wants a SigV4 signature, whole, in a header or in the query (as kinesalite checks it too). */
function authenticationProblem(call: KinesisCall): KinesisError | undefined {
  const header = call.headers.authorization;
  const query = call.url.includes('?') ? new URLSearchParams(call.url.slice(call.url.indexOf('?') + 1)) : undefined;
  const inQuery = query?.has('X-Amz-Algorithm') ?? false;
  if (header && inQuery) return new KinesisError('InvalidSignatureException', "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
  if (!header && !inQuery) return new KinesisError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  let missing = '';
  if (header) {
    for (const part of ['Credential', 'Signature', 'SignedHeaders']) if (!header.includes(`${part}=`)) missing += `Authorization header requires '${part}' parameter. `;
    if (!call.headers['x-amz-date'] && !call.headers.date) missing += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
    if (missing) missing += `Authorization=${header}`;
  } else {
    for (const part of ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date']) {
      if (!query?.get(part)) missing += `AWS query-string parameters must include '${part}'. `;
    }
    if (missing) missing += 'Re-examine the query-string parameters.';
  }
  return missing ? new KinesisError('IncompleteSignatureException', missing) : undefined;
}

function reply(format: BodyFormat, status: number, response: Record<string, unknown>, operation?: string): KinesisReply {
  // CBOR carries record Data as bytes; the engine keeps base64, as JSON does.
  const wire = format === 'cbor' && operation === 'GetRecords' ? withDataBytes(response) : response;
  return {
    status,
    headers: { 'content-type': format === 'cbor' ? AMZ_CBOR : AMZ_JSON, 'x-amzn-requestid': randomUUID() },
    body: encodeBody(wire, format),
    response,
  };
}

export function errorReply(format: BodyFormat, error: KinesisError): KinesisReply {
  const body = error.message === '' ? { __type: error.type } : error.body();
  return reply(format, error.status, body);
}

function withDataBytes(response: Record<string, unknown>): Record<string, unknown> {
  const records = response.Records as Record<string, unknown>[];
  return { ...response, Records: records.map((record) => ({ ...record, Data: Buffer.from(String(record.Data), 'base64') })) };
}
