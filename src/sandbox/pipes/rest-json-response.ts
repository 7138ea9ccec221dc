/**
 * Responses in the REST-JSON protocol Pipes uses: JSON bodies, the error name in
 * `x-amzn-errortype`, and error fields (`message`, `fieldList` …) in the body.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../sandbox-types.js';

export function jsonResponse(body: unknown, status = 200): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() },
    body: JSON.stringify(body),
  };
}

/** An error a handler throws; the service turns it into its REST-JSON response. */
export class RestJsonError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toResponse(): SandboxResponse {
    return {
      status: this.status,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), 'x-amzn-errortype': this.type },
      body: JSON.stringify({ message: this.message, ...this.extra }),
    };
  }
}
