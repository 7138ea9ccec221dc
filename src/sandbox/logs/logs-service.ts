/**
 * The CloudWatch Logs calls the lab makes (step 5's Logs target), on the sandbox endpoint, over
 * Logs' JSON 1.1 protocol (`X-Amz-Target: Logs_20140328.<Op>`): CreateLogGroup (with tags),
 * DescribeLogGroups, TagResource / ListTagsForResource and the older TagLogGroup / ListTagsLogGroup,
 * CreateLogStream, DescribeLogStreams, PutLogEvents, GetLogEvents, FilterLogEvents (without filter
 * patterns) and DeleteLogGroup.
 */
import { randomUUID } from 'node:crypto';
import { accountInArn, accountOf, crossAccountDenied } from '../sandbox-accounts.js';
import type { LocatableKind, LocatedResource, Sandbox, SandboxRequest, SandboxResponse, SandboxService } from '../sandbox-types.js';
import { logsSection } from './logs-section.js';
import { logGroupArn, LogsError, LogsStore, type LogGroupRecord } from './logs-store.js';

const TARGET_PREFIX = 'Logs_20140328.';
type Body = Record<string, unknown>;
/** Where a call acts: the caller's account in the request's region. */
interface Caller {
  account: string;
  region: string;
}

// eslint-disable-next-line max-lines-per-function -- a table of CloudWatch Logs actions, each a short handler over the one store
export function createLogsService(store: LogsStore): SandboxService {
  const handlers: Record<string, (body: Body, caller: Caller) => unknown> = {
    CreateLogGroup: (b, { account, region }) => {
      store.createGroup(account, region, str(b, 'logGroupName'), tagsOf(b.tags));
      return {};
    },
    DescribeLogGroups: (b, { account, region }) => {
      const prefix = optStr(b, 'logGroupNamePrefix') ?? '';
      const pattern = optStr(b, 'logGroupNamePattern');
      const groups = store.groups(account, region).filter((g) => g.name.startsWith(prefix) && (pattern === undefined || g.name.includes(pattern)));
      return page('logGroups', groups.map(groupJson), b, 50);
    },
    DeleteLogGroup: (b, { account, region }) => {
      store.deleteGroup(account, region, str(b, 'logGroupName'));
      return {};
    },
    TagResource: (b, { account }) => {
      store.tagGroup(store.groupByArn(account, str(b, 'resourceArn'), 'TagResource'), tagsOf(b.tags));
      return {};
    },
    ListTagsForResource: (b, { account }) => ({ tags: { ...store.groupByArn(account, str(b, 'resourceArn'), 'ListTagsForResource').tags } }),
    TagLogGroup: (b, { account, region }) => {
      store.tagGroup(store.group(account, region, str(b, 'logGroupName')), tagsOf(b.tags));
      return {};
    },
    ListTagsLogGroup: (b, { account, region }) => ({ tags: { ...store.group(account, region, str(b, 'logGroupName')).tags } }),
    CreateLogStream: (b, caller) => {
      store.createStream(caller.account, caller.region, groupName(b, caller, 'CreateLogStream'), str(b, 'logStreamName'));
      return {};
    },
    DescribeLogStreams: (b, caller) => {
      const prefix = optStr(b, 'logStreamNamePrefix') ?? '';
      const group = groupName(b, caller, 'DescribeLogStreams');
      const streams = [...store.group(caller.account, caller.region, group).streams.values()].filter((s) => s.name.startsWith(prefix));
      return page(
        'logStreams',
        streams.map((s) => ({
          logStreamName: s.name,
          creationTime: s.creationTime,
          arn: `${logGroupArn(caller.account, caller.region, group)}:log-stream:${s.name}`,
          ...(s.events.length > 0 ? { firstEventTimestamp: Math.min(...s.events.map((e) => e.timestamp)), lastEventTimestamp: Math.max(...s.events.map((e) => e.timestamp)) } : {}),
        })),
        b,
        50,
      );
    },
    PutLogEvents: (b, caller) => {
      const events = Array.isArray(b.logEvents) ? (b.logEvents as { timestamp?: unknown; message?: unknown }[]) : [];
      if (events.length === 0 || events.length > 10_000) throw new LogsError('InvalidParameterException', '1 validation error detected: Value at \'logEvents\' failed to satisfy constraint: Member must have length between 1 and 10000');
      const parsed = events.map((e) => {
        if (typeof e.timestamp !== 'number' || typeof e.message !== 'string' || e.message === '') throw new LogsError('InvalidParameterException', 'Each log event needs a numeric timestamp and a non-empty message.');
        return { timestamp: e.timestamp, message: e.message };
      });
      store.putEvents(caller.account, caller.region, groupName(b, caller, 'PutLogEvents'), str(b, 'logStreamName'), parsed);
      return {};
    },
    GetLogEvents: (b, caller) => {
      const stream = store.stream(caller.account, caller.region, groupName(b, caller, 'GetLogEvents'), str(b, 'logStreamName'));
      const limit = typeof b.limit === 'number' ? b.limit : 10_000;
      const start = tokenOffset(b.nextToken);
      const all = b.startFromHead === true || b.nextToken !== undefined ? stream.events : stream.events.slice(-limit);
      const events = all.slice(start, start + limit);
      const next = `f/${start + events.length}`;
      return { events: events.map(({ timestamp, message, ingestionTime }) => ({ timestamp, message, ingestionTime })), nextForwardToken: next, nextBackwardToken: `b/${start}` };
    },
    FilterLogEvents: (b, caller) => {
      if (optStr(b, 'filterPattern')) throw new LogsError('InvalidParameterException', 'The kinesis-lab sandbox does not evaluate filter patterns; leave filterPattern out.');
      const group = store.group(caller.account, caller.region, groupName(b, caller, 'FilterLogEvents'));
      const names = Array.isArray(b.logStreamNames) ? (b.logStreamNames as string[]) : undefined;
      const startTime = typeof b.startTime === 'number' ? b.startTime : -Infinity;
      const endTime = typeof b.endTime === 'number' ? b.endTime : Infinity;
      const events = [...group.streams.values()]
        .filter((s) => !names || names.includes(s.name))
        .flatMap((s) => s.events.map((e) => ({ stream: s.name, ...e })))
        .filter((e) => e.timestamp >= startTime && e.timestamp <= endTime)
        .sort((a, b2) => a.timestamp - b2.timestamp || a.serial - b2.serial)
        .map((e) => ({ logStreamName: e.stream, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId: String(e.serial).padStart(20, '0') }));
      const limit = typeof b.limit === 'number' ? b.limit : 10_000;
      const start = tokenOffset(b.nextToken);
      const slice = events.slice(start, start + limit);
      return { events: slice, ...(start + slice.length < events.length ? { nextToken: `f/${start + slice.length}` } : {}) };
    },
  };

  return {
    name: 'CloudWatch Logs',
    claims(req: SandboxRequest): boolean {
      return (req.headers['x-amz-target'] ?? '').startsWith(TARGET_PREFIX);
    },
    handle(req: SandboxRequest): Promise<SandboxResponse> {
      // Synchronous work behind the router's asynchronous contract; a throw still rejects.
      return new Promise((resolve) => resolve(answer(req)));
    },
    locate(kind: LocatableKind, name: string): LocatedResource[] {
      if (kind !== 'log-group') return [];
      return [...store.all()].filter((g) => g.name === name).map((g) => ({ account: g.account, region: g.region }));
    },
  };

  function answer(req: SandboxRequest): SandboxResponse {
    const requestId = randomUUID();
    const operation = (req.headers['x-amz-target'] ?? '').slice(TARGET_PREFIX.length);
    try {
      const handler = handlers[operation];
      if (!handler) throw new LogsError('UnknownOperationException', `The kinesis-lab sandbox does not implement CloudWatch Logs ${operation}.`);
      let body: Body;
      try {
        body = JSON.parse(req.body.toString('utf8') || '{}') as Body;
      } catch {
        throw new LogsError('InvalidParameterException', 'The request body is not valid JSON.');
      }
      return json(200, handler(body, { account: accountOf(req), region: req.region }), requestId);
    } catch (error) {
      if (error instanceof LogsError) return json(400, { __type: error.code, message: error.message }, requestId);
      throw error;
    }
  }
}

