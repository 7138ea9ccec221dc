/**
 * The class progress stream on Kinesis: create it (with its resource policy on real AWS), put one
 * learner event, and read every shard — parents before children, so a resharded stream still yields
 * each learner's events in order.
 */
import {
  CreateStreamCommand, DeleteStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand,
  ListTagsForStreamCommand, PutRecordCommand, PutResourcePolicyCommand, type KinesisClient, type PutRecordCommandInput, type Shard,
} from '@aws-sdk/client-kinesis';

/** Tag on the class stream; its value is not the lab id, so the lab's cleanup never deletes a class. */
export const CLASS_TAG = { key: 'kinesis-lab', value: 'class-board' } as const;

export class ClassStreamTakenError extends Error {
  override readonly name = 'ClassStreamTakenError';
  constructor(readonly stream: string) {
    super(`a stream named ${stream} already exists and was not made by kinesis-lab class create`);
  }
}

export interface CreatedClassStream {
  arn: string;
  /** False when the stream was there already (class create run twice). */
  created: boolean;
}

export async function createClassStream(
  client: KinesisClient,
  stream: string,
  opts: { policy?: (arn: string) => string; sleep: (ms: number) => Promise<void>; waitMs?: number; clock?: () => number },
): Promise<CreatedClassStream> {
  let created = true;
  try {
    await client.send(new CreateStreamCommand({ StreamName: stream, ShardCount: 1, StreamModeDetails: { StreamMode: 'PROVISIONED' }, Tags: { [CLASS_TAG.key]: CLASS_TAG.value } }));
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceInUseException') throw error;
    created = false;
    const { Tags = [] } = await client.send(new ListTagsForStreamCommand({ StreamName: stream }));
    if (!Tags.some((t) => t.Key === CLASS_TAG.key && t.Value === CLASS_TAG.value)) throw new ClassStreamTakenError(stream);
  }
  const clock = opts.clock ?? Date.now;
  const deadline = clock() + (opts.waitMs ?? 120_000);
  for (;;) {
    const { StreamDescriptionSummary: s } = await client.send(new DescribeStreamSummaryCommand({ StreamName: stream }));
    if (s?.StreamStatus === 'ACTIVE' && s.StreamARN) {
      if (opts.policy) await client.send(new PutResourcePolicyCommand({ ResourceARN: s.StreamARN, Policy: opts.policy(s.StreamARN) }));
      return { arn: s.StreamARN, created };
    }
    if (clock() >= deadline) throw new Error(`${stream} is not ACTIVE after ${Math.round((opts.waitMs ?? 120_000) / 1000)} s`);
    await opts.sleep(1_000);
  }
}

/**
 * Deletes the class stream — only one `class create` made (tagged), never another stream of that
 * name — and waits until it is gone. Returns its open shards (what stops being billed), or
 * undefined when there was no such stream.
 */
