/**
 * Control-plane call rates, as botocore's Kinesis model documents each operation ("CreateStream has a
 * limit of five transactions per second per account", "ListShards … 1000 transactions per second per
 * data stream" …). Operations the model gives no rate for are not metered; the data plane's limits are
 * per shard (kinesis-limits.ts).
 */

export interface ApiRateLimit {
  perSecond: number;
  /** What the calls are counted over: the caller's account (in a region) or one stream. */
  per: 'account' | 'stream';
}

export const API_RATE_LIMITS: Readonly<Record<string, ApiRateLimit>> = {
  AddTagsToStream: { perSecond: 5, per: 'account' },
  CreateStream: { perSecond: 5, per: 'account' },
  DeleteStream: { perSecond: 5, per: 'account' },
  DeregisterStreamConsumer: { perSecond: 5, per: 'stream' },
  DescribeAccountSettings: { perSecond: 5, per: 'account' },
  DescribeLimits: { perSecond: 1, per: 'account' },
  DescribeStream: { perSecond: 10, per: 'account' },
  DescribeStreamConsumer: { perSecond: 20, per: 'stream' },
  DescribeStreamSummary: { perSecond: 20, per: 'account' },
  ListShards: { perSecond: 1000, per: 'stream' },
  ListStreamConsumers: { perSecond: 5, per: 'stream' },
  ListStreams: { perSecond: 5, per: 'account' },
  ListTagsForStream: { perSecond: 5, per: 'account' },
  MergeShards: { perSecond: 5, per: 'account' },
  RegisterStreamConsumer: { perSecond: 5, per: 'account' },
  RemoveTagsFromStream: { perSecond: 5, per: 'account' },
  SplitShard: { perSecond: 5, per: 'account' },
  UpdateAccountSettings: { perSecond: 5, per: 'account' },
  UpdateShardCount: { perSecond: 10, per: 'account' },
  UpdateStreamWarmThroughput: { perSecond: 5, per: 'account' },
};
