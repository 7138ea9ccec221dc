/**
 * On a sandbox every access key is an account of its own. A learner whose script signs with another
 * key than the lab (a real AWS key left in the shell, a typo in the sandbox's key) sends records to
 * another account: the lab then finds nothing, while the thing exists on the same sandbox. The
 * sandbox can say where (its loopback-only admin route); this turns that into one line with the fix.
 */
import type { Localized } from '../i18n/lang.js';

export type SandboxResourceKind = 'stream' | 'metrics' | 'pipe' | 'role' | 'log-group';

/** Another account of the same sandbox holding a resource of the name looked for. */
export interface OtherAccount {
  account: string;
  region?: string;
  /** Access key ids the sandbox saw signing for that account, as it keeps them (shortened: `AKIA…7Q01`). */
  accessKeys: string[];
  /** Records in the stream (kind `stream`) or counted coming in (kind `metrics`). */
  records?: number;
}

/** Asks the sandbox where else a name exists; implemented in src/cli over the admin route. */
export interface OtherAccountsProbe {
  find(kind: SandboxResourceKind, name: string): Promise<OtherAccount[]>;
}

/** The access key the lab signs with on a sandbox (never a real account's secret). */
export interface LabKey {
  accessKeyId: string;
  /** The sandbox's own dummy secret when the lab uses the sandbox's key; absent for a learner's own key. */
  secretAccessKey?: string;
  /** The sandbox account of that key. */
  account: string;
}

/** Where else the name is, or nothing when the probe is absent or fails (a lookup is never a second error). */
export async function lookInOtherAccounts(probe: OtherAccountsProbe | undefined, kind: SandboxResourceKind, name: string): Promise<OtherAccount[]> {
  if (!probe) return [];
  try {
    return await probe.find(kind, name);
  } catch {
    return [];
  }
}

/**
 * What a learner's terminal needs to sign as the lab does: the sandbox's own key is public, so the
 * export line itself; a learner's own key is never printed (it would be redacted anyway), so "the same
 * one as the lab's terminal".
 */
export function signAsTheLab(key: Pick<LabKey, 'accessKeyId' | 'secretAccessKey'>): Localized {
  if (key.secretAccessKey === undefined) {
    return { en: "the same AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY as the lab's terminal", ko: '실습 터미널과 같은 AWS_ACCESS_KEY_ID와 AWS_SECRET_ACCESS_KEY' };
  }
  const command = `export AWS_ACCESS_KEY_ID=${key.accessKeyId} AWS_SECRET_ACCESS_KEY=${key.secretAccessKey}`;
  return { en: command, ko: command };
}

/** The sentence's subject with its verb (en) or particle (ko). */
const THING: Record<SandboxResourceKind, (name: string) => Localized> = {
  stream: (name) => ({ en: `Stream "${name}" is`, ko: `"${name}" 스트림이` }),
  metrics: (name) => ({ en: `Put metrics for "${name}" are`, ko: `"${name}"의 put 지표가` }),
  pipe: (name) => ({ en: `Pipe "${name}" is`, ko: `"${name}" 파이프가` }),
  role: (name) => ({ en: `Role "${name}" is`, ko: `"${name}" 역할이` }),
  'log-group': (name) => ({ en: `Log group "${name}" is`, ko: `"${name}" 로그 그룹이` }),
};

/** One line: where the thing is, why the lab does not see it, and the key to export. */
export function otherAccountLine(kind: SandboxResourceKind, name: string, found: readonly OtherAccount[], key: LabKey): Localized {
  const [first] = found;
  const thing = THING[kind](name);
  const where = first?.region !== undefined ? `${first.account}, ${first.region}` : (first?.account ?? '');
  const keys = (first?.accessKeys ?? []).join(', ');
  const keyNote: Localized = keys ? { en: ` (access key ${keys})`, ko: `(액세스 키 ${keys})` } : { en: '', ko: '' };
  const records = first?.records;
  const count: Localized = records !== undefined && records > 0 ? { en: ` with ${records} record(s)`, ko: ` 레코드 ${records}개와 함께` } : { en: '', ko: '' };
  const more: Localized = found.length > 1 ? { en: ` and ${found.length - 1} other account(s)`, ko: ` 외 다른 계정 ${found.length - 1}개` } : { en: '', ko: '' };
  const sign = signAsTheLab(key);
  const fix: Localized = key.secretAccessKey !== undefined
    ? { en: `In its terminal run ${sign.en} and run it again.`, ko: `스크립트를 실행하는 터미널에서 ${sign.ko} 명령을 실행한 뒤 스크립트를 다시 실행하세요.` }
    : { en: `Give it ${sign.en} and run it again.`, ko: `스크립트에 ${sign.ko}를 주고 다시 실행하세요.` };
  return {
    en: `${thing.en} on this sandbox in account ${where}${keyNote.en}${more.en}${count.en}, not in the lab's account ${key.account}: your script signs with another access key. ${fix.en}`,
    ko: `${thing.ko} 이 샌드박스의 계정 ${where}${keyNote.ko}${more.ko}에${count.ko} 있고, 실습 계정 ${key.account}에는 없습니다. 스크립트가 다른 액세스 키로 서명하고 있습니다. ${fix.ko}`,
  };
}
