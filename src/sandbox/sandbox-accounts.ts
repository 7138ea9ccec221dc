/**
 * On the sandbox every access key id is an AWS account of its own, as in a workshop where each
 * learner has an account: a stable 12-digit id derived from the key. The lab's default sandbox key
 * and unsigned requests are account 000000000000, the id kinesalite used, so existing ARNs stay.
 */
import { createHash } from 'node:crypto';
import { SANDBOX_ACCOUNT_ID, SANDBOX_CREDENTIALS } from './sandbox-types.js';

const ACCOUNT_SPACE = 10n ** 12n;
// Every request asks; a class has a few dozen keys. Bounded, since a caller chooses the keys.
const known = new Map<string, string>();
const MAX_KNOWN = 10_000;

/** The account an access key id belongs to on the sandbox; never 000000000000 for another key. */
export function accountIdFor(accessKeyId: string | undefined): string {
  if (accessKeyId === undefined || accessKeyId === '' || accessKeyId === SANDBOX_CREDENTIALS.accessKeyId) return SANDBOX_ACCOUNT_ID;
  const cached = known.get(accessKeyId);
  if (cached !== undefined) return cached;
  const digest = createHash('sha256').update(`kinesis-lab account\u0000${accessKeyId}`).digest();
  const id = digest.readBigUInt64BE(0) % ACCOUNT_SPACE;
  // Zero is the default key's account; a collision with it moves one up.
  const account = String(id === 0n ? 1n : id).padStart(12, '0');
  if (known.size >= MAX_KNOWN) known.clear();
  known.set(accessKeyId, account);
  return account;
}

/** The caller's account of a routed request (the router always sets it; in-process tests may not). */
export function accountOf(request: { account?: string }): string {
  return request.account ?? SANDBOX_ACCOUNT_ID;
}

/** Who the sandbox says the caller of an account is (STS, and AWS's access-denied texts). */
export function learnerArn(account: string): string {
  return `arn:aws:iam::${account}:user/kinesis-lab-learner`;
}

/** The account field of an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:…`), when it is 12 digits. */
export function accountInArn(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * AWS's refusal of a call on another account's resource that no resource-based policy opens (IAM's
 * documented wording for a cross-account request): the same text from every service of the sandbox.
 */
export function crossAccountDenied(callerAccount: string, action: string, resourceArn: string): string {
  return `User: ${learnerArn(callerAccount)} is not authorized to perform: ${action} on resource: ${resourceArn} because no resource-based policy allows the ${action} action`;
}
