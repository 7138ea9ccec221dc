/**
 * Resource-based policies on streams and consumers (PutResourcePolicy): what lets another account call
 * this stream, as a class stream in the instructor's account needs. Evaluated as IAM does for a
 * cross-account call: an explicit Deny wins, else an Allow whose Principal names the caller's account
 * (its id, `arn:aws:iam::ID:root`, any principal ARN of that account, or "*"), whose Action matches
 * `kinesis:Operation` (wildcards allowed) and whose Resource matches the ARN. Conditions are not
 * evaluated: a statement with a Condition is read as not applying.
 */
import { invalidArgument } from './kinesis-texts.js';

interface Statement {
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Resource?: unknown;
  Condition?: unknown;
}

/** The policy as a list of statements, or an InvalidArgumentException naming what is wrong (our wording). */
export function parsePolicy(text: string): Statement[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw invalidArgument('Policy is not a valid JSON document.');
  }
  const statements = (document as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
  if (list.length === 0 || list.some((s) => typeof s !== 'object' || s === null)) throw invalidArgument('Policy must have at least one Statement.');
  for (const statement of list as Statement[]) {
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') throw invalidArgument('Each policy Statement needs an Effect of Allow or Deny.');
    if (statement.Principal === undefined) throw invalidArgument('Each policy Statement of a resource-based policy needs a Principal.');
    if (statement.Action === undefined) throw invalidArgument('Each policy Statement needs an Action.');
  }
  return list as Statement[];
}

/** True when the policy lets `account` call `kinesis:operation` on `resourceArn`. */
export function policyAllows(policy: string | undefined, account: string, operation: string, resourceArn: string): boolean {
  if (policy === undefined) return false;
  let statements: Statement[];
  try {
    statements = parsePolicy(policy);
  } catch {
    return false;
  }
  const applies = (s: Statement) =>
    s.Condition === undefined && principalMatches(s.Principal, account) && anyMatches(s.Action, `kinesis:${operation}`, true) && (s.Resource === undefined || anyMatches(s.Resource, resourceArn, false));
  if (statements.some((s) => s.Effect === 'Deny' && applies(s))) return false;
  return statements.some((s) => s.Effect === 'Allow' && applies(s));
}

function principalMatches(principal: unknown, account: string): boolean {
  if (principal === '*') return true;
  const aws = (principal as { AWS?: unknown } | null)?.AWS;
  const names = Array.isArray(aws) ? aws : [aws];
  return names.some((name) => name === '*' || name === account || (typeof name === 'string' && name.startsWith(`arn:aws:iam::${account}:`)));
}

/** Actions match case-insensitively, resources case-sensitively; `*` and `?` are wildcards in both. */
function anyMatches(patterns: unknown, value: string, ignoreCase: boolean): boolean {
  const list = Array.isArray(patterns) ? patterns : [patterns];
  return list.some((pattern) => typeof pattern === 'string' && wildcard(pattern, ignoreCase).test(value));
}

function wildcard(pattern: string, ignoreCase: boolean): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '');
}
