/**
 * CloudWatch Logs' data in the sandbox: log groups per account and Region with their tags, log
 * streams and events. The Logs service answers the API from it; the pipe runner writes a Logs
 * target's events through it (as Pipes calls PutLogEvents with the pipe's role). Every change goes
 * through `commit` (the durable log: journaled, then applied by `apply`), carrying its own times and
 * event serials, so a restart rebuilds exactly what the calls left.
 */
import { accountInArn, crossAccountDenied } from '../sandbox-accounts.js';

export interface LogEventRecord {
  timestamp: number;
  message: string;
  ingestionTime: number;
  /** Position in the store, for FilterLogEvents' eventId and stable order. */
  serial: number;
}

export interface LogStreamRecord {
  name: string;
  creationTime: number;
  events: LogEventRecord[];
}

export interface LogGroupRecord {
  account: string;
  name: string;
  region: string;
  creationTime: number;
  tags: Record<string, string>;
  streams: Map<string, LogStreamRecord>;
}

/** Where a change happens: an account's log group in a region. */
interface GroupRef {
  a: string;
  r: string;
  g: string;
}

/** Every change to the Logs state (on-disk format: one line of the `logs` journal each). */
export type LogsChange =
  | (GroupRef & { k: 'group'; at: number; tags: Record<string, string> })
  | (GroupRef & { k: 'drop' })
  | (GroupRef & { k: 'tags'; tags: Record<string, string> })
  | (GroupRef & { k: 'stream'; s: string; at: number })
  | (GroupRef & { k: 'events'; s: string; at: number; serial: number; events: [timestamp: number, message: string][] });

/** A Logs failure with the error code AWS uses. */
export class LogsError extends Error {
  constructor(
    readonly code: 'ResourceNotFoundException' | 'ResourceAlreadyExistsException' | 'InvalidParameterException' | 'UnknownOperationException' | 'AccessDeniedException',
    message: string,
  ) {
    super(message);
  }
}

/** Log group names: 1–512 of `[.\-_/#A-Za-z0-9]`. Stream names: 1–512, no `:` or `*`. */
const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const STREAM_NAME = /^[^:*]{1,512}$/;

export function logGroupArn(account: string, region: string, name: string): string {
  return `arn:aws:logs:${region}:${account}:log-group:${name}`;
}

export class LogsStore {
  /** Account → region → group name → group. */
  private readonly accounts = new Map<string, Map<string, Map<string, LogGroupRecord>>>();
  private serial = 0;
  private commit: (change: LogsChange) => void = (change) => this.apply(change);

  constructor(private readonly clock: () => number = Date.now) {}

  /** From now on changes go through `commit` (the durable log). */
  commitThrough(commit: (change: LogsChange) => void): void {
    this.commit = commit;
  }

  createGroup(account: string, region: string, name: string, tags: Record<string, string> = {}): LogGroupRecord {
    if (!GROUP_NAME.test(name)) throw new LogsError('InvalidParameterException', `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`);
    if (this.groupsIn(account, region)?.has(name)) throw new LogsError('ResourceAlreadyExistsException', 'The specified log group already exists');
    this.commit({ k: 'group', a: account, r: region, g: name, at: this.clock(), tags: { ...tags } });
    return this.group(account, region, name);
  }

