/**
 * The narrow view of CloudWatch Logs that step 5 uses when the learner sends the pipe to a log group:
 * the group (created tagged as the lab's), its tags, and the events the pipe wrote, over SDK v3's
 * CloudWatchLogsClient.
 */
import {
  CloudWatchLogsClient, CreateLogGroupCommand, DescribeLogGroupsCommand, FilterLogEventsCommand, ListTagsForResourceCommand, TagResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { AwsSettings } from './aws-settings.js';
import { baseClientConfig } from './client-config.js';

export interface LogGroupDescription {
  name: string;
  /** Without the trailing `:*` (the form Pipes' Target and IAM policies take). */
  arn: string;
  tags: Record<string, string>;
}

export interface LogEvent {
  logStreamName: string;
  timestamp: number;
  message: string;
}

export interface LogGroupPort {
  /** The group, or undefined when there is none of that name. */
  describeLogGroup(name: string): Promise<LogGroupDescription | undefined>;
  /** Creates the group with these tags; false when it already existed (nothing changed). */
  createLogGroup(name: string, tags: Record<string, string>): Promise<boolean>;
  tagLogGroup(arn: string, tags: Record<string, string>): Promise<void>;
  /** The group's events across its streams, oldest first, at most `limit`. @default limit 5000 */
  readEvents(name: string, options?: { limit?: number; since?: Date }): Promise<LogEvent[]>;
}

export function createLogsClient(settings: AwsSettings): CloudWatchLogsClient {
  return new CloudWatchLogsClient(baseClientConfig(settings));
}

/** `arn:aws:logs:R:A:log-group:NAME:*` → `arn:aws:logs:R:A:log-group:NAME`. */
export function bareLogGroupArn(arn: string): string {
  return arn.replace(/:\*$/, '');
}

export function createLogGroupAdapter(client: CloudWatchLogsClient): LogGroupPort {
  async function find(name: string): Promise<string | undefined> {
    let nextToken: string | undefined;
    do {
      const page = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, ...(nextToken ? { nextToken } : {}) }));
      const match = (page.logGroups ?? []).find((g) => g.logGroupName === name);
      if (match) return match.logGroupArn ?? bareLogGroupArn(match.arn ?? '');
      nextToken = page.nextToken;
    } while (nextToken);
    return undefined;
  }
  return {
    async describeLogGroup(name) {
      const arn = await find(name);
      if (!arn) return undefined;
      const tags = await client.send(new ListTagsForResourceCommand({ resourceArn: arn }));
      return { name, arn, tags: { ...(tags.tags ?? {}) } };
    },
    async createLogGroup(name, tags) {
      try {
        await client.send(new CreateLogGroupCommand({ logGroupName: name, tags }));
        return true;
      } catch (error) {
        if ((error as { name?: string }).name === 'ResourceAlreadyExistsException') return false;
        throw error;
      }
    },
    async tagLogGroup(arn, tags) {
      await client.send(new TagResourceCommand({ resourceArn: arn, tags }));
    },
    async readEvents(name, options = {}) {
      const limit = options.limit ?? 5_000;
      const events: LogEvent[] = [];
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new FilterLogEventsCommand({ logGroupName: name, ...(options.since ? { startTime: options.since.getTime() } : {}), ...(nextToken ? { nextToken } : {}) }),
        );
        for (const e of page.events ?? []) events.push({ logStreamName: e.logStreamName ?? '', timestamp: e.timestamp ?? 0, message: e.message ?? '' });
        nextToken = page.nextToken;
      } while (nextToken && events.length < limit);
      return events.slice(0, limit);
    },
  };
}
