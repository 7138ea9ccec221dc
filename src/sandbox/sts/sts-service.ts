/**
 * The one STS call the lab makes: `GetCallerIdentity`, so `kinesis-lab doctor` (and a learner's
 * `aws sts get-caller-identity`) works on the sandbox too. STS speaks the query protocol
 * (form-encoded `Action=GetCallerIdentity&Version=2011-06-15`, XML answers). The caller is the
 * sandbox's learner in the account of their access key (sandbox-accounts.ts); the key itself is
 * never echoed.
 */
import { randomUUID } from 'node:crypto';
import type { Sandbox, SandboxRequest, SandboxResponse, SandboxService } from '../sandbox-types.js';
import { SANDBOX_ACCOUNT_ID } from '../sandbox-types.js';
import { accountIdFor } from '../sandbox-accounts.js';

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const STS_VERSION = '2011-06-15';

/** Who the sandbox says the caller is, with the lab's default key. */
export const SANDBOX_IDENTITY = identityOf(SANDBOX_ACCOUNT_ID);

/** The learner of an account: the default account's user id is AIDAKINESISLABLEARNER, others carry their account. */
export function identityOf(account: string): { account: string; arn: string; userId: string } {
  return {
    account,
    arn: `arn:aws:iam::${account}:user/kinesis-lab-learner`,
    userId: account === SANDBOX_ACCOUNT_ID ? 'AIDAKINESISLABLEARNER' : `AIDAKINESISLAB${account}`,
  };
}

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
      const identity = identityOf(req.account ?? accountIdFor(undefined));
      return xml(200, `<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}"><GetCallerIdentityResult><Arn>${identity.arn}</Arn><UserId>${identity.userId}</UserId><Account>${identity.account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`, requestId);
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
