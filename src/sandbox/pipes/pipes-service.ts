/**
 * The EventBridge Pipes API (REST-JSON, signing name `pipes`) on the sandbox endpoint:
 * CreatePipe, DescribePipe, ListPipes, UpdatePipe, DeletePipe, StartPipe, StopPipe and the tag
 * calls. Pipes go through AWS's states (CREATING → RUNNING/STOPPED, STARTING, STOPPING,
 * UPDATING, DELETING, *_FAILED) after short, configurable delays; a pipe whose stream or role
 * the sandbox does not know ends in CREATE_FAILED with a StateReason, as on AWS.
 */
import { accountInArn, accountOf, crossAccountDenied } from '../sandbox-accounts.js';
import type { LocatableKind, LocatedResource, SandboxRequest, SandboxResponse, SandboxService } from '../sandbox-types.js';
import {
  PIPE_NAME_PATTERN, ProblemList, checkCommonFields, checkFilterCriteria, checkKinesisSourceParameters, checkPipeName, checkSource, checkString,
} from './pipe-validation.js';
import { PipeTable, type DesiredState, type PipeChange, type PipeRecord, type PipeState } from './pipe-table.js';
import { RestJsonError, jsonResponse } from './rest-json-response.js';

export type { DesiredState, PipeRecord, PipeState } from './pipe-table.js';

export interface PipesServiceOptions {
  /** Milliseconds a new pipe stays CREATING. AWS takes a minute or two. @default 3000 */
  creatingDelayMs?: number;
  /** Milliseconds of STARTING, STOPPING, UPDATING and DELETING. @default 1000 */
  transitionDelayMs?: number;
  /** @default Date.now */
  clock?: () => number;
  /**
   * Why the pipe cannot run (missing stream, unknown role, unsupported source …), or undefined
   * when it can. Asked when a pipe leaves CREATING, STARTING or UPDATING.
   */
  checkResources?: (pipe: PipeRecord) => Promise<string | undefined>;
  /** Told after every state change, and with `deleted` once a pipe is gone. */
  onStateChange?: (pipe: PipeRecord, change: { deleted: boolean }) => void;
  /** The state (a restored one, with a data folder) and how changes reach it. @default in memory */
  table?: PipeTable;
  commit?: (change: PipeChange) => void;
}

/** The service plus read access for the runner, checks and tests. */
export interface PipesService extends SandboxService {
  getPipe(account: string, region: string, name: string): PipeRecord | undefined;
  listPipes(): PipeRecord[];
  /** Carries on after a restart: runs RUNNING pipes, finishes transitions that were under way. */
  resume(): void;
}

const TRANSITIONAL: ReadonlySet<PipeState> = new Set(['CREATING', 'UPDATING', 'DELETING', 'STARTING', 'STOPPING']);
const PIPE_STATES: readonly PipeState[] = ['RUNNING', 'STOPPED', 'CREATING', 'UPDATING', 'DELETING', 'STARTING', 'STOPPING', 'CREATE_FAILED', 'UPDATE_FAILED', 'START_FAILED', 'STOP_FAILED', 'DELETE_FAILED'];

/** Pipes' Kinesis defaults, shown by DescribePipe when the client left them out. */
const KINESIS_SOURCE_DEFAULTS = { BatchSize: 100, MaximumBatchingWindowInSeconds: 0, ParallelizationFactor: 1, MaximumRecordAgeInSeconds: -1, MaximumRetryAttempts: -1 };

