/**
 * Enhanced fan-out consumers: RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers and
 * DeregisterStreamConsumer. A consumer is CREATING for createStreamMs, then ACTIVE; deregistered, it is
 * DELETING for deleteStreamMs, then gone. AWS's limits: 20 consumers per stream, at most 5 CREATING
 * at a time per account. Texts AWS's documentation does not give are ours (docs/kinesis-engine.md).
 */
import { consumerStatus, consumerView } from '../consumer-views.js';
import { KinesisError } from '../kinesis-error.js';
import { invalidArgument, streamNotActive } from '../kinesis-texts.js';
import { decodePageToken, encodePageToken } from '../page-token.js';
import { requestedConsumer, requestedStream } from '../resolve-stream.js';
import { consumerArn } from '../stream-arn.js';
import { assertTagCharacters } from '../tag-rules.js';
import type { KinesisOperation } from './kinesis-operation.js';

const CONSUMERS_PER_STREAM = 20;
const CREATING_PER_ACCOUNT = 5;
const DEFAULT_MAX_RESULTS = 100;

export const registerStreamConsumer: KinesisOperation = (call, input) => {
  const stream = requestedStream(call, input);
  if (stream.status !== 'ACTIVE' && stream.status !== 'UPDATING') throw streamNotActive(stream);
  const name = String(input.ConsumerName);
  const tags = (input.Tags as Record<string, string> | undefined) ?? {};
  assertTagCharacters([...Object.keys(tags), ...Object.values(tags)], `Failed to add tags to consumer ${name} of stream ${stream.name} under account ${stream.account}`);
  const registered = stream.consumers.filter((consumer) => consumer.goneAt === undefined);
  if (registered.some((consumer) => consumer.name === name)) {
    throw new KinesisError('ResourceInUseException', `Consumer ${name} under stream ${stream.name} under account ${stream.account} already exists.`);
  }
  if (registered.length >= CONSUMERS_PER_STREAM) {
    throw new KinesisError('LimitExceededException', `Stream ${stream.name} under account ${stream.account} already has ${CONSUMERS_PER_STREAM} registered consumers, the most a stream can have.`);
  }
  const creating = call.store.streams(stream.account, stream.region, call.now).flatMap((s) => s.consumers).filter((c) => consumerStatus(c, call.now) === 'CREATING');
  if (creating.length >= CREATING_PER_ACCOUNT) {
    throw new KinesisError('LimitExceededException', `Account ${stream.account} already has ${CREATING_PER_ACCOUNT} consumers in CREATING status; wait until one is ACTIVE.`);
  }
  const consumer = { name, arn: consumerArn(stream.arn, name, call.now), createdMs: call.now, readyAt: call.now + call.settings.createStreamMs, tags };
  call.commit({ k: 'consumer', account: stream.account, region: stream.region, name: stream.name, at: call.now, consumer });
  // Registration answers CREATING, however soon the consumer becomes ACTIVE.
  return { Consumer: { ...consumerView(consumer, call.now), ConsumerStatus: 'CREATING' } };
};

export const describeStreamConsumer: KinesisOperation = (call, input) => {
  const { stream, consumer } = requestedConsumer(call, input);
  return { ConsumerDescription: { ...consumerView(consumer, call.now), StreamARN: stream.arn } };
};

export const listStreamConsumers: KinesisOperation = (call, input) => {
  let after: string | undefined;
  if (typeof input.NextToken === 'string') {
    if (input.StreamCreationTimestamp !== undefined) throw invalidArgument('NextToken and StreamCreationTimestamp cannot be provided together.');
    const token = decodePageToken(input.NextToken);
    if (typeof token?.after !== 'string' || typeof token.at !== 'number') throw invalidArgument('Invalid NextToken.');
    // Tokens last 300 seconds, as AWS documents.
    if (call.now - token.at > 300_000) throw new KinesisError('ExpiredNextTokenException', 'The NextToken has expired.');
    after = token.after;
  }
  const stream = requestedStream(call, input);
  if (typeof input.StreamCreationTimestamp === 'number' && Math.floor(input.StreamCreationTimestamp) !== Math.floor(stream.createdMs / 1000)) {
    throw new KinesisError('ResourceNotFoundException', `Stream ${stream.arn} created at ${input.StreamCreationTimestamp} under account ${call.caller.account} not found.`);
  }
  // MaxResults above 100 still returns at most 100, as AWS documents.
  const max = Math.min(typeof input.MaxResults === 'number' ? input.MaxResults : DEFAULT_MAX_RESULTS, DEFAULT_MAX_RESULTS);
  const consumers = [...stream.consumers].sort((a, b) => (a.name < b.name ? -1 : 1)).filter((c) => after === undefined || c.name > after);
  const page = consumers.slice(0, max);
  return {
    Consumers: page.map((consumer) => consumerView(consumer, call.now)),
    ...(consumers.length > max ? { NextToken: encodePageToken({ after: page.at(-1)?.name, at: call.now }) } : {}),
  };
};

export const deregisterStreamConsumer: KinesisOperation = (call, input) => {
  const { stream, consumer } = requestedConsumer(call, input);
  if (consumer.goneAt !== undefined) {
    throw new KinesisError('ResourceInUseException', `Consumer ${consumer.name} under stream ${stream.name} under account ${stream.account} is already being deleted.`);
  }
  call.commit({ k: 'consumerGone', account: stream.account, region: stream.region, name: stream.name, at: call.now, consumer: consumer.name, goneAt: call.now + call.settings.deleteStreamMs });
  return {};
};

