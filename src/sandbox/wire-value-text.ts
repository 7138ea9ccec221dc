/**
 * How a value taken from a request body reads in an error message: a string as it is, anything
 * else as JSON (so an object shows its fields, never `[object Object]`).
 */
export function wireValueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  // JSON.stringify gives undefined (whatever its type says) for undefined, functions and symbols.
  const json = JSON.stringify(value) as string | undefined;
  return json ?? String(value);
}
