/**
 * CloudWatch's older wire protocol, still sent by Debian's AWS CLI v2 and boto3:
 * a form-encoded POST (`Action=GetMetricStatistics&Version=2010-08-01&Dimensions.member.1.Name=…`)
 * answered with XML in the `http://monitoring.amazonaws.com/doc/2010-08-01/` namespace.
 */
import type { CloudWatchError } from './cloudwatch-error.js';

export const CLOUDWATCH_XML_NAMESPACE = 'http://monitoring.amazonaws.com/doc/2010-08-01/';
export const CLOUDWATCH_API_VERSION = '2010-08-01';

/** A decoded query request: the action and its parameters as nested objects and lists. */
export interface QueryRequest {
  action: string | undefined;
  version: string | undefined;
  params: Record<string, unknown>;
}

// Keys that would reach Object.prototype when used as property names.
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// A list index beyond this is a malformed request, not a reason to allocate a huge array.
const MAX_LIST_INDEX = 10_000;

/**
 * `A.member.2.B=x` becomes `{ A: [ <hole>, { B: 'x' } ] }`, compacted to `{ A: [{ B: 'x' }] }`.
 * Values stay strings; the operations coerce numbers and times.
 */
export function decodeQueryForm(body: string): QueryRequest {
  const form = new URLSearchParams(body);
  const params: Record<string, unknown> = {};
  let action: string | undefined;
  let version: string | undefined;
  for (const [key, value] of form) {
    if (key === 'Action') action = value;
    else if (key === 'Version') version = value;
    else setPath(params, pathOf(key), value);
  }
  return { action, version, params: compact(params) as Record<string, unknown> };
}

/** True when a form body is a CloudWatch query request (IAM, STS … use other Versions). */
export function isCloudWatchQueryBody(body: string): boolean {
  const form = new URLSearchParams(body);
  return form.has('Action') && form.get('Version') === CLOUDWATCH_API_VERSION;
}

function pathOf(key: string): Array<string | number> {
  const parts = key.split('.');
  const path: Array<string | number> = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if (part === 'member' && next !== undefined && /^\d+$/.test(next)) {
      path.push(Number(next) - 1);
      i += 1;
    } else {
      path.push(part);
    }
  }
  return path;
}

function setPath(root: Record<string, unknown>, path: Array<string | number>, value: string): void {
  if (path.some((step) => (typeof step === 'string' && UNSAFE_KEYS.has(step)) || (typeof step === 'number' && (step < 0 || step > MAX_LIST_INDEX)))) {
    return;
  }
  let node: Record<string | number, unknown> = root;
  path.forEach((step, index) => {
    const isLast = index === path.length - 1;
    if (isLast) {
      node[step] = value;
      return;
    }
    const wantsList = typeof path[index + 1] === 'number';
    const existing = node[step];
    if (typeof existing !== 'object' || existing === null || Array.isArray(existing) !== wantsList) {
      node[step] = wantsList ? [] : {};
    }
    node = node[step] as Record<string | number, unknown>;
  });
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((entry) => entry !== undefined).map(compact);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, compact(entry)]));
  }
  return value;
}

// --- XML ------------------------------------------------------------------------------------

/** A value to serialize: scalars become text, arrays become `<member>` lists, objects nest. */
export type XmlValue = string | number | boolean | Date | XmlValue[] | { [key: string]: XmlValue | undefined };

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** ISO-8601 without milliseconds, as CloudWatch writes `2026-11-22T03:54:00Z`. */
export function xmlTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function xmlText(value: string | number | boolean | Date): string {
  if (value instanceof Date) return xmlTimestamp(value);
  return xmlEscape(String(value));
}

function xmlChildren(value: XmlValue): string {
  if (Array.isArray(value)) return value.map((entry) => `<member>${xmlChildren(entry)}</member>`).join('');
  if (typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value)
      .filter((entry): entry is [string, XmlValue] => entry[1] !== undefined)
      .map(([key, entry]) => `<${key}>${xmlChildren(entry)}</${key}>`)
      .join('');
  }
  return xmlText(value);
}

/** `<ActionResponse xmlns=…><ActionResult>…</ActionResult><ResponseMetadata>…</ResponseMetadata></ActionResponse>` */
export function xmlResponse(action: string, result: Record<string, XmlValue | undefined>, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${action}Response xmlns="${CLOUDWATCH_XML_NAMESPACE}">` +
    `<${action}Result>${xmlChildren(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>\n`
  );
}

/** The query protocol's error body, which botocore and SDK v2/v3 query clients parse. */
export function xmlError(error: CloudWatchError, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<ErrorResponse xmlns="${CLOUDWATCH_XML_NAMESPACE}">` +
    `<Error><Type>${error.fault}</Type><Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId>` +
    '</ErrorResponse>\n'
  );
}
