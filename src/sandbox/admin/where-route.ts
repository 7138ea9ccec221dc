/**
 * The sandbox's one admin route: where else on this sandbox a resource of a given name exists, so the
 * lab can tell a learner "your stream is in another account: your script signs with another key".
 *
 *   GET /kinesis-lab/where?kind=stream|metrics|pipe|role|log-group&name=NAME[&exclude=ACCOUNT]
 *   200 {"found":[{"account":"123456789012","region":"us-east-1","accessKeys":["AKIA…7Q01"],"records":509}]}
 *
 * It looks across every account, which no AWS API does, so it answers only callers on the sandbox's
 * own machine (a loopback address, or in process): on a room sandbox (--host 0.0.0.0) a learner's
 * laptop gets 403 and never sees another learner's resources.
 */
import type { LocatableKind, LocatedResource, SandboxResponse } from '../sandbox-types.js';
import type { AccountKeys } from './account-keys.js';
import { jsonAnswer as json } from './json-answer.js';

export const WHERE_PATH = '/kinesis-lab/where';

const KINDS: readonly LocatableKind[] = ['stream', 'metrics', 'pipe', 'role', 'log-group'];

/** One place the resource is, as the route answers it. */
export interface WhereFound extends LocatedResource {
  /** Access key ids seen signing for that account (a few at most), shortened: `AKIA…7Q01`. */
  accessKeys: string[];
}

export interface WhereAnswer {
  found: WhereFound[];
}

/** True for paths of the admin route (the router hands these to `answerWhere`, before any service). */
export function isAdminPath(url: string): boolean {
  return url.split('?')[0]?.startsWith('/kinesis-lab/') === true;
}

/**
 * @param remoteAddress the caller's address; undefined for a request made in process (trusted).
 * @param locate every locator of the sandbox (the Kinesis engine and the mounted services).
 */
export function answerWhere(url: string, method: string, remoteAddress: string | undefined, locate: (kind: LocatableKind, name: string) => LocatedResource[], keys: AccountKeys): SandboxResponse {
  if (remoteAddress !== undefined && !isLoopbackAddress(remoteAddress)) {
    return json(403, { message: "The kinesis-lab sandbox's admin route answers only on the sandbox's own machine." });
  }
  const parsed = new URL(url, 'http://sandbox');
  if (parsed.pathname !== WHERE_PATH || method !== 'GET') return json(404, { message: `The kinesis-lab sandbox has no admin route ${method} ${parsed.pathname}.` });
  const kind = parsed.searchParams.get('kind') ?? '';
  const name = parsed.searchParams.get('name') ?? '';
  if (!(KINDS as readonly string[]).includes(kind) || name === '') {
    return json(400, { message: `Give kind (${KINDS.join(', ')}) and name.` });
  }
  const exclude = parsed.searchParams.get('exclude');
  const found = locate(kind as LocatableKind, name)
    .filter((place) => place.account !== exclude)
    .map((place) => ({ ...place, accessKeys: keys.keysOf(place.account) }));
  return json(200, { found } satisfies WhereAnswer);
}

function isLoopbackAddress(address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return plain === '::1' || plain.startsWith('127.');
}
