/**
 * Answers Kinesis calls wrongly on purpose, as `FaultSpec` asks: added latency, 500/503 answers and
 * connection resets (before or after the records were written). It sits between the sandbox router and
 * the Kinesis engine, so what it answers flows through the same KinesisCallEvent path as real answers
 * and the CloudWatch recorder counts the faults. A lower write limit (`throttle=N`) is the engine's own
 * (kinesis/limits/), as AWS's limits are.
 */
import { randomUUID } from 'node:crypto';
import { AMZ_CBOR, AMZ_JSON, encodeBody, type BodyFormat } from '../kinesis-body-codec.js';
import type { KinesisReply } from '../kinesis/kinesis-wire.js';
import type { FaultSpec } from './fault-spec.js';
import { mulberry32 } from '../../shared/seeded-random.js';

/** Header on every answer the injector made up, so a reader of raw traffic can tell. */
export const FAULT_HEADER = 'x-kinesis-lab-fault';

/** A reply, or a connection to drop: `before` the call reached the stream, or `after` it was written. */
export type FaultedReply = KinesisReply & { reset?: 'before' | 'after' };

export interface FaultCall {
  region: string;
  operation: string;
  format: BodyFormat;
  /** Decoded request body; undefined when it did not decode (the engine answers that). */
  request: Record<string, unknown> | undefined;
}

/** Sends the call on to the engine. */
export type Forward = (operation: string) => Promise<KinesisReply>;

export interface FaultInjectorDeps {
  sleep?: (ms: number) => Promise<void>;
  /** Overrides the spec's seed (tests). */
  random?: () => number;
}

export interface FaultInjector {
  answer(call: FaultCall, forward: Forward): Promise<FaultedReply>;
}

const WRITES = new Set(['PutRecord', 'PutRecords']);

export function createFaultInjector(spec: FaultSpec, deps: FaultInjectorDeps): FaultInjector {
  const random = deps.random ?? (spec.seed !== undefined ? mulberry32(spec.seed) : Math.random);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return {
    async answer(call, forward) {
      if (spec.latencyMs) await sleep(spec.latencyMs);
      if (!WRITES.has(call.operation) || !call.request) return forward(call.operation);
      const roll = random();
      const errorRate = spec.errorRate ?? 0;
      if (roll < errorRate) return serverError(call.format, random() < 0.5 ? 500 : 503);
      if (roll < errorRate + (spec.resetRate ?? 0)) {
        if (random() < 0.5) return { status: 0, headers: {}, body: Buffer.alloc(0), reset: 'before' };
        return { ...(await forward(call.operation)), reset: 'after' };
      }
      return forward(call.operation);
    },
  };
}

function serverError(format: BodyFormat, status: 500 | 503): FaultedReply {
  return status === 500
    ? errorReply(format, 500, 'InternalFailure', 'We encountered an internal error. Please try again.', 'error')
    : errorReply(format, 503, 'ServiceUnavailable', 'The service is unavailable. Please try again shortly.', 'error');
}

function errorReply(format: BodyFormat, status: number, type: string, message: string, fault: string): FaultedReply {
  const response = { __type: type, message };
  return {
    status,
    headers: { 'content-type': format === 'cbor' ? AMZ_CBOR : AMZ_JSON, 'x-amzn-requestid': randomUUID(), 'x-amzn-errortype': type, [FAULT_HEADER]: fault },
    body: encodeBody(response, format),
    response,
  };
}
