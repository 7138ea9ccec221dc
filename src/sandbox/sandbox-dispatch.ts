/**
 * Where one sandbox request goes: the class registry (open to the room), the admin look across
 * accounts (this machine only), then each mounted service that claims it, then Kinesis by its
 * X-Amz-Target. Used by the HTTP endpoint and by in-process clients alike.
 */
import type { AccountKeys } from './admin/account-keys.js';
import { answerWhere, isAdminPath } from './admin/where-route.js';
import { answerClasses, isClassesPath, type ClassRegistryRoute } from './classes/class-registry-route.js';
import { accountIdFor } from './sandbox-accounts.js';
import { awsJsonError, internalFailure, unknownOperation } from './aws-json-error.js';
import type { FaultedReply } from './faults/fault-injector.js';
import type { KinesisRoute } from './kinesis/kinesis-route.js';
import { KINESIS_TARGET_PREFIX } from './kinesis/kinesis-wire.js';
import type { InProcessRequest, LocatableKind, LocatedResource, SandboxRequest, SandboxResponse, SandboxService } from './sandbox-types.js';
import { isValidRegion, readCallerScope } from './sigv4-scope.js';

/** What a request can reach. `services` grows as services are mounted. */
export interface SandboxRoutes {
  services: readonly SandboxService[];
  kinesis: KinesisRoute;
  keys: AccountKeys;
  classes: ClassRegistryRoute;
  locate: (kind: LocatableKind, name: string) => LocatedResource[];
}

export async function dispatchRequest(routes: SandboxRoutes, request: InProcessRequest): Promise<SandboxResponse | FaultedReply> {
  const { method, url, headers, body } = request;
  // The class registry answers the room; the rest of the admin route only this machine.
  if (isClassesPath(url)) return answerClasses(url, method, body, routes.classes);
  if (isAdminPath(url)) return answerWhere(url, method, request.remoteAddress, routes.locate, routes.keys);
  const scope = readCallerScope(headers, url);
  if (scope.signed && !isValidRegion(scope.region)) {
    return awsJsonError(400, 'InvalidSignatureException', `Credential should be scoped to a valid region, not '${scope.region}'.`);
  }
  const account = request.account ?? accountIdFor(scope.accessKeyId);
  // Which key stands for which account, for the look across accounts (the sandbox's own clients act with `account`).
  if (request.account === undefined && scope.accessKeyId) routes.keys.note(scope.accessKeyId, account);
  const routed: SandboxRequest = { method, url, headers, body, region: scope.region, service: scope.service, account };
  for (const service of routes.services) {
    try {
      if (service.claims(routed)) return await service.handle(routed);
    } catch (error) {
      return internalFailure(service.name, error);
    }
  }
  const target = headers['x-amz-target'];
  if (target?.startsWith(KINESIS_TARGET_PREFIX)) {
    try {
      return await routes.kinesis.answer(routed, account, target.slice(KINESIS_TARGET_PREFIX.length));
    } catch (error) {
      return internalFailure('Kinesis', error);
    }
  }
  return unknownOperation(method, url, target, scope.service);
}
