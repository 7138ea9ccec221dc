import type { SandboxResponse } from '../sandbox-types.js';

/** A JSON answer of the sandbox's own routes (the look across accounts, the class registry). */
export function jsonAnswer(status: number, body: unknown): SandboxResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
