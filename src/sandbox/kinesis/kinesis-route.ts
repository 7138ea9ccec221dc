/**
 * The router's way to Kinesis: decode the body, pass faults (when the sandbox injects them), ask the
 * engine, and publish the call as a KinesisCallEvent for the CloudWatch recorder, faults and pipes.
 */
import { createFaultInjector, type FaultedReply } from '../faults/fault-injector.js';
import { hasInjectedFaults, type FaultSpec } from '../faults/fault-spec.js';
import { bodyFormat, decodeBody } from '../kinesis-body-codec.js';
import type { KinesisCallEvent, SandboxRequest } from '../sandbox-types.js';
import { partitionOf } from '../sigv4-scope.js';
import type { KinesisEngine } from './kinesis-engine.js';
import { answerKinesisCall, type KinesisCall, type KinesisReply } from './kinesis-wire.js';
import { streamNameOf } from './stream-name-of.js';

export interface KinesisRoute {
  answer(request: SandboxRequest, account: string, operation: string): Promise<FaultedReply>;
  onCall(listener: (event: KinesisCallEvent) => void): () => void;
}

export function createKinesisRoute(engine: KinesisEngine, clock: () => number, faultSpec: FaultSpec | undefined): KinesisRoute {
  const listeners = new Set<(event: KinesisCallEvent) => void>();
  const faults = faultSpec && hasInjectedFaults(faultSpec) ? createFaultInjector(faultSpec, {}) : undefined;

  function emit(event: KinesisCallEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A broken observer (metrics, faults) must not fail the learner's request.
      }
    }
  }

  return {
    async answer(request, account, operation) {
      const at = clock();
      const format = bodyFormat(request.headers['content-type']);
      const decoded = decodeBody(request.body, format);
      const caller = { account, region: request.region, partition: partitionOf(request.region) };
      const call: KinesisCall = { operation, method: request.method, url: request.url, headers: request.headers, format, request: decoded, caller, arrivedAt: at };
      const forward = (): Promise<KinesisReply> => Promise.resolve(answerKinesisCall(engine, call));
      const reply: FaultedReply = faults ? await faults.answer({ region: request.region, operation, format, request: decoded }, forward) : answerKinesisCall(engine, call);
      // A connection dropped before the call reached the stream: AWS would have seen nothing to record.
      if (listeners.size > 0 && reply.reset !== 'before') {
        const streamName = streamNameOf(decoded);
        emit({
          at,
          region: request.region,
          account,
          operation,
          ...(streamName !== undefined ? { streamName } : {}),
          request: (format === 'cbor' ? (withBase64Blobs(decoded) as Record<string, unknown> | undefined) : decoded) ?? {},
          status: reply.status,
          response: reply.response ?? decodeBody(reply.body, bodyFormat(reply.headers['content-type'])),
          latencyMs: clock() - at,
        });
      }
      return reply;
    },
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** CBOR bodies carry record Data as bytes; listeners get base64, as in a JSON body. */
function withBase64Blobs(value: unknown): unknown {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(withBase64Blobs);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withBase64Blobs(inner)]));
  }
  return value;
}
