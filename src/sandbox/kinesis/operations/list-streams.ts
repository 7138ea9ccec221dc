/** ListStreams: names and StreamSummaries of the caller's streams in the region, paged by NextToken. */
import { invalidArgument } from '../kinesis-texts.js';
import { decodePageToken, encodePageToken } from '../page-token.js';
import { streamSummary } from '../stream-views.js';
import type { KinesisOperation } from './kinesis-operation.js';

const DEFAULT_LIMIT = 10;

export const listStreams: KinesisOperation = (call, input) => {
  let after = typeof input.ExclusiveStartStreamName === 'string' ? input.ExclusiveStartStreamName : undefined;
  if (typeof input.NextToken === 'string') {
    const token = decodePageToken(input.NextToken);
    if (typeof token?.after !== 'string') throw invalidArgument('Invalid NextToken.');
    after = token.after;
  }
  const limit = typeof input.Limit === 'number' ? input.Limit : DEFAULT_LIMIT;
  const streams = call.store.streams(call.caller.account, call.caller.region, call.now).filter((stream) => after === undefined || stream.name > after);
  const page = streams.slice(0, limit);
  const hasMore = streams.length > limit;
  return {
    StreamNames: page.map((stream) => stream.name),
    HasMoreStreams: hasMore,
    StreamSummaries: page.map(streamSummary),
    ...(hasMore && page.length > 0 ? { NextToken: encodePageToken({ after: page.at(-1)?.name }) } : {}),
  };
};