/**
 * Mounts CloudWatch Logs on the sandbox, its groups and events kept with the sandbox's data; the
 * store is shared with the pipe runner.
 */
export function attachLogs(sandbox: Sandbox, options: { clock?: () => number } = {}): LogsStore {
  const store = new LogsStore(options.clock);
  const log = sandbox.keep(logsSection(store));
  store.commitThrough((change) => log.record(change));
  sandbox.mount(createLogsService(store));
  return store;
}

function groupJson(g: LogGroupRecord) {
  const arn = logGroupArn(g.account, g.region, g.name);
  const storedBytes = [...g.streams.values()].reduce((n, s) => n + s.events.reduce((m, e) => m + Buffer.byteLength(e.message), 0), 0);
  return { logGroupName: g.name, creationTime: g.creationTime, metricFilterCount: 0, arn: `${arn}:*`, logGroupArn: arn, storedBytes, logGroupClass: 'STANDARD' };
}

function page(field: 'logGroups' | 'logStreams', items: unknown[], b: Body, defaultLimit: number) {
  const limit = typeof b.limit === 'number' ? b.limit : defaultLimit;
  const start = tokenOffset(b.nextToken);
  const slice = items.slice(start, start + limit);
  return { [field]: slice, ...(start + slice.length < items.length ? { nextToken: `f/${start + slice.length}` } : {}) };
}

function tokenOffset(token: unknown): number {
  const match = typeof token === 'string' ? /^[fb]\/(\d+)$/.exec(token) : null;
  return match ? Number(match[1]) : 0;
}

/** The group a call names: logGroupName, or logGroupIdentifier (a name or an ARN, the ARN of the caller's account only). */
function groupName(b: Body, caller: Caller, action: string): string {
  const identifier = optStr(b, 'logGroupIdentifier');
  if (identifier?.includes(':log-group:')) return groupNameInArn(caller, identifier, action);
  if (identifier) return identifier;
  return str(b, 'logGroupName');
}

function groupNameInArn(caller: Caller, arn: string, action: string): string {
  if (accountInArn(arn) !== caller.account) throw new LogsError('AccessDeniedException', crossAccountDenied(caller.account, `logs:${action}`, arn));
  return (arn.split(':log-group:')[1] ?? '').replace(/:\*$/, '');
}

function str(b: Body, key: string): string {
  const value = b[key];
  if (typeof value !== 'string' || value === '') throw new LogsError('InvalidParameterException', `1 validation error detected: Value null at '${key}' failed to satisfy constraint: Member must not be null`);
  return value;
}

function optStr(b: Body, key: string): string | undefined {
  return typeof b[key] === 'string' ? b[key] : undefined;
}

function tagsOf(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function json(status: number, payload: unknown, requestId: string): SandboxResponse {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId }, body: JSON.stringify(payload) };
}
