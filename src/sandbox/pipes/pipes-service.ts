/**
 * The EventBridge Pipes API (REST-JSON, signing name `pipes`) on the sandbox endpoint:
 * CreatePipe, DescribePipe, ListPipes, UpdatePipe, DeletePipe, StartPipe, StopPipe and the tag
 * calls. Pipes go through AWS's states (CREATING → RUNNING/STOPPED, STARTING, STOPPING,
 * UPDATING, DELETING, *_FAILED) after short, configurable delays; a pipe whose stream or role
 * the sandbox does not know ends in CREATE_FAILED with a StateReason, as on AWS.
 */
import { accountOf } from '../sandbox-accounts.js';
import type { LocatableKind, LocatedResource, SandboxRequest, SandboxResponse, SandboxService } from '../sandbox-types.js';
import { PIPE_NAME_PATTERN, ProblemList, checkPipeName } from './pipe-validation.js';
import { PipeLifecycle } from './pipe-lifecycle.js';
import { describePipe, listPipes } from './pipe-read-requests.js';
import { decodePathSegment, parseBody, throwIfProblems } from './pipe-request-body.js';
import { PipeTable, type PipeChange, type PipeRecord } from './pipe-table.js';
import { createPipe, deletePipe, findPipe, pipeByArn, startPipe, stopPipe, tagPipe, untagPipe, updatePipe } from './pipe-write-requests.js';
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

export function createPipesService(options: PipesServiceOptions = {}): PipesService {
  const table = options.table ?? new PipeTable();
  const life = new PipeLifecycle({
    clock: options.clock ?? Date.now,
    creatingDelayMs: options.creatingDelayMs ?? 3000,
    transitionDelayMs: options.transitionDelayMs ?? 1000,
    checkResources: options.checkResources ?? (() => Promise.resolve(undefined)),
    onStateChange: options.onStateChange,
    table,
    commit: options.commit ?? ((change: PipeChange) => table.apply(change)),
  });
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
          resolve(route(life, req));
        } catch (error) {
          if (error instanceof RestJsonError) resolve(error.toResponse());
          else throw error;
        }
      });
    },
    stop(): Promise<void> {
      life.stop();
      return Promise.resolve();
    },
    getPipe: (account, region, name) => table.get(account, region, name),
    listPipes: () => table.all(),
    resume: () => life.resume(),
    locate(kind: LocatableKind, name: string): LocatedResource[] {
      if (kind !== 'pipe') return [];
      return table.all().filter((pipe) => pipe.name === name).map((pipe) => ({ account: pipe.account, region: pipe.region }));
    },
  };
}

/** Picks the call from the method and path, as Pipes' REST routes do. */
function route(life: PipeLifecycle, req: SandboxRequest): SandboxResponse {
  const url = new URL(req.url, 'http://sandbox');
  const path = url.pathname;
  const body = req.body.length > 0 ? parseBody(req.body) : {};
  const account = accountOf(req);
  if (path === '/v1/pipes' || path === '/v1/pipes/') {
    if (req.method === 'GET') return listPipes(life.table, account, req.region, url.searchParams);
    throw methodNotAllowed(req);
  }
  const pipeMatch = /^\/v1\/pipes\/([^/]+)(\/(start|stop))?$/.exec(path);
  if (pipeMatch) return routePipe(life, req, account, decodePathSegment(pipeMatch[1]!, 'name'), pipeMatch[3], body);
  const tagsMatch = /^\/tags\/(.+)$/.exec(path);
  if (tagsMatch) return routeTags(life, req, account, decodePathSegment(tagsMatch[1]!, 'resourceArn'), url, body);
  throw new RestJsonError(404, 'UnknownOperationException', `The sandbox's Pipes service has no ${req.method} ${path}.`);
}

/** `/v1/pipes/{name}` and its `/start` and `/stop`. */
function routePipe(life: PipeLifecycle, req: SandboxRequest, account: string, name: string, action: string | undefined, body: Record<string, unknown>): SandboxResponse {
  if (action === undefined && req.method === 'POST') return createPipe(life, account, req.region, name, body);
  if (!PIPE_NAME_PATTERN.test(name) || name.length > 64) {
    const problems = new ProblemList();
    checkPipeName(problems, name);
    throwIfProblems(problems);
  }
  const pipe = findPipe(life, account, req.region, name);
  if (action === 'start' && req.method === 'POST') return startPipe(life, pipe);
  if (action === 'stop' && req.method === 'POST') return stopPipe(life, pipe);
  if (action === undefined && req.method === 'GET') return describePipe(pipe);
  if (action === undefined && req.method === 'PUT') return updatePipe(life, pipe, body);
  if (action === undefined && req.method === 'DELETE') return deletePipe(life, pipe);
  throw methodNotAllowed(req);
}

/** `/tags/{arn}`: ListTagsForResource, TagResource, UntagResource. */
function routeTags(life: PipeLifecycle, req: SandboxRequest, account: string, arn: string, url: URL, body: Record<string, unknown>): SandboxResponse {
  const action = req.method === 'GET' ? 'ListTagsForResource' : req.method === 'POST' ? 'TagResource' : 'UntagResource';
  const pipe = pipeByArn(life, account, arn, action);
  if (req.method === 'GET') return jsonResponse({ tags: pipe.tags });
  if (req.method === 'POST') return tagPipe(life, pipe, body);
  if (req.method === 'DELETE') return untagPipe(life, pipe, url.searchParams.getAll('tagKeys'));
  throw methodNotAllowed(req);
}

function methodNotAllowed(req: SandboxRequest): RestJsonError {
  return new RestJsonError(405, 'UnknownOperationException', `The sandbox's Pipes service does not accept ${req.method} ${req.url.split('?')[0]}.`);
}