export function createPipesService(options: PipesServiceOptions = {}): PipesService {
  const clock = options.clock ?? Date.now;
  const creatingDelayMs = options.creatingDelayMs ?? 3000;
  const transitionDelayMs = options.transitionDelayMs ?? 1000;
  const checkResources = options.checkResources ?? (() => Promise.resolve(undefined));
  const table = options.table ?? new PipeTable();
  const commit = options.commit ?? ((change: PipeChange) => table.apply(change));
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  /** Commits an edited copy of the pipe (journaled, then applied in place). */
  function save(pipe: PipeRecord, edit: (copy: PipeRecord) => void): void {
    const copy = structuredClone(pipe);
    edit(copy);
    commit({ k: 'pipe', pipe: copy });
  }

  /** A settled state (no timer): RUNNING, STOPPED or a *_FAILED one. */
  function setState(pipe: PipeRecord, state: PipeState, reason?: string): void {
    save(pipe, (copy) => {
      copy.currentState = state;
      delete copy.settlesAt;
      if (reason === undefined) delete copy.stateReason;
      else copy.stateReason = reason.slice(0, 512);
    });
    options.onStateChange?.(pipe, { deleted: false });
  }

  /** A transitional state that settles after `ms`; `edit` makes the call's other changes in the same step. */
  function transition(pipe: PipeRecord, state: PipeState, ms: number, edit: (copy: PipeRecord) => void = () => undefined): void {
    save(pipe, (copy) => {
      edit(copy);
      copy.currentState = state;
      copy.settlesAt = Date.now() + ms;
      delete copy.stateReason;
    });
    options.onStateChange?.(pipe, { deleted: false });
    scheduleSettle(pipe);
  }

  /** Settles a transitional pipe when its time comes, unless it was deleted or the sandbox stopped meanwhile. */
  function scheduleSettle(pipe: PipeRecord): void {
    const from = pipe.currentState;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopped || table.get(pipe.account, pipe.region, pipe.name) !== pipe || pipe.currentState !== from) return;
      // Fire and forget from a timer: a failure becomes the pipe's failed state.
      void Promise.resolve(settle(pipe, from)).catch((error: unknown) => setState(pipe, failedStateOf(pipe.currentState), `Internal error: ${String(error)}`));
    }, Math.max(0, (pipe.settlesAt ?? 0) - Date.now()));
    timers.add(timer);
  }

  async function settle(pipe: PipeRecord, from: PipeState): Promise<void> {
    switch (from) {
      case 'CREATING':
      case 'STARTING':
      case 'UPDATING': {
        // From CREATING/STARTING/UPDATING: run or stop as desired, or fail with the reason.
        const reason = await checkResources(pipe);
        if (pipe.currentState !== from) return;
        if (reason !== undefined) setState(pipe, failedStateOf(from), reason);
        else setState(pipe, pipe.desiredState);
        return;
      }
      case 'STOPPING':
        setState(pipe, 'STOPPED');
        return;
      case 'DELETING':
        commit({ k: 'drop', account: pipe.account, region: pipe.region, name: pipe.name });
        options.onStateChange?.(pipe, { deleted: true });
        return;
      default:
        return;
    }
  }

  function find(account: string, region: string, name: string): PipeRecord {
    const pipe = table.get(account, region, name);
    if (!pipe) throw new RestJsonError(404, 'NotFoundException', `Pipe ${name} does not exist.`);
    return pipe;
  }

  function requireSettled(pipe: PipeRecord, action: string): void {
    if (TRANSITIONAL.has(pipe.currentState)) {
      throw conflict(pipe, `Cannot ${action} pipe ${pipe.name} while it is ${pipe.currentState}.`);
    }
  }

  function summary(pipe: PipeRecord, desiredState: string = pipe.desiredState) {
    return {
      Arn: pipe.arn,
      Name: pipe.name,
      DesiredState: desiredState,
      CurrentState: pipe.currentState,
      CreationTime: pipe.creationTime / 1000,
      LastModifiedTime: pipe.lastModifiedTime / 1000,
    };
  }

  // --- operations --------------------------------------------------------------------------

  function createPipe(account: string, region: string, name: string, body: Record<string, unknown>): SandboxResponse {
    const problems = new ProblemList();
    checkPipeName(problems, name);
    checkSource(problems, body.Source);
    checkCommonFields(problems, body, true);
    const sourceParameters = objectOrEmpty(body.SourceParameters);
    const kinesisSource = typeof body.Source === 'string' && body.Source.startsWith('arn:aws:kinesis:');
    const kinesisParams = objectOrUndefined(sourceParameters.KinesisStreamParameters);
    if (kinesisSource && !kinesisParams) {
      problems.add('sourceParameters.kinesisStreamParameters', 'KinesisStreamParameters with a StartingPosition are required for a Kinesis stream source.');
    }
    if (kinesisParams) checkKinesisSourceParameters(problems, kinesisParams, true);
    checkFilterCriteria(problems, sourceParameters.FilterCriteria, kinesisSource);
    const targetParameters = objectOrEmpty(body.TargetParameters);
    if (typeof body.Target === 'string' && body.Target.startsWith('arn:aws:kinesis:') && !objectOrUndefined(targetParameters.KinesisStreamParameters)) {
      problems.add('targetParameters.kinesisStreamParameters', 'KinesisStreamParameters with a PartitionKey are required for a Kinesis stream target.');
    }
    const tags = checkTags(problems, body.Tags);
    throwIfProblems(problems);
    if (table.get(account, region, name)) {
      throw new RestJsonError(409, 'ConflictException', `Pipe ${name} already exists.`, { resourceId: name, resourceType: 'pipe' });
    }
    const now = clock();
    const pipe: PipeRecord = {
      account,
      region,
      name,
      arn: `arn:aws:pipes:${region}:${account}:pipe/${name}`,
      desiredState: (body.DesiredState as DesiredState | undefined) ?? 'RUNNING',
      currentState: 'CREATING',
      settlesAt: Date.now() + creatingDelayMs,
      source: body.Source as string,
      sourceParameters,
      target: body.Target as string,
      targetParameters,
      roleArn: body.RoleArn as string,
      tags,
      creationTime: now,
      lastModifiedTime: now,
      ...optionalStrings(body, { Description: 'description', Enrichment: 'enrichment', KmsKeyIdentifier: 'kmsKeyIdentifier' }),
    };
    const enrichmentParameters = objectOrUndefined(body.EnrichmentParameters);
    if (enrichmentParameters) pipe.enrichmentParameters = enrichmentParameters;
    const logConfiguration = objectOrUndefined(body.LogConfiguration);
    if (logConfiguration) pipe.logConfiguration = logConfiguration;
    commit({ k: 'pipe', pipe });
    const created = table.get(account, region, name)!;
    options.onStateChange?.(created, { deleted: false });
    scheduleSettle(created);
    return jsonResponse(summary(created));
  }

  function describePipe(pipe: PipeRecord): SandboxResponse {
    const sourceParameters = structuredClone(pipe.sourceParameters);
    const kinesis = objectOrUndefined(sourceParameters.KinesisStreamParameters);
    if (kinesis) sourceParameters.KinesisStreamParameters = { ...KINESIS_SOURCE_DEFAULTS, ...kinesis };
    return jsonResponse(dropUndefined({
      Arn: pipe.arn,
      Name: pipe.name,
      Description: pipe.description,
      DesiredState: pipe.desiredState,
      CurrentState: pipe.currentState,
      StateReason: pipe.stateReason,
      Source: pipe.source,
      SourceParameters: sourceParameters,
      Enrichment: pipe.enrichment,
      EnrichmentParameters: pipe.enrichmentParameters,
      Target: pipe.target,
      TargetParameters: pipe.targetParameters,
      RoleArn: pipe.roleArn,
      Tags: pipe.tags,
      CreationTime: pipe.creationTime / 1000,
      LastModifiedTime: pipe.lastModifiedTime / 1000,
      LogConfiguration: pipe.logConfiguration,
      KmsKeyIdentifier: pipe.kmsKeyIdentifier,
    }));
  }

  function listPipesResponse(account: string, region: string, query: URLSearchParams): SandboxResponse {
    const problems = new ProblemList();
    const limitText = query.get('Limit');
    const limit = limitText === null ? 100 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      problems.add('limit', `Value '${limitText}' at 'limit' failed to satisfy constraint: Member must have value between 1 and 100`);
    }
    const currentState = query.get('CurrentState');
    if (currentState !== null && !PIPE_STATES.includes(currentState as PipeState)) {
      problems.add('currentState', `Value '${currentState}' at 'currentState' failed to satisfy constraint: Member must satisfy enum value set: [${PIPE_STATES.join(', ')}]`);
    }
    const desiredState = query.get('DesiredState');
    if (desiredState !== null && desiredState !== 'RUNNING' && desiredState !== 'STOPPED') {
      problems.add('desiredState', `Value '${desiredState}' at 'desiredState' failed to satisfy constraint: Member must satisfy enum value set: [RUNNING, STOPPED]`);
    }
    const nextToken = query.get('NextToken');
    const start = nextToken === null ? 0 : decodeToken(nextToken);
    if (start === undefined) problems.add('nextToken', 'The NextToken is not valid.');
    throwIfProblems(problems);
    const prefix = (name: string, value: string) => value.startsWith(query.get(name) ?? '');
    const matching = table.all()
      .filter((p) => p.account === account && p.region === region && prefix('NamePrefix', p.name) && prefix('SourcePrefix', p.source) && prefix('TargetPrefix', p.target))
      .filter((p) => (currentState === null || p.currentState === currentState) && (desiredState === null || p.desiredState === desiredState))
      .sort((a, b) => a.name.localeCompare(b.name));
    const page = matching.slice(start ?? 0, (start ?? 0) + limit);
    const end = (start ?? 0) + page.length;
    return jsonResponse(dropUndefined({
      Pipes: page.map((p) => dropUndefined({ ...summary(p), StateReason: p.stateReason, Source: p.source, Target: p.target, Enrichment: p.enrichment })),
      NextToken: end < matching.length ? Buffer.from(`pipes:${end}`).toString('base64') : undefined,
    }));
  }

  function updatePipe(pipe: PipeRecord, body: Record<string, unknown>): SandboxResponse {
    requireSettled(pipe, 'update');
    const problems = new ProblemList();
    checkCommonFields(problems, body, false);
    const update = objectOrUndefined(body.SourceParameters);
    const kinesisSource = pipe.source.startsWith('arn:aws:kinesis:');
    const kinesisUpdate = objectOrUndefined(update?.KinesisStreamParameters);
    if (kinesisUpdate) checkKinesisSourceParameters(problems, kinesisUpdate, false);
    if (update) checkFilterCriteria(problems, update.FilterCriteria, kinesisSource);
    throwIfProblems(problems);
    transition(pipe, 'UPDATING', transitionDelayMs, (copy) => {
      // Top-level fields merge; a service-specific parameter object replaces the old one whole,
      // except StartingPosition, which only creation sets.
      copy.roleArn = body.RoleArn as string;
      Object.assign(copy, optionalStrings(body, { Description: 'description', Enrichment: 'enrichment', Target: 'target', KmsKeyIdentifier: 'kmsKeyIdentifier' }));
      if (body.DesiredState === 'RUNNING' || body.DesiredState === 'STOPPED') copy.desiredState = body.DesiredState;
      if (update) {
        if (update.FilterCriteria !== undefined) copy.sourceParameters.FilterCriteria = update.FilterCriteria;
        if (kinesisUpdate) {
          const old = objectOrEmpty(copy.sourceParameters.KinesisStreamParameters);
          copy.sourceParameters.KinesisStreamParameters = dropUndefined({ ...kinesisUpdate, StartingPosition: old.StartingPosition, StartingPositionTimestamp: old.StartingPositionTimestamp });
        }
      }
      const targetUpdate = objectOrUndefined(body.TargetParameters);
      if (targetUpdate) copy.targetParameters = { ...copy.targetParameters, ...targetUpdate };
      const enrichmentParameters = objectOrUndefined(body.EnrichmentParameters);
      if (enrichmentParameters) copy.enrichmentParameters = enrichmentParameters;
      const logConfiguration = objectOrUndefined(body.LogConfiguration);
      if (logConfiguration) copy.logConfiguration = logConfiguration;
      copy.lastModifiedTime = clock();
    });
    return jsonResponse(summary(pipe));
  }

  function startPipe(pipe: PipeRecord): SandboxResponse {
    requireSettled(pipe, 'start');
    if (pipe.currentState === 'RUNNING') throw conflict(pipe, `Pipe ${pipe.name} is already RUNNING.`);
    if (pipe.currentState === 'CREATE_FAILED') throw conflict(pipe, `Pipe ${pipe.name} failed to create; update or delete it.`);
    transition(pipe, 'STARTING', transitionDelayMs, (copy) => {
      copy.desiredState = 'RUNNING';
      copy.lastModifiedTime = clock();
    });
    return jsonResponse(summary(pipe));
  }

  function stopPipe(pipe: PipeRecord): SandboxResponse {
    requireSettled(pipe, 'stop');
    if (pipe.currentState !== 'RUNNING' && pipe.currentState !== 'STOP_FAILED') throw conflict(pipe, `Pipe ${pipe.name} is not RUNNING; it is ${pipe.currentState}.`);
    transition(pipe, 'STOPPING', transitionDelayMs, (copy) => {
      copy.desiredState = 'STOPPED';
      copy.lastModifiedTime = clock();
    });
    return jsonResponse(summary(pipe));
  }

  function deletePipe(pipe: PipeRecord): SandboxResponse {
    requireSettled(pipe, 'delete');
    transition(pipe, 'DELETING', transitionDelayMs, (copy) => (copy.lastModifiedTime = clock()));
    return jsonResponse(summary(pipe, 'DELETED'));
  }

  /** A pipe by ARN for the tag calls: another account's pipe is refused as AWS refuses a call no resource policy opens. */
  function pipeByArn(account: string, arn: string, action: string): PipeRecord {
    const match = /^arn:aws:pipes:([^:]+):(\d{12}):pipe\/(.+)$/.exec(arn);
    if (match && accountInArn(arn) !== account) throw new RestJsonError(403, 'AccessDeniedException', crossAccountDenied(account, `pipes:${action}`, arn));
    const pipe = match ? table.get(account, match[1]!, match[3]!) : undefined;
    if (!pipe) throw new RestJsonError(404, 'NotFoundException', `Resource ${arn} does not exist.`);
    return pipe;
  }

  function route(req: SandboxRequest): SandboxResponse {
    const url = new URL(req.url, 'http://sandbox');
    const path = url.pathname;
    const body = req.body.length > 0 ? parseBody(req.body) : {};
    const account = accountOf(req);
    if (path === '/v1/pipes' || path === '/v1/pipes/') {
      if (req.method === 'GET') return listPipesResponse(account, req.region, url.searchParams);
      throw methodNotAllowed(req);
    }
    const pipeMatch = /^\/v1\/pipes\/([^/]+)(\/(start|stop))?$/.exec(path);
    if (pipeMatch) {
      const name = decodePathSegment(pipeMatch[1]!, 'name');
      const action = pipeMatch[3];
      if (action === undefined && req.method === 'POST') return createPipe(account, req.region, name, body);
      if (!PIPE_NAME_PATTERN.test(name) || name.length > 64) {
        const problems = new ProblemList();
        checkPipeName(problems, name);
        throwIfProblems(problems);
      }
      const pipe = find(account, req.region, name);
      if (action === 'start' && req.method === 'POST') return startPipe(pipe);
      if (action === 'stop' && req.method === 'POST') return stopPipe(pipe);
      if (action === undefined && req.method === 'GET') return describePipe(pipe);
      if (action === undefined && req.method === 'PUT') return updatePipe(pipe, body);
      if (action === undefined && req.method === 'DELETE') return deletePipe(pipe);
      throw methodNotAllowed(req);
    }
    const tagsMatch = /^\/tags\/(.+)$/.exec(path);
    if (tagsMatch) {
      const action = req.method === 'GET' ? 'ListTagsForResource' : req.method === 'POST' ? 'TagResource' : 'UntagResource';
      const pipe = pipeByArn(account, decodePathSegment(tagsMatch[1]!, 'resourceArn'), action);
      if (req.method === 'GET') return jsonResponse({ tags: pipe.tags });
      if (req.method === 'POST') {
        const problems = new ProblemList();
        const tags = checkTags(problems, body.tags);
        if (Object.keys(tags).length === 0 && problems.problems.length === 0) problems.add('tags', "Value null at 'tags' failed to satisfy constraint: Member must not be null");
        if (Object.keys({ ...pipe.tags, ...tags }).length > 50) problems.add('tags', 'A pipe can have at most 50 tags.');
        throwIfProblems(problems);
        save(pipe, (copy) => Object.assign(copy.tags, tags));
        return jsonResponse({});
      }
      if (req.method === 'DELETE') {
        save(pipe, (copy) => {
          for (const tagKey of url.searchParams.getAll('tagKeys')) delete copy.tags[tagKey];
        });
        return jsonResponse({});
      }
      throw methodNotAllowed(req);
    }
    throw new RestJsonError(404, 'UnknownOperationException', `The sandbox's Pipes service has no ${req.method} ${path}.`);
  }

  return {
    name: 'Pipes',
    claims(req: SandboxRequest): boolean {
      const path = req.url.split('?')[0] ?? '';
      if (req.service !== 'pipes' && req.service !== '') return false;
      return path === '/v1/pipes' || path.startsWith('/v1/pipes/') || (req.service === 'pipes' && path.startsWith('/tags/'));
    },
    handle(req: SandboxRequest): Promise<SandboxResponse> {
      // Synchronous work behind the router's asynchronous contract; a throw still rejects.
      return new Promise((resolve) => {
        try {
          resolve(route(req));
        } catch (error) {
          if (error instanceof RestJsonError) resolve(error.toResponse());
          else throw error;
        }
      });
    },
    stop(): Promise<void> {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return Promise.resolve();
    },
    getPipe: (account, region, name) => table.get(account, region, name),
    listPipes: () => table.all(),
    resume() {
      for (const pipe of table.all()) {
        if (TRANSITIONAL.has(pipe.currentState)) scheduleSettle(pipe);
        else options.onStateChange?.(pipe, { deleted: false });
      }
    },
    locate(kind: LocatableKind, name: string): LocatedResource[] {
      if (kind !== 'pipe') return [];
      return table.all().filter((pipe) => pipe.name === name).map((pipe) => ({ account: pipe.account, region: pipe.region }));
    },
  };
}

