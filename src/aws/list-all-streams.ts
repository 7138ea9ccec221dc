import { ListStreamsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';

/**
 * Every stream name in the client's region, following NextToken — or, on older endpoints that page
 * with HasMoreStreams only, ExclusiveStartStreamName from the last name seen.
 */
export async function listAllStreams(client: KinesisClient): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  let hasMore = true;
  while (hasMore) {
    const last = names.at(-1);
    const page = await client.send(new ListStreamsCommand(nextToken ? { NextToken: nextToken } : last !== undefined ? { ExclusiveStartStreamName: last } : {}));
    names.push(...(page.StreamNames ?? []));
    nextToken = page.NextToken;
    hasMore = Boolean(nextToken) || (page.HasMoreStreams === true && (page.StreamNames?.length ?? 0) > 0);
  }
  return names;
}
