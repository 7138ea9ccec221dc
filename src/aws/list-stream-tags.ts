import { ListTagsForStreamCommand, type KinesisClient } from '@aws-sdk/client-kinesis';

/** Every tag of a stream, following HasMoreTags with ExclusiveStartTagKey. */
export async function listStreamTags(client: KinesisClient, name: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let start: string | undefined;
  for (;;) {
    const page = await client.send(new ListTagsForStreamCommand({ StreamName: name, ...(start ? { ExclusiveStartTagKey: start } : {}) }));
    for (const tag of page.Tags ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
    start = page.Tags?.at(-1)?.Key;
    if (!page.HasMoreTags || start === undefined) return tags;
  }
}
