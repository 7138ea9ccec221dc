/**
 * The one STS call the lab makes: `GetCallerIdentity`, so `kinesis-lab doctor` (and a learner's
 * `aws sts get-caller-identity`) works on the sandbox too. STS speaks the query protocol
 * (form-encoded `Action=GetCallerIdentity&Version=2011-06-15`, XML answers). The caller is the
 * sandbox's learner in the account of their access key (sandbox-accounts.ts); the key itself is
 * never echoed.
 */
import { randomUUID } from 'node:crypto';
import { decodeQueryForm, queryErrorResponse, queryResponse, readQueryRequest } from '../query/query-codec.js';
import type { Sandbox, SandboxRequest, SandboxResponse, SandboxService } from '../sandbox-types.js';
import { SANDBOX_ACCOUNT_ID } from '../sandbox-types.js';
import { accountOf, learnerArn } from '../sandbox-accounts.js';

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
const STS_VERSION = '2011-06-15';

/** Who the sandbox says the caller is, with the lab's default key. */
export const SANDBOX_IDENTITY = identityOf(SANDBOX_ACCOUNT_ID);

/** The learner of an account: the default account's user id is AIDAKINESISLABLEARNER, others carry their account. */
export function identityOf(account: string): { account: string; arn: string; userId: string } {
  return {
    account,
    arn: learnerArn(account),
    userId: account === SANDBOX_ACCOUNT_ID ? 'AIDAKINESISLABLEARNER' : `AIDAKINESISLAB${account}`,
  };
}

export function createStsService(): SandboxService {
  return {
    name: 'STS',
    claims(req: SandboxRequest): boolean {
      if (req.service === 'sts') return true;
      return req.method === 'POST' && decodeQueryForm(req.body.toString('utf8')).version === STS_VERSION;
    },
    handle(req: SandboxRequest): Promise<SandboxResponse> {
      // Synchronous work behind the router's asynchronous contract; a throw still rejects.
      return new Promise((resolve) => resolve(answer(req)));
    },
  };
}

function answer(req: SandboxRequest): SandboxResponse {
  // Node adds the Date header doctor reads for clock skew, as AWS sends one.
  const requestId = randomUUID();
  const action = readQueryRequest(req).action ?? '';
  if (action !== 'GetCallerIdentity') {
    const message = `Could not find operation ${action} for version ${STS_VERSION} (the kinesis-lab sandbox answers GetCallerIdentity only)`;
    return queryErrorResponse(STS_NAMESPACE, { status: 400, type: 'Sender', code: 'InvalidAction', message }, requestId);
  }
  const identity = identityOf(accountOf(req));
  return queryResponse(STS_NAMESPACE, action, { Arn: identity.arn, UserId: identity.userId, Account: identity.account }, requestId);
}

export function attachSts(sandbox: Sandbox): void {
  sandbox.mount(createStsService());
}
