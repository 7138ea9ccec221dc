/**
 * The class stream's resource-based policy (Kinesis PutResourcePolicy): learners' accounts, or every
 * account in an AWS Organization, or — on a room sandbox, whose accounts are the room's learners and
 * are made as they join — every account there, may put records on this one stream; nothing else: no
 * reads, no describe, no other stream.
 */
export type ClassAudience = { kind: 'accounts'; accounts: string[] } | { kind: 'organization'; orgId: string } | { kind: 'room' };

export function classStreamPolicy(streamArn: string, audience: ClassAudience): string {
  const statement: Record<string, unknown> = {
    Sid: 'LearnersPutClassProgressEvents',
    Effect: 'Allow',
    Action: ['kinesis:PutRecord', 'kinesis:PutRecords'],
    Resource: streamArn,
  };
  if (audience.kind === 'accounts') {
    statement.Principal = { AWS: audience.accounts.map((id) => `arn:aws:iam::${id}:root`) };
  } else if (audience.kind === 'room') {
    statement.Principal = { AWS: '*' };
  } else {
    statement.Principal = { AWS: '*' };
    statement.Condition = { StringEquals: { 'aws:PrincipalOrgID': audience.orgId } };
  }
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
}

/** `--accounts 111122223333,444455556666` or `--org o-abc123def4`, checked before anything is created. */
export function parseAudience(accounts: string | undefined, org: string | undefined): { ok: true; value: ClassAudience } | { ok: false; message: { en: string; ko: string } } {
  if (accounts !== undefined && org !== undefined) return { ok: false, message: { en: 'use either --accounts or --org, not both', ko: '--accounts와 --org 중 하나만 쓰세요.' } };
  if (org !== undefined) {
    if (!/^o-[a-z0-9]{10,32}$/.test(org)) return { ok: false, message: { en: `--org "${org}" is not an organization id like o-abc123def4`, ko: `--org에 준 값("${org}")이 o-abc123def4 같은 조직 ID가 아닙니다.` } };
    return { ok: true, value: { kind: 'organization', orgId: org } };
  }
  if (accounts !== undefined) {
    const list = accounts.split(',').map((a) => a.trim()).filter(Boolean);
    const bad = list.find((a) => !/^\d{12}$/.test(a));
    if (list.length === 0 || bad !== undefined) return { ok: false, message: { en: `--accounts needs 12-digit account ids separated by commas${bad ? `, not "${bad}"` : ''}`, ko: `--accounts에는 쉼표로 구분한 12자리 계정 ID를 주세요${bad ? `("${bad}" 값은 아님)` : ''}.` } };
    return { ok: true, value: { kind: 'accounts', accounts: [...new Set(list)] } };
  }
  return { ok: false, message: { en: 'on real AWS, say who may post progress: --accounts ID,ID… (learners\' accounts) or --org o-… (your AWS Organization)', ko: '실제 AWS에서는 진행 상황을 보낼 수 있는 대상을 정하세요: --accounts ID,ID…(학습자 계정) 또는 --org o-…(AWS Organizations 조직)' } };
}
