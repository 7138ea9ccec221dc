/**
 * What cleanup needs from CloudWatch Logs: the log groups with their tags, deletion, and a way to
 * see one gone. Apart from the step's adapter so the lab's actions never gain a delete path.
 */
import { DeleteLogGroupCommand, DescribeLogGroupsCommand, ListTagsForResourceCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { bareLogGroupArn } from './log-group-adapter.js';

export interface LogGroupInventoryPort {
  /** The region's log groups whose names start with `prefix` (all without one): name and ARN (without `:*`). */
  listLogGroups(prefix?: string): Promise<{ name: string; arn: string; createdAt?: Date }[]>;
  tagsOf(arn: string): Promise<Record<string, string> | undefined>;
  deleteLogGroup(name: string): Promise<void>;
  exists(name: string): Promise<boolean>;
}

export function createLogGroupInventory(client: CloudWatchLogsClient): LogGroupInventoryPort {
  const missing = (error: unknown) => (error as { name?: string }).name === 'ResourceNotFoundException';
  async function list(prefix?: string) {
    const groups: { name: string; arn: string; createdAt?: Date }[] = [];
    let nextToken: string | undefined;
    do {
      const page = await client.send(new DescribeLogGroupsCommand({ ...(prefix ? { logGroupNamePrefix: prefix } : {}), ...(nextToken ? { nextToken } : {}) }));
      for (const g of page.logGroups ?? []) {
        if (!g.logGroupName) continue;
        groups.push({ name: g.logGroupName, arn: g.logGroupArn ?? bareLogGroupArn(g.arn ?? ''), ...(g.creationTime ? { createdAt: new Date(g.creationTime) } : {}) });
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return groups;
  }
  return {
    listLogGroups: (prefix) => list(prefix),
    async tagsOf(arn) {
      try {
        return { ...((await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {}) };
      } catch (error) {
        if (missing(error)) return undefined;
        throw error;
      }
    },
    async deleteLogGroup(name) {
      try {
        await client.send(new DeleteLogGroupCommand({ logGroupName: name }));
      } catch (error) {
        if (!missing(error)) throw error;
      }
    },
    async exists(name) {
      return (await list(name)).some((g) => g.name === name);
    },
  };
}
