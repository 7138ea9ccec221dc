/**
 * EventBridge event patterns: compile once, match many events. Pure; no I/O.
 *
 * Semantics follow AWS's "Amazon EventBridge event patterns" and "content filtering" guides and
 * the open-source matcher EventBridge is built on (aws/event-ruler):
 * - fields of an object pattern are ANDed; the values in a leaf array are ORed;
 * - an event array matches when any of its elements matches (arrays are "crushed");
 *   fields of one nested pattern must all be satisfied by the same array element;
 * - `null` and `""` are distinct values; numbers compare numerically (300 equals 300.0);
 * - `exists` looks only at leaves: an object value counts as absent;
 * - `$or` takes an array of at least two object patterns, any of which may match.
 */

/** A pattern that cannot be compiled; `path` points at the offending part (`$.detail.state[0]`). */
export class EventPatternError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Invalid event pattern at ${path}: ${reason}`);
    this.name = 'EventPatternError';
  }
}

type Scalar = string | number | boolean | null;

/** One entry of a leaf array, already validated. */
export type ValueMatcher =
  | { kind: 'exact'; value: Scalar }
  | { kind: 'prefix'; value: string; ignoreCase: boolean }
  | { kind: 'suffix'; value: string; ignoreCase: boolean }
  | { kind: 'equals-ignore-case'; value: string }
  | { kind: 'wildcard'; source: string; regex: RegExp }
  | { kind: 'numeric'; lower?: Bound; upper?: Bound }
  | { kind: 'exists'; exists: boolean }
  | { kind: 'cidr'; source: string; family: 4 | 6; network: bigint; mask: bigint }
  | { kind: 'anything-but'; excluded: AnythingBut };

interface Bound {
  value: number;
  inclusive: boolean;
}

/** What `anything-but` excludes. */
type AnythingBut =
  | { kind: 'strings'; values: string[] }
  | { kind: 'numbers'; values: number[] }
  | { kind: 'prefix'; values: string[] }
  | { kind: 'suffix'; values: string[] }
  | { kind: 'equals-ignore-case'; values: string[] }
  | { kind: 'wildcard'; regexes: RegExp[] };

/** A field of an object pattern: either a nested object pattern or a leaf list of matchers. */
type FieldPattern = { kind: 'object'; pattern: CompiledPattern } | { kind: 'leaf'; matchers: ValueMatcher[] };

/** A compiled object pattern: every field must match, and every `$or` group must have a matching branch. */
export interface CompiledPattern {
  fields: ReadonlyMap<string, FieldPattern>;
  orGroups: readonly (readonly CompiledPattern[])[];
}

const OR_KEY = '$or';
/** Operator names that cannot be field names directly inside a `$or` branch (event-ruler rejects them). */
const OPERATOR_NAMES = new Set(['prefix', 'suffix', 'equals-ignore-case', 'wildcard', 'anything-but', 'numeric', 'exists', 'cidr']);

/**
 * Compiles a pattern given as a JSON string or an already-parsed object.
 * @throws EventPatternError with the JSON path of the first problem.
 */
export function compileEventPattern(pattern: unknown): CompiledPattern {
  let value = pattern;
  if (typeof pattern === 'string') {
    try {
      value = JSON.parse(pattern) as unknown;
    } catch (error) {
      throw new EventPatternError('$', `not valid JSON (${(error as Error).message})`);
    }
  }
  if (!isPlainObject(value)) throw new EventPatternError('$', 'the pattern must be a JSON object');
  return compileObject(value, '$', false);
}

/** True when the event (any JSON value, usually an object) matches the compiled pattern. */
export function matchesEventPattern(compiled: CompiledPattern, event: unknown): boolean {
  return matchObject(compiled, event);
}

/** Top-level field names the pattern constrains, including those inside top-level `$or` branches. */
export function topLevelFields(compiled: CompiledPattern): Set<string> {
  const names = new Set(compiled.fields.keys());
  for (const group of compiled.orGroups) for (const branch of group) for (const name of topLevelFields(branch)) names.add(name);
  return names;
}

// ---------------------------------------------------------------------------------------------
// Compiling

function compileObject(source: Record<string, unknown>, path: string, insideOr: boolean): CompiledPattern {
  const keys = Object.keys(source);
  if (keys.length === 0) throw new EventPatternError(path, 'empty objects are not allowed');
  const fields = new Map<string, FieldPattern>();
  const orGroups: CompiledPattern[][] = [];
  for (const key of keys) {
    const value = source[key];
    const fieldPath = childPath(path, key);
    if (key === OR_KEY) {
      orGroups.push(compileOr(value, fieldPath));
      continue;
    }
    if (insideOr && OPERATOR_NAMES.has(key)) {
      throw new EventPatternError(fieldPath, `"${key}" is an operator and cannot be a field name inside $or`);
    }
    if (Array.isArray(value)) fields.set(key, { kind: 'leaf', matchers: compileLeaf(value, fieldPath) });
    else if (isPlainObject(value)) fields.set(key, { kind: 'object', pattern: compileObject(value, fieldPath, insideOr) });
    else throw new EventPatternError(fieldPath, `"${key}" must be an object or an array, not ${describe(value)}`);
  }
  return { fields, orGroups };
}

function compileOr(value: unknown, path: string): CompiledPattern[] {
  if (!Array.isArray(value)) throw new EventPatternError(path, '$or must be followed by an array of objects');
  if (value.length < 2) throw new EventPatternError(path, '$or needs at least 2 objects');
  return value.map((branch, index) => {
    const branchPath = `${path}[${index}]`;
    if (!isPlainObject(branch)) throw new EventPatternError(branchPath, 'only JSON objects are allowed in a $or array');
    return compileObject(branch, branchPath, true);
  });
}

function compileLeaf(values: unknown[], path: string): ValueMatcher[] {
  if (values.length === 0) throw new EventPatternError(path, 'empty arrays are not allowed');
  return values.map((value, index) => {
    const itemPath = `${path}[${index}]`;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return { kind: 'exact', value };
    if (typeof value === 'number') return { kind: 'exact', value };
    if (isPlainObject(value)) return compileOperator(value, itemPath);
    throw new EventPatternError(itemPath, `a match value must be a string, number, true, false, null or an operator object, not ${describe(value)}`);
  });
}

function compileOperator(source: Record<string, unknown>, path: string): ValueMatcher {
  const keys = Object.keys(source);
  if (keys.length !== 1) throw new EventPatternError(path, `an operator object needs exactly one key, found ${keys.length}`);
  const operator = keys[0]!;
  const argument = source[operator];
  const argPath = childPath(path, operator);
  switch (operator) {
    case 'prefix':
    case 'suffix': {
      const ignoreCase = isPlainObject(argument);
      const value = ignoreCase ? ignoreCaseArgument(argument, argPath) : argument;
      if (typeof value !== 'string') throw new EventPatternError(argPath, `${operator} must be a string or {"equals-ignore-case": string}`);
      return { kind: operator, value, ignoreCase };
    }
    case 'equals-ignore-case':
      if (typeof argument !== 'string') throw new EventPatternError(argPath, 'equals-ignore-case must be a string');
      return { kind: 'equals-ignore-case', value: argument };
    case 'wildcard':
      if (typeof argument !== 'string') throw new EventPatternError(argPath, 'wildcard must be a string');
      return { kind: 'wildcard', source: argument, regex: wildcardRegex(argument, argPath) };
    case 'numeric':
      return compileNumeric(argument, argPath);
    case 'exists':
      if (typeof argument !== 'boolean') throw new EventPatternError(argPath, 'exists must be true or false');
      return { kind: 'exists', exists: argument };
    case 'cidr':
      if (typeof argument !== 'string') throw new EventPatternError(argPath, 'cidr must be a string such as "10.0.0.0/24"');
      return compileCidr(argument, argPath);
    case 'anything-but':
      return { kind: 'anything-but', excluded: compileAnythingBut(argument, argPath) };
    default:
      throw new EventPatternError(path, `unrecognized match type "${operator}"`);
  }
}

function ignoreCaseArgument(argument: Record<string, unknown>, path: string): unknown {
  const keys = Object.keys(argument);
  if (keys.length !== 1 || keys[0] !== 'equals-ignore-case') {
    throw new EventPatternError(path, 'only {"equals-ignore-case": string} may be nested here');
  }
  return argument['equals-ignore-case'];
}

function compileAnythingBut(argument: unknown, path: string): AnythingBut {
  if (typeof argument === 'string') return { kind: 'strings', values: [argument] };
  if (typeof argument === 'number') return { kind: 'numbers', values: [argument] };
  if (Array.isArray(argument)) {
    if (argument.length === 0) throw new EventPatternError(path, 'anything-but needs at least one value');
    if (argument.every((v): v is string => typeof v === 'string')) return { kind: 'strings', values: argument };
    if (argument.every((v): v is number => typeof v === 'number')) return { kind: 'numbers', values: argument };
    throw new EventPatternError(path, 'inside an anything-but list, values must be all strings or all numbers');
  }
  if (isPlainObject(argument)) {
    const keys = Object.keys(argument);
    const nested = keys[0];
    if (keys.length !== 1 || nested === undefined) throw new EventPatternError(path, 'anything-but takes an object with exactly one key');
    const nestedPath = childPath(path, nested);
    if (!['prefix', 'suffix', 'equals-ignore-case', 'wildcard'].includes(nested)) {
      throw new EventPatternError(nestedPath, `unsupported anything-but pattern "${nested}"`);
    }
    const raw = argument[nested];
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.length === 0 || !list.every((v): v is string => typeof v === 'string')) {
      throw new EventPatternError(nestedPath, `anything-but ${nested} must be a string or a list of strings`);
    }
    switch (nested) {
      case 'prefix':
      case 'suffix':
        if (list.some((v) => v === '')) throw new EventPatternError(nestedPath, `an empty ${nested} is not allowed in anything-but`);
        return { kind: nested, values: list };
      case 'equals-ignore-case':
        return { kind: 'equals-ignore-case', values: list };
      default:
        return { kind: 'wildcard', regexes: list.map((v) => wildcardRegex(v, nestedPath)) };
    }
  }
  throw new EventPatternError(path, 'anything-but must be a string, a number, a list, or an object such as {"prefix": "init"}');
}

const LOWER_OPS = new Set(['>', '>=']);
const UPPER_OPS = new Set(['<', '<=']);

function compileNumeric(argument: unknown, path: string): ValueMatcher {
  if (!Array.isArray(argument)) throw new EventPatternError(path, 'numeric must be an array such as [">", 0, "<=", 5]');
  const [op1, n1, op2, n2, ...rest] = argument as unknown[];
  const needNumber = (op: unknown, n: unknown, at: number): number => {
    if (typeof n !== 'number' || !Number.isFinite(n)) throw new EventPatternError(`${path}[${at}]`, `value of ${String(op)} must be a number`);
    return n;
  };
  if (typeof op1 !== 'string') throw new EventPatternError(`${path}[0]`, 'numeric must start with an operator: =, <, <=, >, >=');
  if (op1 === '=') {
    const value = needNumber(op1, n1, 1);
    if (argument.length > 2) throw new EventPatternError(path, 'too many elements in numeric expression');
    return { kind: 'numeric', lower: { value, inclusive: true }, upper: { value, inclusive: true } };
  }
  if (UPPER_OPS.has(op1)) {
    const value = needNumber(op1, n1, 1);
    if (argument.length > 2) throw new EventPatternError(path, 'too many elements in numeric expression (put the lower bound first)');
    return { kind: 'numeric', upper: { value, inclusive: op1 === '<=' } };
  }
  if (!LOWER_OPS.has(op1)) throw new EventPatternError(`${path}[0]`, `unrecognized numeric operator "${op1}"`);
  const lower: Bound = { value: needNumber(op1, n1, 1), inclusive: op1 === '>=' };
  if (argument.length === 2) return { kind: 'numeric', lower };
  if (typeof op2 !== 'string' || !UPPER_OPS.has(op2)) throw new EventPatternError(`${path}[2]`, `bad numeric range operator ${JSON.stringify(op2)}; expected < or <=`);
  const upper: Bound = { value: needNumber(op2, n2, 3), inclusive: op2 === '<=' };
  if (rest.length > 0) throw new EventPatternError(path, 'too many terms in numeric range expression');
  if (!(lower.value < upper.value)) throw new EventPatternError(path, 'the lower bound must be less than the upper bound');
  return { kind: 'numeric', lower, upper };
}

/** `*` matches any run of characters; `\*` is a literal star and `\\` a literal backslash; `**` is refused. */
function wildcardRegex(source: string, path: string): RegExp {
  let out = '';
  let previousStar = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1];
      if (next !== '*' && next !== '\\') throw new EventPatternError(path, `invalid escape in wildcard "${source}": only \\* and \\\\ are allowed`);
      out += escapeRegex(next);
      i++;
      previousStar = false;
    } else if (ch === '*') {
      if (previousStar) throw new EventPatternError(path, `consecutive wildcard characters are not allowed in "${source}"`);
      out += '[\\s\\S]*';
      previousStar = true;
    } else {
      out += escapeRegex(ch);
      previousStar = false;
    }
  }
  return new RegExp(`^${out}$`, 'u');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function compileCidr(source: string, path: string): ValueMatcher {
  const slash = source.indexOf('/');
  const bad = (): never => {
    throw new EventPatternError(path, `"${source}" is not a valid CIDR block`);
  };
  if (slash < 0) return bad();
  const address = parseIp(source.slice(0, slash));
  const bitsText = source.slice(slash + 1);
  if (address === undefined || !/^\d{1,3}$/.test(bitsText)) return bad();
  const bits = Number(bitsText);
  const width = address.family === 4 ? 32 : 128;
  // event-ruler refuses a mask as wide as the address (a single host): "IPv4 mask bits must be < 32".
  if (bits >= width) throw new EventPatternError(path, `"${source}" is not a valid CIDR block: IPv${address.family} mask bits must be < ${width}`);
  const all = (1n << BigInt(width)) - 1n;
  const mask = bits === 0 ? 0n : (all << BigInt(width - bits)) & all;
  return { kind: 'cidr', source, family: address.family, network: address.value & mask, mask };
}

function parseIp(text: string): { family: 4 | 6; value: bigint } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { family: 4, value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  if (!text.includes(':') || !/^[0-9a-fA-F:]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return { family: 6, value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

// ---------------------------------------------------------------------------------------------
// Matching

function matchObject(pattern: CompiledPattern, value: unknown): boolean {
  // An array of objects matches when one element satisfies the whole object pattern, so that
  // fields taken from different elements never combine into a match (event-ruler's array consistency).
  if (Array.isArray(value)) {
    const objects = flatten(value).filter(isPlainObject);
    if (objects.length === 0) return matchObjectAt(pattern, undefined);
    return objects.some((element) => matchObjectAt(pattern, element));
  }
  return matchObjectAt(pattern, isPlainObject(value) ? value : undefined);
}

function matchObjectAt(pattern: CompiledPattern, object: Record<string, unknown> | undefined): boolean {
  for (const [key, field] of pattern.fields) {
    const child = object === undefined || !Object.hasOwn(object, key) ? undefined : object[key];
    if (field.kind === 'object') {
      if (!matchObject(field.pattern, child)) return false;
    } else if (!matchLeaf(field.matchers, leafValues(child))) {
      return false;
    }
  }
  return pattern.orGroups.every((group) => group.some((branch) => matchObjectAt(branch, object)));
}

/** Scalars found at a leaf; objects are not leaves and arrays contribute their scalar elements. */
function leafValues(value: unknown): Scalar[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return flatten(value).filter(isScalar);
  return isScalar(value) ? [value] : [];
}

function matchLeaf(matchers: readonly ValueMatcher[], values: readonly Scalar[]): boolean {
  return matchers.some((matcher) => {
    if (matcher.kind === 'exists') return matcher.exists === values.length > 0;
    return values.some((value) => matchValue(matcher, value));
  });
}

function matchValue(matcher: Exclude<ValueMatcher, { kind: 'exists' }>, value: Scalar): boolean {
  switch (matcher.kind) {
    case 'exact':
      return value === matcher.value;
    case 'prefix':
      return typeof value === 'string' && (matcher.ignoreCase ? lower(value).startsWith(lower(matcher.value)) : value.startsWith(matcher.value));
    case 'suffix':
      return typeof value === 'string' && (matcher.ignoreCase ? lower(value).endsWith(lower(matcher.value)) : value.endsWith(matcher.value));
    case 'equals-ignore-case':
      return typeof value === 'string' && lower(value) === lower(matcher.value);
    case 'wildcard':
      return typeof value === 'string' && matcher.regex.test(value);
    case 'numeric':
      return typeof value === 'number' && inRange(value, matcher.lower, matcher.upper);
    case 'cidr':
      return typeof value === 'string' && inCidr(matcher, value);
    case 'anything-but':
      return matchAnythingBut(matcher.excluded, value);
  }
}

/**
 * `anything-but` is a value matcher: it never matches a missing field. A list of strings excludes
 * those strings and lets any other value (numbers, booleans, null) through; a list of numbers
 * applies to numbers only; the prefix/suffix/ignore-case/wildcard forms apply to strings only.
 */
function matchAnythingBut(excluded: AnythingBut, value: Scalar): boolean {
  switch (excluded.kind) {
    case 'strings':
      return typeof value !== 'string' || !excluded.values.includes(value);
    case 'numbers':
      return typeof value === 'number' && !excluded.values.includes(value);
    case 'prefix':
      return typeof value === 'string' && !excluded.values.some((p) => value.startsWith(p));
    case 'suffix':
      return typeof value === 'string' && !excluded.values.some((s) => value.endsWith(s));
    case 'equals-ignore-case':
      return typeof value === 'string' && !excluded.values.some((v) => lower(v) === lower(value));
    case 'wildcard':
      return typeof value === 'string' && !excluded.regexes.some((r) => r.test(value));
  }
}

function inRange(value: number, lowerBound: Bound | undefined, upperBound: Bound | undefined): boolean {
  if (lowerBound && (lowerBound.inclusive ? value < lowerBound.value : value <= lowerBound.value)) return false;
  if (upperBound && (upperBound.inclusive ? value > upperBound.value : value >= upperBound.value)) return false;
  return true;
}

function inCidr(matcher: Extract<ValueMatcher, { kind: 'cidr' }>, text: string): boolean {
  const address = parseIp(text);
  return address?.family === matcher.family && (address.value & matcher.mask) === matcher.network;
}

// ---------------------------------------------------------------------------------------------

function lower(text: string): string {
  return text.toLowerCase();
}

function flatten(values: readonly unknown[]): unknown[] {
  return values.flatMap((v) => (Array.isArray(v) ? flatten(v) : [v]));
}

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON path of a field: `$.detail.state`, or `$.s[0]["anything-but"]` for names that need quoting. */
export function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
