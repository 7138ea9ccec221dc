/**
 * The one STS call the lab makes: `GetCallerIdentity`, so `kinesis-lab doctor` (and a learner's
 * `aws sts get-caller-identity`) works on the sandbox too. STS speaks the query protocol
 * (form-encoded `Action=GetCallerIdentity&Version=2011-06-15`, XML answers). The identity is the
 * sandbox's fixed learner: never derived from the caller's keys, so no key is ever echoed.
 */
import { randomUUID } from 'node:crypto';
import type { Sandbox, SandboxRequest, SandboxResponse, SandboxService } from '../sandbox-types.js';
import { SANDBOX_ACCOUNT_ID } from '../sandbox-types.js';

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const STS_VERSION = '2011-06-15';

/** Who the sandbox says the caller is. */
export const SANDBOX_IDENTITY = {
  account: SANDBOX_ACCOUNT_ID,
  arn: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:user/kinesis-lab-learner`,
  userId: 'AIDAKINESISLABLEARNER',
} as const;

export function createStsService(): SandboxService {
  return {
    name: 'STS',
    claims(req: SandboxRequest): boolean {
      if (req.service === 'sts') return true;
      return req.method === 'POST' && new URLSearchParams(req.body.toString('utf8')).get('Version') === STS_VERSION;
    },
    async handle(req: SandboxRequest): Promise<SandboxResponse> {
      const requestId = randomUUID();
      const params = new URLSearchParams(req.method === 'GET' ? (req.url.split('?')[1] ?? '') : req.body.toString('utf8'));
      const action = params.get('Action') ?? '';
      if (action !== 'GetCallerIdentity') {
        return xml(400, `<ErrorResponse xmlns="${STS_NAMESPACE}"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Could not find operation ${escapeXml(action)} for version ${STS_VERSION} (the kinesis-lab sandbox answers GetCallerIdentity only)</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`, requestId);
      }
      return xml(200, `<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}"><GetCallerIdentityResult><Arn>${SANDBOX_IDENTITY.arn}</Arn><UserId>${SANDBOX_IDENTITY.userId}</UserId><Account>${SANDBOX_IDENTITY.account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`, requestId);
    },
  };
}

export function attachSts(sandbox: Sandbox): void {
  sandbox.mount(createStsService());
}

function xml(status: number, body: string, requestId: string): SandboxResponse {
  // Node adds the Date header doctor reads for clock skew, as AWS sends one.
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