  /** An account's groups in a region, by name. */
  groups(account: string, region: string): LogGroupRecord[] {
    return [...(this.groupsIn(account, region)?.values() ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  group(account: string, region: string, name: string): LogGroupRecord {
    const group = this.groupsIn(account, region)?.get(name);
    if (!group) throw new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
    return group;
  }

  /**
   * A group by its ARN (with or without the trailing `:*`), for a caller of `account`: another
   * account's group is refused as AWS refuses a call no resource policy opens.
   */
  groupByArn(account: string, arn: string, action: string): LogGroupRecord {
    const match = /^arn:aws[\w-]*:logs:([^:]+):\d{12}:log-group:([^:]+)(:\*)?$/.exec(arn);
    if (!match) throw new LogsError('InvalidParameterException', `Invalid resource ARN: ${arn}`);
    if (accountInArn(arn) !== account) throw new LogsError('AccessDeniedException', crossAccountDenied(account, `logs:${action}`, arn));
    return this.group(account, match[1]!, match[2]!);
  }

  deleteGroup(account: string, region: string, name: string): void {
    this.group(account, region, name);
    this.commit({ k: 'drop', a: account, r: region, g: name });
  }

  tagGroup(group: LogGroupRecord, tags: Record<string, string>): void {
    this.commit({ k: 'tags', a: group.account, r: group.region, g: group.name, tags: { ...tags } });
  }

  createStream(account: string, region: string, groupName: string, name: string): LogStreamRecord {
    const group = this.group(account, region, groupName);
    if (!STREAM_NAME.test(name)) throw new LogsError('InvalidParameterException', `1 validation error detected: Value '${name}' at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`);
    if (group.streams.has(name)) throw new LogsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
    this.commit({ k: 'stream', a: account, r: region, g: groupName, s: name, at: this.clock() });
    return this.stream(account, region, groupName, name);
  }

  stream(account: string, region: string, groupName: string, name: string): LogStreamRecord {
    const stream = this.group(account, region, groupName).streams.get(name);
    if (!stream) throw new LogsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    return stream;
  }

  putEvents(account: string, region: string, groupName: string, streamName: string, events: readonly { timestamp: number; message: string }[]): void {
    this.stream(account, region, groupName, streamName);
    this.commit({ k: 'events', a: account, r: region, g: groupName, s: streamName, at: this.clock(), serial: this.serial, events: events.map((e) => [e.timestamp, e.message]) });
  }

  /** Every group of every account (snapshots, the sandbox's look across accounts). */
  *all(): Iterable<LogGroupRecord> {
    for (const regions of this.accounts.values()) for (const groups of regions.values()) yield* groups.values();
  }

  /** Applies one change, live or when the journal is replayed. */
  apply(change: LogsChange): void {
    if (change.k === 'group') {
      this.groupsIn(change.a, change.r, true).set(change.g, { account: change.a, name: change.g, region: change.r, creationTime: change.at, tags: { ...change.tags }, streams: new Map() });
      return;
    }
    const groups = this.groupsIn(change.a, change.r);
    const group = groups?.get(change.g);
    // A line for a group that is not there cannot be applied; replay skips it, as AWS would refuse the call.
    if (!groups || !group) return;
    switch (change.k) {
      case 'drop':
        groups.delete(change.g);
        this.dropEmpty(change.a, change.r);
        return;
      case 'tags':
        Object.assign(group.tags, change.tags);
        return;
      case 'stream':
        group.streams.set(change.s, { name: change.s, creationTime: change.at, events: [] });
        return;
      case 'events': {
        const stream = group.streams.get(change.s);
        if (!stream) return;
        let serial = change.serial;
        for (const [timestamp, message] of change.events) stream.events.push({ timestamp, message, ingestionTime: change.at, serial: serial++ });
        this.serial = Math.max(this.serial, serial);
        return;
      }
    }
  }

  /** Puts back one group as a snapshot holds it, onto an empty store (its events follow, see `restoredSerial`). */
  restore(group: LogGroupRecord): void {
    this.groupsIn(group.account, group.region, true).set(group.name, group);
  }

  /** A restored event had this serial: the next one handed out comes after it. */
  restoredSerial(serial: number): void {
    this.serial = Math.max(this.serial, serial + 1);
  }

  clear(): void {
    this.accounts.clear();
    this.serial = 0;
  }

  private groupsIn(account: string, region: string): Map<string, LogGroupRecord> | undefined;
  private groupsIn(account: string, region: string, create: true): Map<string, LogGroupRecord>;
  private groupsIn(account: string, region: string, create = false): Map<string, LogGroupRecord> | undefined {
    let regions = this.accounts.get(account);
    if (!regions && create) this.accounts.set(account, (regions = new Map<string, Map<string, LogGroupRecord>>()));
    let groups = regions?.get(region);
    if (regions && !groups && create) regions.set(region, (groups = new Map<string, LogGroupRecord>()));
    return groups;
  }

  private dropEmpty(account: string, region: string): void {
    const regions = this.accounts.get(account);
    if (regions?.get(region)?.size === 0) regions.delete(region);
    if (regions?.size === 0) this.accounts.delete(account);
  }
}
