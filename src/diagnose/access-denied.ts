import type { Localized } from '../i18n/lang.js';
import { named, type CatalogEntry } from './catalog-entry.js';
import { jsonBlock, joinLocalized, sandboxTip } from './diagnosis-phrases.js';

/** The parts of "User: ARN is not authorized to perform: ACTION on resource: RESOURCE because …". */
export interface DeniedRequest {
  principal: string;
  action: string;
  /** Absent when the message names no resource (CloudWatch's GetMetricData works on `*`). */
  resource?: string;
  /** The text after "because" or "with", e.g. "no identity-based policy allows the … action". */
  reason?: string;
  /** An explicit Deny (SCP, permissions boundary, policy): adding an Allow does not help. */
  explicitDeny: boolean;
}

const DENIED =
  /User: (\S+) is not authorized to perform: ([\w-]+:[\w*]+)(?: on resource: (\S+?))?(?:(?: because | with )(.+?))?\.?\s*$/s;

/** Reads AWS's access-denied sentence, with or without "on resource" and "because …". */
export function parseAccessDenied(message: string): DeniedRequest | undefined {
  const match = DENIED.exec(message);
  if (!match) return undefined;
  const [, principal = '', action = '', resource, reason] = match;
  const denied: DeniedRequest = { principal, action, explicitDeny: /explicit deny/i.test(reason ?? '') };
  if (resource) denied.resource = resource;
  if (reason) denied.reason = reason;
  return denied;
}

/** The IAM statement that allows exactly the denied request. */
export function allowStatement(denied: Pick<DeniedRequest, 'action' | 'resource'>): Record<string, string> {
  return { Effect: 'Allow', Action: denied.action, Resource: denied.resource ?? '*' };
}

/** `arn:aws:sts::N:assumed-role/R/S` → role R; `arn:aws:iam::N:user/U` → user U. */
function identityOf(principal: string): Localized {
  const role = /:assumed-role\/([^/]+)\//.exec(principal)?.[1] ?? /:role\/(?:.*\/)?([^/]+)$/.exec(principal)?.[1];
  if (role) return { en: `the IAM role "${role}"`, ko: `IAM 역할 "${role}"` };
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(principal)?.[1];
  if (user) return { en: `the IAM user "${user}"`, ko: `IAM 사용자 "${user}"` };
  return { en: principal, ko: principal };
}

const accessDenied: CatalogEntry = {
  kind: 'access-denied',
  matches: (input) =>
    named(input, 'AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation') ||
    (input.error.status === 403 && /not authorized/i.test(input.error.message)),
  diagnose: ({ error, ctx }) => {
    const denied = parseAccessDenied(error.message);
    if (!denied) {
      return {
        kind: 'access-denied',
        what: { en: `AWS denied the request${ctx.operation ? ` (${ctx.operation})` : ''}.`, ko: `AWS가 요청${ctx.operation ? `(${ctx.operation})` : ''}을 거부했습니다.` },
        why: { en: `The identity in use lacks a permission. AWS said: ${error.message}`, ko: `지금 쓰는 자격 증명에 권한이 없습니다. AWS 메시지: ${error.message}` },
        fix: joinLocalized(
          {
            en: 'Check which identity this terminal uses (aws sts get-caller-identity) and ask whoever runs the account to allow the call.',
            ko: '이 터미널이 쓰는 자격 증명을 확인하고(aws sts get-caller-identity), 계정 관리자에게 이 호출을 허용해 달라고 요청하세요.',
          },
          sandboxTip(),
        ),
      };
    }
    const who = identityOf(denied.principal);
    const on = denied.resource ?? '*';
    const what: Localized = {
      en: `${capitalize(who.en)} may not call ${denied.action} on ${on}.`,
      ko: `${who.ko}에 ${on} 대상 ${denied.action} 권한이 없습니다.`,
    };
    if (denied.explicitDeny) {
      return {
        kind: 'access-denied',
        what,
        why: {
          en: `An explicit Deny blocks it (${denied.reason}). A Deny always wins, so adding an Allow will not help.`,
          ko: `명시적 거부(Deny)가 막고 있습니다(${denied.reason}). Deny가 항상 우선하므로 Allow를 추가해도 소용없습니다.`,
        },
        fix: joinLocalized(
          {
            en: 'Ask whoever manages the account (or the organisation\'s SCPs and permissions boundaries) to lift the Deny for this action, or use another account.',
            ko: '계정 관리자(또는 조직의 SCP·권한 경계 담당자)에게 이 작업에 대한 Deny를 풀어 달라고 요청하거나 다른 계정을 쓰세요.',
          },
          sandboxTip(),
        ),
      };
    }
    const statement = jsonBlock(allowStatement(denied));
    return {
      kind: 'access-denied',
      what,
      why: {
        en: `No policy attached to it allows this action on this resource${denied.reason ? ` (AWS: ${denied.reason})` : ''}.`,
        ko: `연결된 정책 중 이 리소스에 이 작업을 허용하는 것이 없습니다${denied.reason ? `(AWS: ${denied.reason})` : ''}.`,
      },
      fix: joinLocalized(
        {
          en: `Add this statement to a policy of ${who.en} (IAM console → ${who.en.includes('role') ? 'Roles' : 'Users'} → Add permissions → Create inline policy → JSON), or ask whoever runs the account:\n${statement}\n`,
          ko: `${who.ko}의 정책에 아래 문(statement)을 추가하세요(IAM 콘솔 → ${who.en.includes('role') ? '역할' : '사용자'} → 권한 추가 → 인라인 정책 생성 → JSON). 직접 못 한다면 계정 관리자에게 요청하세요:\n${statement}\n`,
        },
        sandboxTip(),
      ),
    };
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const ACCESS_DENIED_ENTRIES: readonly CatalogEntry[] = [accessDenied];
