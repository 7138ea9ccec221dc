/**
 * An SDK v3 request handler that hands requests to the sandbox in process instead of over a socket:
 * the sandbox's own clients (the pipe runner reading its source and writing its target) pay no HTTP
 * hop, yet their calls still pass the router, faults and call events like a learner's.
 */
import { HttpResponse, type HttpHandler, type HttpRequest } from '@smithy/core/protocols';
import type { Sandbox } from './sandbox-types.js';

/**
 * @param account act as this account (a pipe reads its source in the pipe's account); the
 * signature's access key decides when absent.
 */
export function inProcessHandler(sandbox: Pick<Sandbox, 'dispatch'>, account?: string): HttpHandler {
  return {
    async handle(request: HttpRequest) {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(request.query)) {
        for (const item of Array.isArray(value) ? value : [value]) if (item !== null) query.append(name, item);
      }
      const search = query.toString();
      const body = bodyBytes(request.body);
      const reply = await sandbox.dispatch({ method: request.method, url: `${request.path}${search ? `?${search}` : ''}`, headers, body, ...(account !== undefined ? { account } : {}) });
      if (reply.reset) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      const payload = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
      return { response: new HttpResponse({ statusCode: reply.status, headers: { ...reply.headers }, body: payload }) };
    },
    updateHttpClientConfig() {
      // Nothing to configure: no sockets, no timeouts of its own.
    },
    httpHandlerConfigs: () => ({}),
    destroy() {
      // Holds no resources.
    },
  };
}

/**
 * The request body as bytes. A JSON body from the SDK is a Uint8Array subclass that also acts as a
 * string; `Buffer.from(body)` would take its string side and make the SDK print a warning onto the
 * learner's screen, so a Uint8Array is viewed over its own memory instead.
 */
function bodyBytes(body: unknown): Buffer {
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // The SDK's other bodies are strings (query protocol) or absent.
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.alloc(0);
}
