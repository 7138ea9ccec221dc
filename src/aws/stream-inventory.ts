/**
 * What cleanup needs from Kinesis: every stream with its tags, its billed size, deletion and a way to
 * see it gone. Kept apart from KinesisPort so the lab's checks never gain a delete-everything path.
 */
import { DeleteStreamCommand, DescribeStreamSummaryCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { listAllStreams } from './list-all-streams.js';
import { listStreamTags } from './list-stream-tags.js';

export interface StreamFacts {
  name: string;
  status: string;
  mode: 'PROVISIONED' | 'ON_DEMAND';
  openShards: number;
  createdAt?: Date;
}

export interface StreamInventoryPort {
  listStreams(): Promise<string[]>;
  tagsOf(name: string): Promise<Record<string, string>>;
  /** Undefined when the stream does not exist (any more). */
  facts(name: string): Promise<StreamFacts | undefined>;
  deleteStream(name: string): Promise<void>;
}

export function createStreamInventory(client: KinesisClient): StreamInventoryPort {
  return {
    listStreams: () => listAllStreams(client),

    tagsOf: (name) => listStreamTags(client, name),

    async facts(name) {
      try {
        const { StreamDescriptionSummary: s } = await client.send(new DescribeStreamSummaryCommand({ StreamName: name }));
        if (!s) return undefined;
        const facts: StreamFacts = {
          name,
          status: s.StreamStatus ?? 'ACTIVE',
          mode: s.StreamModeDetails?.StreamMode === 'ON_DEMAND' ? 'ON_DEMAND' : 'PROVISIONED',
          openShards: s.OpenShardCount ?? 0,
        };
        if (s.StreamCreationTimestamp) facts.createdAt = s.StreamCreationTimestamp;
        return facts;
      } catch (error) {
        if ((error as { name?: string }).name === 'ResourceNotFoundException') return undefined;
        throw error;
      }
    },

    async deleteStream(name) {
      try {
        await client.send(new DeleteStreamCommand({ StreamName: name }));
      } catch (error) {
        // Already gone (or going): that is what cleanup wants.
        if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error;
      }
    },
  };
}
