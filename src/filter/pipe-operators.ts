/**
 * The comparison operators EventBridge Pipes leaves out of its filters. The EventBridge user guide's
 * table "Comparison operators for use in event patterns" marks, under "Pipe support", anything-but
 * with a prefix, a suffix, equals-ignore-case or a wildcard, and the wildcard operator itself, as
 * not supported in pipes (the event bus supports them). Pure; no I/O.
 */
import { childPath, EventPatternError } from './event-pattern.js';

const NESTED_IN_ANYTHING_BUT = new Set(['prefix', 'suffix', 'equals-ignore-case', 'wildcard']);

/** Throws EventPatternError at the first operator a pipe filter may not use; `pattern` is parsed JSON. */
export function assertPipeOperators(pattern: unknown, path = '$'): void {
  if (typeof pattern !== 'object' || pattern === null || Array.isArray(pattern)) return;
  for (const [key, value] of Object.entries(pattern as Record<string, unknown>)) {
    const fieldPath = childPath(path, key);
    if (key === '$or' && Array.isArray(value)) value.forEach((branch, index) => assertPipeOperators(branch, `${fieldPath}[${index}]`));
    else if (Array.isArray(value)) value.forEach((item, index) => assertLeafOperator(item, `${fieldPath}[${index}]`));
    else assertPipeOperators(value, fieldPath);
  }
}

function assertLeafOperator(item: unknown, path: string): void {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
  const operator = item as Record<string, unknown>;
  if ('wildcard' in operator) throw new EventPatternError(childPath(path, 'wildcard'), 'wildcard is not supported in EventBridge Pipes filters (only on event buses)');
  const excluded = operator['anything-but'];
  if (typeof excluded !== 'object' || excluded === null || Array.isArray(excluded)) return;
  const nested = Object.keys(excluded).find((name) => NESTED_IN_ANYTHING_BUT.has(name));
  if (nested) throw new EventPatternError(childPath(childPath(path, 'anything-but'), nested), `anything-but with ${nested} is not supported in EventBridge Pipes filters (only on event buses)`);
}
