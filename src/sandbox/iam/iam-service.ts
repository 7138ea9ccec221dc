/**
 * The IAM calls the lab makes, on the sandbox endpoint, over IAM's query protocol
 * (form-encoded `Action=CreateRole&Version=2010-05-08&…`, XML answers in IAM's namespace).
 * SDK v3, the AWS CLI and boto3 all speak this protocol to IAM.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxRequest, SandboxResponse, SandboxService } from '../sandbox-types.js';
import { IamStore } from './iam-store.js';
import type { IamRole } from './iam-store.js';

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

type Params = URLSearchParams;
type Handler = (params: Params) => string;

/** An IAM service over `store`; claims requests signed for `iam` or unsigned ones naming IAM's API version. */
export function createIamService(store: IamStore): SandboxService {
  const handlers: Record<string, Handler> = {
    CreateRole: (p) => {
      const roleName = required(p, 'RoleName');
      checkRoleName(roleName);
      const document = required(p, 'AssumeRolePolicyDocument');
      checkPolicyDocument(document);
      const path = p.get('Path') ?? '/';
      if (!/^\/([\u0021-\u007E]*\/)?$/.test(path) || path.length > 512) throw validation('path', path, 'Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)');
      if (store.get(roleName)) throw new IamError(409, 'EntityAlreadyExists', `Role with name ${roleName} already exists.`);
      const maxSessionDuration = Number(p.get('MaxSessionDuration') ?? '3600');
      if (!Number.isInteger(maxSessionDuration) || maxSessionDuration < 3600 || maxSessionDuration > 43200) {
        throw validation('maxSessionDuration', String(maxSessionDuration), 'Member must have value between 3600 and 43200');
      }
      const description = p.get('Description') ?? undefined;
      const role = store.create({ roleName, path, assumeRolePolicyDocument: document, maxSessionDuration, tags: readTags(p), ...(description !== undefined ? { description } : {}) });
      return `<Role>${roleXml(role)}</Role>`;
    },
    GetRole: (p) => `<Role>${roleXml(existingRole(p))}</Role>`,
    DeleteRole: (p) => {
      const role = existingRole(p);
      if (role.inlinePolicies.size > 0) throw new IamError(409, 'DeleteConflict', 'Cannot delete entity, must delete policies first.');
      store.delete(role.roleName);
      return '';
    },
    PutRolePolicy: (p) => {
      const role = existingRole(p);
      const policyName = required(p, 'PolicyName');
      if (!/^[\w+=,.@-]{1,128}$/.test(policyName)) throw validation('policyName', policyName, 'Member must satisfy regular expression pattern: [\\w+=,.@-]+');
      const document = required(p, 'PolicyDocument');
      checkPolicyDocument(document);
      role.inlinePolicies.set(policyName, document);
      return '';
    },
    UpdateAssumeRolePolicy: (p) => {
      const role = existingRole(p);
      const document = required(p, 'PolicyDocument');
      checkPolicyDocument(document);
      role.assumeRolePolicyDocument = document;
      return '';
    },
    GetRolePolicy: (p) => {
      const role = existingRole(p);
      const policyName = required(p, 'PolicyName');
      const document = role.inlinePolicies.get(policyName);
      if (document === undefined) throw new IamError(404, 'NoSuchEntity', `The role policy with name ${policyName} cannot be found.`);
      // IAM returns policy documents URL-encoded; clients decode them.
      return `<RoleName>${xml(role.roleName)}</RoleName><PolicyName>${xml(policyName)}</PolicyName><PolicyDocument>${xml(encodeURIComponent(document))}</PolicyDocument>`;
    },
    DeleteRolePolicy: (p) => {
      const role = existingRole(p);
      const policyName = required(p, 'PolicyName');
      if (!role.inlinePolicies.delete(policyName)) throw new IamError(404, 'NoSuchEntity', `The role policy with name ${policyName} cannot be found.`);
      return '';
    },
    ListRolePolicies: (p) => {
      const role = existingRole(p);
      const members = [...role.inlinePolicies.keys()].map((name) => `<member>${xml(name)}</member>`).join('');
      return `<PolicyNames>${members}</PolicyNames><IsTruncated>false</IsTruncated>`;
    },
    TagRole: (p) => {
      const role = existingRole(p);
      const tags = readTags(p);
      if (tags.size === 0) throw validation('tags', '[]', 'Member must have length greater than or equal to 1');
      for (const [key, value] of tags) role.tags.set(key, value);
      if (role.tags.size > 50) throw new IamError(409, 'LimitExceeded', 'Cannot exceed quota for TagsPerRole: 50.');
      return '';
    },
    UntagRole: (p) => {
      const role = existingRole(p);
      for (const key of listMembers(p, 'TagKeys')) role.tags.delete(key);
      return '';
    },
    ListRoleTags: (p) => {
      const role = existingRole(p);
      return `<Tags>${tagsXml(role.tags)}</Tags><IsTruncated>false</IsTruncated>`;
    },
  };

  function existingRole(p: Params): IamRole {
    const roleName = required(p, 'RoleName');
    const role = store.get(roleName);
    if (!role) throw new IamError(404, 'NoSuchEntity', `The role with name ${roleName} cannot be found.`);
    return role;
  }

  return {
    name: 'IAM',
    claims(req: SandboxRequest): boolean {
      if (req.service === 'iam') return true;
      if (req.service !== '' || req.method !== 'POST') return false;
      const params = formParams(req);
      return params.get('Version') === IAM_VERSION && (params.get('Action') ?? '') in handlers;
    },
    async handle(req: SandboxRequest): Promise<SandboxResponse> {
      const params = formParams(req);
      const action = params.get('Action') ?? '';
      const handler = handlers[action];
      const requestId = randomUUID();
      if (!handler) return errorResponse(400, 'InvalidAction', `Could not find operation ${action} for version ${IAM_VERSION}`, requestId);
      try {
        const result = handler(params);
        const body =
          `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${IAM_NAMESPACE}">` +
          (result ? `<${action}Result>${result}</${action}Result>` : '') +
          `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
        return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
      } catch (error) {
        if (error instanceof IamError) return errorResponse(error.status, error.code, error.message, requestId);
        throw error;
      }
    },
  };
}

function formParams(req: SandboxRequest): URLSearchParams {
  const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
  const params = new URLSearchParams(query);
  for (const [key, value] of new URLSearchParams(req.body.toString('utf8'))) params.set(key, value);
  return params;
}

function errorResponse(status: number, code: string, message: string, requestId: string): SandboxResponse {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${IAM_NAMESPACE}"><Error><Type>Sender</Type>` +
    `<Code>${xml(code)}</Code><Message>${xml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

function required(p: Params, name: string): string {
  const value = p.get(name);
  if (value === null || value === '') {
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

/** `Tags.member.N.Key` / `Tags.member.N.Value` pairs, in order. */
function readTags(p: Params): Map<string, string> {
  const tags = new Map<string, string>();
  for (let i = 1; p.has(`Tags.member.${i}.Key`); i++) tags.set(p.get(`Tags.member.${i}.Key`) ?? '', p.get(`Tags.member.${i}.Value`) ?? '');
  return tags;
}

function listMembers(p: Params, name: string): string[] {
  const values: string[] = [];
  for (let i = 1; p.has(`${name}.member.${i}`); i++) values.push(p.get(`${name}.member.${i}`) ?? '');
  return values;
}

function roleXml(role: IamRole): string {
  return (
    `<Path>${xml(role.path)}</Path><AssumeRolePolicyDocument>${xml(encodeURIComponent(role.assumeRolePolicyDocument))}</AssumeRolePolicyDocument>` +
    `<RoleName>${xml(role.roleName)}</RoleName><RoleId>${role.roleId}</RoleId><Arn>${xml(role.arn)}</Arn>` +
    `<CreateDate>${role.createDate.toISOString()}</CreateDate>` +
    (role.description !== undefined ? `<Description>${xml(role.description)}</Description>` : '') +
    `<MaxSessionDuration>${role.maxSessionDuration}</MaxSessionDuration>` +
    (role.tags.size > 0 ? `<Tags>${tagsXml(role.tags)}</Tags>` : '')
  );
}

function tagsXml(tags: Map<string, string>): string {
  return [...tags].map(([key, value]) => `<member><Key>${xml(key)}</Key><Value>${xml(value)}</Value></member>`).join('');
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
