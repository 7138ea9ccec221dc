/**
 * What a learner passes to `--class`, read without calling anything:
 *
 * - `192.168.1.20:4567/K7QM-R3XP` (or `http://…/K7QM-R3XP`, or `K7QM-R3XP` with the endpoint given
 *   another way): a class on a room sandbox; the sandbox's class registry says which stream it is.
 * - `X7KQ-M3PW-R9TZ`: a class on AWS; the code itself holds the class stream's account, region and
 *   name (aws-class-code.ts).
 * - `KL1-eyJz…`: the long base64 JSON code of earlier versions. Those for AWS still work; those for a
 *   sandbox are refused, since they put every learner in one account.
 *
 * Short codes are case-insensitive and carry a check character (class-code.ts); nothing in any code is
 * secret: anyone with it may post progress events, which is what it is for.
 */
import { awsClassArn, decodeAwsClass } from './aws-class-code.js';
import { checkCode, ROOM_CODE_LENGTH, type CodeProblem } from '../shared/class-code.js';

export interface ClassLocation {
  stream: string;
  region: string;
  /** The class stream's ARN: a learner's PutRecord names the instructor's stream by it, across accounts. */
  arn?: string;
  /** Present for a class on a sandbox served to the room. */
  endpoint?: string;
}

export type JoinTarget =
  /** A room sandbox's class: `endpoint` when the code came with its address. */
  | { kind: 'room'; code: string; endpoint?: string }
  /** Where the class is, known from the code alone (a short AWS code, or a long code for AWS). */
  | { kind: 'located'; code: string; location: ClassLocation };

/** Why a `--class` value cannot be used; the CLI words each (classroom-messages.ts). */
export type JoinProblem = CodeProblem | 'no-class' | 'legacy-room' | 'legacy-damaged' | 'address';

export type ReadJoinCode = { ok: true; value: JoinTarget } | { ok: false; problem: JoinProblem };

const LEGACY_PREFIX = 'KL1-';

export function readJoinCode(text: string): ReadJoinCode {
  const trimmed = text.trim();
  if (trimmed.startsWith(LEGACY_PREFIX)) return readLegacy(trimmed.slice(LEGACY_PREFIX.length));
  const slash = trimmed.lastIndexOf('/');
  const endpoint = slash < 0 ? undefined : roomEndpoint(trimmed.slice(0, slash));
  if (endpoint === null) return { ok: false, problem: 'address' };
  const checked = checkCode(slash < 0 ? trimmed : trimmed.slice(slash + 1));
  if (!checked.ok) return checked;
  const { code } = checked;
  if (code.length === ROOM_CODE_LENGTH) return { ok: true, value: { kind: 'room', code, ...(endpoint ? { endpoint } : {}) } };
  // A 12-character code is a class on AWS: an address in front of it is a mix-up.
  const aws = endpoint ? undefined : decodeAwsClass(code);
  if (!aws) return { ok: false, problem: endpoint ? 'address' : 'no-class' };
  return { ok: true, value: { kind: 'located', code, location: { stream: aws.stream, region: aws.region, arn: awsClassArn(aws) } } };
}

/** `http://192.168.1.20:4567` from `192.168.1.20:4567` or a URL with nothing after its port; null when it is neither. */
function roomEndpoint(address: string): string | null {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(address) ? address : `http://${address}`);
  } catch {
    return null;
  }
  if (url.hostname === '' || url.username !== '' || url.password !== '' || (url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') return null;
  return url.origin;
}

function readLegacy(body: string): ReadJoinCode {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'legacy-damaged' };
  }
  const b = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (typeof b.s !== 'string' || typeof b.r !== 'string' || !/^[a-zA-Z0-9_.-]{1,128}$/.test(b.s) || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(b.r)) {
    return { ok: false, problem: 'legacy-damaged' };
  }
  // A room sandbox's long code has its endpoint and no ARN: every learner would share one account.
  if (b.e !== undefined) return { ok: false, problem: 'legacy-room' };
  const location: ClassLocation = { stream: b.s, region: b.r };
  if (typeof b.a === 'string' && b.a.startsWith('arn:')) location.arn = b.a;
  return { ok: true, value: { kind: 'located', code: LEGACY_PREFIX + body, location } };
}

/** The long code of a class stream whose name or region has no short code (AWS only). */
export function encodeLongCode(location: { stream: string; region: string; arn: string }): string {
  return LEGACY_PREFIX + Buffer.from(JSON.stringify({ s: location.stream, r: location.region, a: location.arn }), 'utf8').toString('base64url');
}