function failedStateOf(state: PipeState): PipeState {
  switch (state) {
    case 'CREATING':
      return 'CREATE_FAILED';
    case 'STARTING':
      return 'START_FAILED';
    case 'STOPPING':
      return 'STOP_FAILED';
    case 'DELETING':
      return 'DELETE_FAILED';
    default:
      return 'UPDATE_FAILED';
  }
}

function conflict(pipe: PipeRecord, message: string): RestJsonError {
  return new RestJsonError(409, 'ConflictException', message, { resourceId: pipe.name, resourceType: 'pipe' });
}

/** A path segment's percent escapes; a malformed one (`%E0%A4%A`) is the caller's mistake, answered 400 as AWS does, not a 500. */
function decodePathSegment(segment: string, field: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RestJsonError(400, 'ValidationException', `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must be a valid percent-encoded string`, {
      fieldList: [{ name: field, message: 'Member must be a valid percent-encoded string' }],
    });
  }
}

function methodNotAllowed(req: SandboxRequest): RestJsonError {
  return new RestJsonError(405, 'UnknownOperationException', `The sandbox's Pipes service does not accept ${req.method} ${req.url.split('?')[0]}.`);
}

function throwIfProblems(problems: ProblemList): void {
  if (problems.problems.length > 0) throw new RestJsonError(400, 'ValidationException', problems.summary(), { fieldList: problems.problems });
}

