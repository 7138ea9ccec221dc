/**
 * Reading a Pipes REST-JSON request: its JSON body, path segments and optional fields, and the
 * 400 ValidationException that answers what a caller got wrong.
 */
import type { ProblemList } from './pipe-validation.js';
import { checkString } from './pipe-validation.js';
import { RestJsonError } from './rest-json-response.js';

export function throwIfProblems(problems: ProblemList): void {
  if (problems.problems.length > 0) throw new RestJsonError(400, 'ValidationException', problems.summary(), { fieldList: problems.problems });
}

/** A path segment's percent escapes; a malformed one (`%E0%A4%A`) is the caller's mistake, answered 400 as AWS does, not a 500. */
export function decodePathSegment(segment: string, field: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new RestJsonError(400, 'ValidationException', `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must be a valid percent-encoded string`, {
      fieldList: [{ name: field, message: 'Member must be a valid percent-encoded string' }],
    });
  }
}

export function parseBody(body: Buffer): Record<string, unknown> {
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

export function checkTags(problems: ProblemList, value: unknown): Record<string, string> {
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

export function objectOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function objectOrEmpty(value: unknown): Record<string, unknown> {
  return objectOrUndefined(value) ?? {};
}

export function optionalStrings<K extends string>(body: Record<string, unknown>, names: Record<string, K>): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {};
  for (const [from, to] of Object.entries(names)) {
    const value = body[from];
    if (typeof value === 'string') result[to] = value;
  }
  return result;
}

export function dropUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
