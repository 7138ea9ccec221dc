/**
 * SubscribeToShard's answer on the wire: an AWS event stream (application/vnd.amazon.eventstream), each
 * message a prelude (total and header lengths, CRC32), headers (:message-type, :event-type or
 * :exception-type, :content-type) and a JSON payload, closed by the message's CRC32 — encoded by the
 * SDK's own codec (@smithy/core). JSON protocol clients (boto3, the AWS CLI) expect an
 * `initial-response` event first, then SubscribeToShardEvent events.
 */
import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import type { SubscriptionMessage } from './subscription-feed.js';

export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function header(value: string): { type: 'string'; value: string } {
  return { type: 'string', value };
}

function frame(headers: Record<string, string>, body: unknown): Uint8Array {
  return codec.encode({
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, header(value)])),
    body: fromUtf8(JSON.stringify(body)),
  });
}

/** The frames of a subscription: `initial-response`, then one per message. */
export async function* eventStreamFrames(messages: AsyncIterable<SubscriptionMessage>): AsyncGenerator<Uint8Array> {
  yield frame({ ':message-type': 'event', ':event-type': 'initial-response', ':content-type': 'application/json' }, {});
  for await (const message of messages) {
    yield message.type === 'event'
      ? frame({ ':message-type': 'event', ':event-type': 'SubscribeToShardEvent', ':content-type': 'application/json' }, message.event)
      : frame({ ':message-type': 'exception', ':exception-type': message.code, ':content-type': 'application/json' }, { message: message.message });
  }
}