export async function deleteClassStream(client: KinesisClient, stream: string, opts: { sleep: (ms: number) => Promise<void>; waitMs?: number; clock?: () => number }): Promise<number | undefined> {
  let shards: number;
  try {
    const { Tags = [] } = await client.send(new ListTagsForStreamCommand({ StreamName: stream }));
    if (!Tags.some((t) => t.Key === CLASS_TAG.key && t.Value === CLASS_TAG.value)) throw new ClassStreamTakenError(stream);
    shards = (await client.send(new DescribeStreamSummaryCommand({ StreamName: stream }))).StreamDescriptionSummary?.OpenShardCount ?? 0;
    await client.send(new DeleteStreamCommand({ StreamName: stream }));
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
  const clock = opts.clock ?? Date.now;
  const deadline = clock() + (opts.waitMs ?? 300_000);
  for (;;) {
    try {
      await client.send(new DescribeStreamSummaryCommand({ StreamName: stream }));
    } catch (error) {
      if ((error as { name?: string }).name === 'ResourceNotFoundException') return shards;
      throw error;
    }
    if (clock() >= deadline) throw new Error(`${stream} is still there after ${Math.round((opts.waitMs ?? 300_000) / 1000)} s`);
    await opts.sleep(1_000);
  }
}

/**
 * Puts one event. By ARN when given (a learner writing to the instructor's account), else by name.
 * Order comes from the caller sending one event at a time; SequenceNumberForOrdering is not used, as
 * a sequence number from a shard closed by a reshard is refused.
 */
export async function putClassEvent(client: KinesisClient, target: { stream: string; arn?: string }, partitionKey: string, data: string): Promise<string> {
  const input: PutRecordCommandInput = { PartitionKey: partitionKey, Data: new TextEncoder().encode(data) };
  if (target.arn) input.StreamARN = target.arn;
  else input.StreamName = target.stream;
  const result = await client.send(new PutRecordCommand(input));
  return result.SequenceNumber ?? '';
}

interface ShardCursor {
  parents: string[];
  iterator?: string;
  lastSequence?: string;
  /** Closed and read to its end (GetRecords gave no next iterator). */
  finished: boolean;
}

export interface ClassStreamPoll {
  /** Record data as text, in shard order. */
  records: string[];
  /** Every readable shard answered with nothing new and nothing behind. */
  caughtUp: boolean;
}

export interface ClassStreamReader {
  poll(): Promise<ClassStreamPoll>;
}

/**
 * Reads the whole stream from the trim horizon, then keeps up. Shards are listed again every
 * `relistMs` and whenever one closes (a split or merge made children); a child is read only once its
 * parents are read to their end.
 */
export function createClassStreamReader(client: KinesisClient, stream: string, opts: { relistMs?: number; clock?: () => number } = {}): ClassStreamReader {
  const clock = opts.clock ?? Date.now;
  const relistMs = opts.relistMs ?? 10_000;
  const shards = new Map<string, ShardCursor>();
  let listedAt = Number.NEGATIVE_INFINITY;

  async function relist(): Promise<void> {
    let nextToken: string | undefined;
    do {
      const page = await client.send(new ListShardsCommand(nextToken ? { NextToken: nextToken } : { StreamName: stream }));
      for (const shard of page.Shards ?? []) addShard(shard);
      nextToken = page.NextToken;
    } while (nextToken);
    listedAt = clock();
  }

  function addShard(shard: Shard): void {
    if (!shard.ShardId || shards.has(shard.ShardId)) return;
    shards.set(shard.ShardId, { parents: [shard.ParentShardId, shard.AdjacentParentShardId].filter((p): p is string => Boolean(p)), finished: false });
  }

  // A parent no longer listed has aged out of retention: nothing of it is left to read first.
  const ready = (cursor: ShardCursor) => cursor.parents.every((p) => shards.get(p)?.finished ?? true);

  return {
    async poll() {
      if (clock() - listedAt >= relistMs) await relist();
      const records: string[] = [];
      let caughtUp = true;
      let closedOne = false;
      for (const [shardId, cursor] of shards) {
        if (cursor.finished) continue;
        if (!ready(cursor)) {
          caughtUp = false;
          continue;
        }
        if (!cursor.iterator) {
          const at = cursor.lastSequence
            ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' as const, StartingSequenceNumber: cursor.lastSequence }
            : { ShardIteratorType: 'TRIM_HORIZON' as const };
          cursor.iterator = (await client.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shardId, ...at }))).ShardIterator;
        }
        let page;
        try {
          page = await client.send(new GetRecordsCommand({ ShardIterator: cursor.iterator, Limit: 1000 }));
        } catch (error) {
          // Iterators live five minutes; a board left on a slow poll picks up after its last record.
          if ((error as { name?: string }).name === 'ExpiredIteratorException') {
            cursor.iterator = undefined;
            caughtUp = false;
            continue;
          }
          throw error;
        }
        const got = page.Records ?? [];
        for (const record of got) {
          records.push(new TextDecoder().decode(record.Data ?? new Uint8Array()));
          if (record.SequenceNumber) cursor.lastSequence = record.SequenceNumber;
        }
        if (!page.NextShardIterator) {
          cursor.finished = true;
          closedOne = true;
        } else {
          cursor.iterator = page.NextShardIterator;
          if (got.length > 0 || (page.MillisBehindLatest ?? 0) > 0) caughtUp = false;
        }
      }
      if (closedOne) {
        listedAt = Number.NEGATIVE_INFINITY;
        caughtUp = false;
      }
      return { records, caughtUp };
    },
  };
}
