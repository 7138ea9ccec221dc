/**
 * The class registry's route on a room sandbox (class-registry.ts), open to the room — learners'
 * laptops look codes up — and showing nothing but what a class code already gives away:
 *
 *   GET  /kinesis-lab/classes                  200 {"registry":"kinesis-lab","version":1}: this is a kinesis-lab sandbox
 *   POST /kinesis-lab/classes {"streamArn":"arn:aws:kinesis:us-east-1:000000000000:stream/kinesis-lab-class"}
 *        200 {"code":"K7QMR3XP","account":…,"region":…,"stream":…,"arn":…,"addresses":["http://192.168.1.20:4567"]}
 *        the stream must exist; `addresses` are where the room reaches this sandbox (none when it listens on loopback only)
 *   GET  /kinesis-lab/classes/K7QMR3XP         200 {"code","account","region","stream","arn"}, or 404 (no such class)
 *        or 410 (the class stream was deleted)
 */
import { jsonAnswer as json } from '../admin/json-answer.js';
import { parseStreamArn, streamArn } from '../kinesis/stream-arn.js';
import type { SandboxResponse } from '../sandbox-types.js';
import { partitionOf } from '../sigv4-scope.js';
import type { ClassRegistry, RegisteredClass } from './class-registry.js';

export const CLASSES_PATH = '/kinesis-lab/classes';

export interface ClassRegistryRoute {
  registry: ClassRegistry;
  /** True when the account holds a stream of that name in the region. */
  streamExists(account: string, region: string, stream: string): boolean;
  /** The URLs learners in the room reach this sandbox at. */
  roomAddresses(): string[];
}

export function isClassesPath(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path === CLASSES_PATH || path.startsWith(`${CLASSES_PATH}/`);
}

export function answerClasses(url: string, method: string, body: Buffer, route: ClassRegistryRoute): SandboxResponse {
  const path = url.split('?')[0] ?? '';
  if (path === CLASSES_PATH && method === 'GET') return json(200, { registry: 'kinesis-lab', version: 1 });
  if (path === CLASSES_PATH && method === 'POST') return register(body, route);
  const code = path.slice(CLASSES_PATH.length + 1);
  if (method === 'GET' && /^[2-9A-Z]{8}$/.test(code)) {
    const found = route.registry.find(code);
    if (!found) return json(404, { message: `No class ${code} on this sandbox.` });
    if (!route.streamExists(found.account, found.region, found.stream)) return json(410, { message: `Class ${code} ended: its stream ${found.stream} was deleted.`, ...described(found) });
    return json(200, described(found));
  }
  return json(404, { message: `The kinesis-lab sandbox has no route ${method} ${path}.` });
}

function register(body: Buffer, route: ClassRegistryRoute): SandboxResponse {
  let arn: unknown;
  try {
    arn = (JSON.parse(body.toString('utf8')) as { streamArn?: unknown } | null)?.streamArn;
  } catch {
    arn = undefined;
  }
  const parts = typeof arn === 'string' ? parseStreamArn(arn) : undefined;
  if (!parts) return json(400, { message: 'Give the class stream as {"streamArn":"arn:aws:kinesis:REGION:ACCOUNT:stream/NAME"}.' });
  const { region, account, name: stream } = parts;
  if (!route.streamExists(account, region, stream)) return json(404, { message: `Stream ${stream} under account ${account} not found in ${region}.` });
  const entry = route.registry.register({ account, region, stream });
  if (!entry) return json(429, { message: 'This sandbox holds as many classes as it keeps; start a fresh sandbox for a new room.' });
  return json(200, { ...described(entry), addresses: route.roomAddresses() });
}

function described(entry: RegisteredClass): RegisteredClass & { arn: string } {
  return { ...entry, arn: streamArn({ partition: partitionOf(entry.region), region: entry.region, account: entry.account, name: entry.stream }) };
}
