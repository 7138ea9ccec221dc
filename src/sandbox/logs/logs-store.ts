/**
 * CloudWatch Logs' data in the sandbox: log groups per Region with their tags, log streams and
 * events, in memory. The Logs service answers the API from it; the pipe runner writes a Logs
 * target's events through it (as Pipes calls PutLogEvents with the pipe's role).
 */
import { SANDBOX_ACCOUNT_ID } from '../sandbox-types.js';

export interface LogEventRecord {
  timestamp: number;
  message: string;
  ingestionTime: number;
  /** Position in the group, for FilterLogEvents' eventId and stable order. */
  serial: number;
}

export interface LogStreamRecord {
  name: string;
  creationTime: number;
  events: LogEventRecord[];
}

export interface LogGroupRecord {
  name: string;
  region: string;
  creationTime: number;
  tags: Record<string, string>;
  streams: Map<string, LogStreamRecord>;
}

/** A Logs failure with the error code AWS uses. */
export class LogsError extends Error {
  constructor(
    readonly code: 'ResourceNotFoundException' | 'ResourceAlreadyExistsException' | 'InvalidParameterException' | 'UnknownOperationException',
    message: string,
  ) {
    super(message);
  }
}

/** Log group names: 1–512 of `[.\-_/#A-Za-z0-9]`. Stream names: 1–512, no `:` or `*`. */
const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const STREAM_NAME = /^[^:*]{1,512}$/;

export function logGroupArn(region: string, name: string): string {
  return `arn:aws:logs:${region}:${SANDBOX_ACCOUNT_ID}:log-group:${name}`;
}

export class LogsStore {
  private readonly regions = new Map<string, Map<string, LogGroupRecord>>();
  private serial = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  createGroup(region: string, name: string, tags: Record<string, string> = {}): LogGroupRecord {
    if (!GROUP_NAME.test(name)) throw new LogsError('InvalidParameterException', `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`);
    const groups = this.groupsIn(region);
    if (groups.has(name)) throw new LogsError('ResourceAlreadyExistsException', 'The specified log group already exists');
    const group: LogGroupRecord = { name, region, creationTime: this.clock(), tags: { ...tags }, streams: new Map() };
    groups.set(name, group);
    return group;
  }

  groups(region: string): LogGroupRecord[] {
    return [...this.groupsIn(region).values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  group(region: string, name: string): LogGroupRecord {
    const group = this.groupsIn(region).get(name);
    if (!group) throw new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
    return group;
  }

  /** A group by its ARN (with or without the trailing `:*`). */
  groupByArn(arn: string): LogGroupRecord {
    const match = /^arn:aws[\w-]*:logs:([^:]+):\d{12}:log-group:([^:]+)(:\*)?$/.exec(arn);
    if (!match) throw new LogsError('InvalidParameterException', `Invalid resource ARN: ${arn}`);
    return this.group(match[1]!, match[2]!);
  }

  deleteGroup(region: string, name: string): void {
    this.group(region, name);
    this.groupsIn(region).delete(name);
  }

  createStream(region: string, groupName: string, name: string): LogStreamRecord {
    const group = this.group(region, groupName);
    if (!STREAM_NAME.test(name)) throw new LogsError('InvalidParameterException', `1 validation error detected: Value '${name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`);
    if (group.streams.has(name)) throw new LogsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
    const stream: LogStreamRecord = { name, creationTime: this.clock(), events: [] };
    group.streams.set(name, stream);
    return stream;
  }

  stream(region: string, groupName: string, name: string): LogStreamRecord {
    const stream = this.group(region, groupName).streams.get(name);
    if (!stream) throw new LogsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    return stream;
  }

  putEvents(region: string, groupName: string, streamName: string, events: readonly { timestamp: number; message: string }[]): void {
    const stream = this.stream(region, groupName, streamName);
    const now = this.clock();
    for (const e of events) stream.events.push({ timestamp: e.timestamp, message: e.message, ingestionTime: now, serial: this.serial++ });
  }

  private groupsIn(region: string): Map<string, LogGroupRecord> {
    let groups = this.regions.get(region);
    if (!groups) {
      groups = new Map();
      this.regions.set(region, groups);
    }
    return groups;
  }
}