function parseBody(body: Buffer): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw new RestJsonError(400, 'ValidationException', 'The request body is not valid JSON.', { fieldList: [] });
  }
  const object = objectOrUndefined(parsed);
  if (!object) throw new RestJsonError(400, 'ValidationException', 'The request body must be a JSON object.', { fieldList: [] });
  return object;
}

function checkTags(problems: ProblemList, value: unknown): Record<string, string> {
  const tags = objectOrUndefined(value);
  if (!tags) return {};
  const entries = Object.entries(tags);
  if (entries.length > 50) problems.add('tags', `Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50`);
  const result: Record<string, string> = {};
  for (const [tagKey, tagValue] of entries) {
    checkString(problems, 'tags.key', tagKey, { min: 1, max: 128 });
    if (checkString(problems, `tags.${tagKey}.member.value`, tagValue, { required: true, max: 256 })) result[tagKey] = tagValue;
  }
  return result;
}

function decodeToken(token: string): number | undefined {
  const match = /^pipes:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  return match ? Number(match[1]) : undefined;
}

function objectOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function objectOrEmpty(value: unknown): Record<string, unknown> {
  return objectOrUndefined(value) ?? {};
}

function optionalStrings<K extends string>(body: Record<string, unknown>, names: Record<string, K>): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {};
  for (const [from, to] of Object.entries(names)) {
    const value = body[from];
    if (typeof value === 'string') result[to] = value;
  }
  return result;
}

function dropUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
