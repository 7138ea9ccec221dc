/** Stream ARNs: `arn:PARTITION:kinesis:REGION:ACCOUNT:stream/NAME`, as AWS builds them. */

export interface StreamArnParts {
  partition: string;
  region: string;
  account: string;
  name: string;
}

export function streamArn(parts: StreamArnParts): string {
  return `arn:${parts.partition}:kinesis:${parts.region}:${parts.account}:stream/${parts.name}`;
}

const STREAM_ARN = /^arn:(aws[a-z-]*):kinesis:([a-z0-9-]+):(\d{12}):stream\/([a-zA-Z0-9_.-]{1,128})$/;

/** The parts of a stream ARN, or undefined when the text is not one. */
export function parseStreamArn(arn: string): StreamArnParts | undefined {
  const match = STREAM_ARN.exec(arn);
  if (!match) return undefined;
  const [, partition, region, account, name] = match;
  return partition && region && account && name ? { partition, region, account, name } : undefined;
}

/** A consumer's ARN: its stream's ARN, `/consumer/NAME:` and its creation time in epoch seconds. */
export function consumerArn(stream: string, name: string, createdMs: number): string {
  return `${stream}/consumer/${name}:${Math.floor(createdMs / 1000)}`;
}

const CONSUMER_ARN = /^(arn:(aws[a-z-]*):kinesis:([a-z0-9-]+):(\d{12}):stream\/([a-zA-Z0-9_.-]{1,128}))\/consumer\/([a-zA-Z0-9_.-]{1,128}):(\d+)$/;

/** The parts of a consumer ARN, or undefined when the text is not one. */
export function parseConsumerArn(arn: string): (StreamArnParts & { streamArn: string; streamName: string; consumerName: string }) | undefined {
  const match = CONSUMER_ARN.exec(arn);
  if (!match) return undefined;
  const [, streamArn, partition, region, account, name, consumerName] = match;
  return streamArn && partition && region && account && name && consumerName ? { streamArn, partition, region, account, name, streamName: name, consumerName } : undefined;
}
