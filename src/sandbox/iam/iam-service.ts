/**
 * The IAM calls the lab makes, on the sandbox endpoint, over IAM's query protocol
 * (form-encoded `Action=CreateRole&Version=2010-05-08&…`, XML answers in IAM's namespace).
 * SDK v3, the AWS CLI and boto3 all speak this protocol to IAM.
 */
import { randomUUID } from 'node:crypto';
import { queryErrorResponse, queryList, queryResponse, queryString, readQueryRequest, type QueryValue, type XmlValue } from '../query/query-codec.js';
import { accountOf } from '../sandbox-accounts.js';
import type { LocatableKind, LocatedResource, Sandbox, SandboxRequest, SandboxResponse, SandboxService } from '../sandbox-types.js';
import { iamSection } from './iam-section.js';
import { IamStore, type IamRole } from './iam-store.js';

const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';
const IAM_VERSION = '2010-05-08';

class IamError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

type Params = Record<string, QueryValue>;
/** An action's Result elements for the caller's account, or undefined for an action whose answer has no Result. */
type Handler = (params: Params, account: string) => Record<string, XmlValue | undefined> | undefined;

/** An IAM service over `store`, for the caller's account; claims requests signed for `iam` or unsigned ones naming IAM's API version. */
// eslint-disable-next-line max-lines-per-function -- a table of IAM actions, each a short handler over the one store
export function createIamService(store: IamStore): SandboxService {
  const handlers: Record<string, Handler> = {
    CreateRole: (p, account) => {
      const roleName = required(p, 'RoleName');
      checkRoleName(roleName);
      const document = required(p, 'AssumeRolePolicyDocument');
      checkPolicyDocument(document);
      const path = queryString(p, 'Path') ?? '/';
      if (!/^\/([\u0021-\u007E]*\/)?$/.test(path) || path.length > 512) throw validation('path', path, 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
      if (store.get(account, roleName)) throw new IamError(409, 'EntityAlreadyExists', `Role with name ${roleName} already exists.`);
      const maxSessionDuration = Number(queryString(p, 'MaxSessionDuration') ?? '3600');
      if (!Number.isInteger(maxSessionDuration) || maxSessionDuration < 3600 || maxSessionDuration > 43200) {
        throw validation('maxSessionDuration', String(maxSessionDuration), 'Member must have value between 3600 and 43200');
      }
      const description = queryString(p, 'Description');
      const role = store.create(account, { roleName, path, assumeRolePolicyDocument: document, maxSessionDuration, tags: readTags(p), ...(description !== undefined ? { description } : {}) });
      return { Role: roleXml(role) };
    },
    GetRole: (p, account) => ({ Role: roleXml(existingRole(p, account)) }),
    DeleteRole: (p, account) => {
      const role = existingRole(p, account);
      if (role.inlinePolicies.size > 0) throw new IamError(409, 'DeleteConflict', 'Cannot delete entity, must delete policies first.');
      store.delete(account, role.roleName);
      return undefined;
    },
    PutRolePolicy: (p, account) => {
      const role = existingRole(p, account);
      const policyName = required(p, 'PolicyName');
      if (!/^[\w+=,.@-]{1,128}$/.test(policyName)) throw validation('policyName', policyName, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
      const document = required(p, 'PolicyDocument');
      checkPolicyDocument(document);
      store.update(role, (copy) => copy.inlinePolicies.set(policyName, document));
      return undefined;
    },
    UpdateAssumeRolePolicy: (p, account) => {
      const role = existingRole(p, account);
      const document = required(p, 'PolicyDocument');
      checkPolicyDocument(document);
      store.update(role, (copy) => (copy.assumeRolePolicyDocument = document));
      return undefined;
    },
    GetRolePolicy: (p, account) => {
      const role = existingRole(p, account);
      const policyName = required(p, 'PolicyName');
      const document = role.inlinePolicies.get(policyName);
      if (document === undefined) throw new IamError(404, 'NoSuchEntity', `The role policy with name ${policyName} cannot be found.`);
      // IAM returns policy documents URL-encoded; clients decode them.
      return { RoleName: role.roleName, PolicyName: policyName, PolicyDocument: encodeURIComponent(document) };
    },
    DeleteRolePolicy: (p, account) => {
      const role = existingRole(p, account);
      const policyName = required(p, 'PolicyName');
      if (!role.inlinePolicies.has(policyName)) throw new IamError(404, 'NoSuchEntity', `The role policy with name ${policyName} cannot be found.`);
      store.update(role, (copy) => copy.inlinePolicies.delete(policyName));
      return undefined;
    },
    ListRolePolicies: (p, account) => {
      const role = existingRole(p, account);
      return { PolicyNames: [...role.inlinePolicies.keys()], IsTruncated: false };
    },
    TagRole: (p, account) => {
      const role = existingRole(p, account);
      const tags = readTags(p);
      if (tags.size === 0) throw validation('tags', '[]', 'Member must have length greater than or equal to 1');
      store.update(role, (copy) => {
        for (const [key, value] of tags) copy.tags.set(key, value);
        if (copy.tags.size > 50) throw new IamError(409, 'LimitExceeded', 'Cannot exceed quota for TagsPerRole: 50.');
      });
      return undefined;
    },
    UntagRole: (p, account) => {
      const role = existingRole(p, account);
      store.update(role, (copy) => {
        for (const key of listMembers(p, 'TagKeys')) copy.tags.delete(key);
      });
      return undefined;
    },
    ListRoleTags: (p, account) => {
      const role = existingRole(p, account);
      return { Tags: tagsXml(role.tags), IsTruncated: false };
    },
  };

  function existingRole(p: Params, account: string): IamRole {
    const roleName = required(p, 'RoleName');
    const role = store.get(account, roleName);
    if (!role) throw new IamError(404, 'NoSuchEntity', `The role with name ${roleName} cannot be found.`);
    return role;
  }

  return {
    name: 'IAM',
    claims(req: SandboxRequest): boolean {
      if (req.service === 'iam') return true;
      if (req.service !== '' || req.method !== 'POST') return false;
      const request = readQueryRequest(req);
      return request.version === IAM_VERSION && (request.action ?? '') in handlers;
    },
    handle(req: SandboxRequest): Promise<SandboxResponse> {
      // Synchronous work behind the router's asynchronous contract; a throw still rejects.
      return new Promise((resolve) => resolve(answer(req)));
    },
    locate(kind: LocatableKind, name: string): LocatedResource[] {
      if (kind !== 'role') return [];
      return store.list().filter((role) => role.roleName.toLowerCase() === name.toLowerCase()).map((role) => ({ account: role.account }));
    },
  };

  function answer(req: SandboxRequest): SandboxResponse {
    const request = readQueryRequest(req);
    const action = request.action ?? '';
    const handler = handlers[action];
    const requestId = randomUUID();
    if (!handler) return errorResponse(400, 'InvalidAction', `Could not find operation ${action} for version ${IAM_VERSION}`, requestId);
    try {
      return queryResponse(IAM_NAMESPACE, action, handler(request.params, accountOf(req)), requestId);
    } catch (error) {
      if (error instanceof IamError) return errorResponse(error.status, error.code, error.message, requestId);
      throw error;
    }
  }
}

/** Mounts IAM on the sandbox, its roles kept with the sandbox's data; Pipes asks the store about execution roles. */
export function attachIam(sandbox: Sandbox, clock: () => number = Date.now): IamStore {
  const store = new IamStore(clock);
  const log = sandbox.keep(iamSection(store));
  store.commitThrough((change) => log.record(change));
  sandbox.mount(createIamService(store));
  return store;
}

function errorResponse(status: number, code: string, message: string, requestId: string): SandboxResponse {
  return queryErrorResponse(IAM_NAMESPACE, { status, type: 'Sender', code, message }, requestId);
}

function required(p: Params, name: string): string {
  const value = queryString(p, name);
  if (value === undefined || value === '') {
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    throw new IamError(400, 'ValidationError', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

function validation(member: string, value: string, constraint: string): IamError {
  return new IamError(400, 'ValidationError', `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`);
}

function checkRoleName(roleName: string): void {
  if (roleName.length > 64) throw validation('roleName', roleName, 'Member must have length less than or equal to 64');
  if (!/^[\w+=,.@-]+$/.test(roleName)) throw validation('roleName', roleName, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
}

function checkPolicyDocument(document: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    throw new IamError(400, 'MalformedPolicyDocument', 'This policy contains invalid Json');
  }
  if (typeof parsed !== 'object' || parsed === null || !('Statement' in parsed)) {
    throw new IamError(400, 'MalformedPolicyDocument', 'Syntax errors in policy.');
  }
}

/** `Tags.member.N.Key` / `Tags.member.N.Value` pairs, in order, up to the first without a Key. */
function readTags(p: Params): Map<string, string> {
  const tags = new Map<string, string>();
  for (const member of queryList(p, 'Tags')) {
    const tag = typeof member === 'object' && !Array.isArray(member) ? member : {};
    const key = queryString(tag, 'Key');
    if (key === undefined) break;
    tags.set(key, queryString(tag, 'Value') ?? '');
  }
  return tags;
}

/** `Name.member.N` strings, in order, up to the first that is not one. */
function listMembers(p: Params, name: string): string[] {
  const values: string[] = [];
  for (const member of queryList(p, name)) {
    if (typeof member !== 'string') break;
    values.push(member);
  }
  return values;
}

function roleXml(role: IamRole): Record<string, XmlValue | undefined> {
  return {
    Path: role.path,
    AssumeRolePolicyDocument: encodeURIComponent(role.assumeRolePolicyDocument),
    RoleName: role.roleName,
    RoleId: role.roleId,
    Arn: role.arn,
    // IAM writes milliseconds (CloudWatch's xmlTimestamp would drop them).
    CreateDate: role.createDate.toISOString(),
    Description: role.description,
    MaxSessionDuration: role.maxSessionDuration,
    Tags: role.tags.size > 0 ? tagsXml(role.tags) : undefined,
  };
}

function tagsXml(tags: Map<string, string>): XmlValue[] {
  return [...tags].map(([key, value]) => ({ Key: key, Value: value }));
}
