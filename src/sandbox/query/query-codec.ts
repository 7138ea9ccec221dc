/**
 * AWS's query protocol, as the sandbox's CloudWatch, IAM and STS speak it: a form-encoded request
 * (`Action=CreateRole&Version=2010-05-08&Tags.member.1.Key=…`, in the body of a POST or the URL of
 * a GET) answered with XML in the service's namespace. One decoder, one XML writer, one escaper.
 */
import type { SandboxRequest, SandboxResponse } from '../sandbox-types.js';

/** A decoded parameter: a string, a `member.N` list, or a nested structure (or `entry.N` map). */
export type QueryValue = string | QueryValue[] | { [name: string]: QueryValue };

/** A decoded query request: the action, the API version and every other parameter, nested. */
export interface QueryRequest {
  action: string | undefined;
  version: string | undefined;
  params: Record<string, QueryValue>;
}

// Keys that would reach Object.prototype when used as property names.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// A list index beyond this is a malformed request, not a reason to allocate a huge array.
const MAX_LIST_INDEX = 10_000;

/**
 * A request's parameters: those in the URL, then those in the body (a body value wins), as AWS
 * reads a query request from either place. See decodeQueryForm for the nesting.
 */
export function readQueryRequest(request: Pick<SandboxRequest, 'url' | 'body'>): QueryRequest {
  const at = request.url.indexOf('?');
  const form = new URLSearchParams(at < 0 ? '' : request.url.slice(at + 1));
  for (const [key, value] of new URLSearchParams(request.body.toString('utf8'))) form.set(key, value);
  return decodeQueryForm(form);
}

/**
 * `A.member.2.B=x` becomes `{ A: [ <hole>, { B: 'x' } ] }`, compacted to `{ A: [{ B: 'x' }] }`;
 * `M.entry.1.key=k&M.entry.1.value=v` becomes `{ M: { k: 'v' } }`. Values stay strings (each
 * service coerces numbers and times); a key naming Object.prototype's members is ignored.
 */
export function decodeQueryForm(form: string | URLSearchParams): QueryRequest {
  const params: Record<string, unknown> = {};
  let action: string | undefined;
  let version: string | undefined;
  for (const [key, value] of typeof form === 'string' ? new URLSearchParams(form) : form) {
    if (key === 'Action') action = value;
    else if (key === 'Version') version = value;
    else setPath(params, pathOf(key), value);
  }
  return { action, version, params: compact(params) as Record<string, QueryValue> };
}

/** The parameter `name` when it is a plain string (not a list or structure). */
export function queryString(params: Record<string, QueryValue>, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/** The parameter `name` as a list; a missing parameter is an empty list. */
export function queryList(params: Record<string, QueryValue>, name: string): QueryValue[] {
  const value = params[name];
  return Array.isArray(value) ? value : [];
}

/** A list index (`member.N`, `entry.N`), kept apart from a structure's field names. */
interface ListStep {
  index: number;
  entry: boolean;
}
type PathStep = string | ListStep;

function pathOf(key: string): PathStep[] {
  const parts = key.split('.');
  const path: PathStep[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if ((part === 'member' || part === 'entry') && next !== undefined && /^\d+$/.test(next)) {
      path.push({ index: Number(next) - 1, entry: part === 'entry' });
      i += 1;
    } else {
      path.push(part);
    }
  }
  return path;
}

// Lists that came from `entry.N` and become maps once compacted.
const ENTRY_LISTS = new WeakSet<unknown[]>();

function setPath(root: Record<string, unknown>, path: PathStep[], value: string): void {
  if (path.some((step) => (typeof step === 'string' ? UNSAFE_KEYS.has(step) : step.index < 0 || step.index > MAX_LIST_INDEX))) return;
  let node: Record<string | number, unknown> = root;
  path.forEach((step, index) => {
    const slot = typeof step === 'string' ? step : step.index;
    if (index === path.length - 1) {
      node[slot] = value;
      return;
    }
    const following = path[index + 1];
    const existing = node[slot];
    if (typeof following === 'object') {
      if (!Array.isArray(existing)) {
        const list: unknown[] = [];
        if (following.entry) ENTRY_LISTS.add(list);
        node[slot] = list;
      }
    } else if (typeof existing !== 'object' || existing === null || Array.isArray(existing)) {
      node[slot] = {};
    }
    node = node[slot] as Record<string | number, unknown>;
  });
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    const entries = value.filter((entry) => entry !== undefined).map(compact);
    return ENTRY_LISTS.has(value) ? mapOf(entries) : entries;
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, compact(entry)]));
  }
  return value;
}

function mapOf(entries: unknown[]): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { key, value } = entry as Record<string, unknown>;
    if (typeof key === 'string' && !UNSAFE_KEYS.has(key)) map[key] = value;
  }
  return map;
}

// --- XML ------------------------------------------------------------------------------------

/** A value to write: scalars become text, arrays `<member>` lists, objects nested elements. */
export type XmlValue = string | number | boolean | Date | XmlValue[] | { [name: string]: XmlValue | undefined };

/** Text or attribute content with the five XML special characters escaped. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** ISO-8601 without milliseconds, as CloudWatch writes `2026-11-22T03:54:00Z`. */
export function xmlTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The elements of `value`, in property order; undefined properties are left out. */
export function xmlElements(value: XmlValue): string {
  if (Array.isArray(value)) return value.map((entry) => `<member>${xmlElements(entry)}</member>`).join('');
  if (value instanceof Date) return xmlTimestamp(value);
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter((entry): entry is [string, XmlValue] => entry[1] !== undefined)
      .map(([name, entry]) => `<${name}>${xmlElements(entry)}</${name}>`)
      .join('');
  }
  return xmlEscape(String(value));
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

function xmlReply(status: number, body: string, requestId: string): SandboxResponse {
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

/**
 * `<ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>`;
 * an action that answers nothing (IAM's DeleteRole) has no Result element. `action` is one the
 * service knows (never the caller's text), so it is a valid element name.
 */
export function queryResponse(namespace: string, action: string, result: Record<string, XmlValue | undefined> | undefined, requestId: string): SandboxResponse {
  return xmlReply(
    200,
    XML_DECLARATION +
      `<${action}Response xmlns="${namespace}">` +
      (result === undefined ? '' : `<${action}Result>${xmlElements(result)}</${action}Result>`) +
      `<ResponseMetadata><RequestId>${xmlEscape(requestId)}</RequestId></ResponseMetadata>` +
      `</${action}Response>\n`,
    requestId,
  );
}

/** What a query-protocol error says: `Sender` (the caller's fault) or `Receiver` (the service's). */
export interface QueryError {
  status: number;
  type: 'Sender' | 'Receiver';
  code: string;
  message: string;
}

/** The query protocol's ErrorResponse, which botocore and the SDKs' query clients parse. */
export function queryErrorResponse(namespace: string, error: QueryError, requestId: string): SandboxResponse {
  return xmlReply(
    error.status,
    XML_DECLARATION +
      `<ErrorResponse xmlns="${namespace}">` +
      `<Error><Type>${error.type}</Type><Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(error.message)}</Message></Error>` +
      `<RequestId>${xmlEscape(requestId)}</RequestId>` +
      '</ErrorResponse>\n',
    requestId,
  );
}
