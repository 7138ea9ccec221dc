import type { Localized } from '../i18n/lang.js';
import { named, type CatalogEntry } from './catalog-entry.js';
import { jsonBlock, joinLocalized } from './diagnosis-phrases.js';
import type { DiagnosisContext } from './diagnosis.js';
import type { AutoFix } from '../shared/auto-fix.js';
import { onSurface } from '../i18n/surface.js';

/** KMS throttling clears within a second or two. */
const KMS_RETRY_MS = 2000;

/** One KMS failure of an encrypted stream: its exception name and what to say about it. */
interface KmsCase {
  name: string;
  kind: string;
  what: Localized;
  why: Localized;
  fix: (key: string, ctx: DiagnosisContext) => Localized;
  autoFix?: AutoFix;
}

/** The key ARN or alias AWS names in the message, or a placeholder for commands. */
function keyIn(message: string): string | undefined {
  return /(arn:aws[\w-]*:kms:[^\s,;]+)/.exec(message)?.[1] ?? /(alias\/[\w/-]+)/.exec(message)?.[1];
}

const CASES: readonly KmsCase[] = [
  {
    name: 'KMSAccessDeniedException',
    kind: 'kms-access-denied',
    what: { en: "You may not use the stream's KMS encryption key.", ko: '스트림의 KMS 암호화 키를 쓸 권한이 없습니다.' },
    why: {
      en: 'The stream is encrypted with a customer-managed key: writing needs kms:GenerateDataKey and reading needs kms:Decrypt on that key, from your IAM policy and the key policy.',
      ko: '스트림이 고객 관리형 키로 암호화되어 있습니다. 쓰려면 그 키에 대한 kms:GenerateDataKey, 읽으려면 kms:Decrypt 권한이 IAM 정책과 키 정책 양쪽에서 필요합니다.',
    },
    fix: (key) => {
      const statement = jsonBlock({ Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: key.startsWith('arn:') ? key : '*' });
      return {
        en: `Add this statement to your IAM policy (and make sure the key policy allows your account):\n${statement}\nOr use a stream encrypted with the AWS managed key alias/aws/kinesis.`,
        ko: `IAM 정책에 아래 문을 추가하세요(키 정책도 계정을 허용해야 합니다):\n${statement}\n또는 AWS 관리형 키 alias/aws/kinesis로 암호화한 스트림을 쓰세요.`,
      };
    },
  },
  {
    name: 'KMSDisabledException',
    kind: 'kms-key-disabled',
    what: { en: "The stream's KMS key is disabled.", ko: '스트림의 KMS 키가 비활성화되어 있습니다.' },
    why: {
      en: 'Kinesis cannot encrypt or decrypt records while the key is disabled, so writes and reads fail.',
      ko: '키가 비활성화되어 있으면 Kinesis가 레코드를 암호화하거나 복호화할 수 없어서 쓰기와 읽기가 실패합니다.',
    },
    fix: (key) => ({ en: `Enable the key: aws kms enable-key --key-id ${key}`, ko: `키를 다시 활성화하세요: aws kms enable-key --key-id ${key}` }),
  },
  {
    name: 'KMSInvalidStateException',
    kind: 'kms-key-invalid-state',
    what: { en: "The stream's KMS key is not in a usable state.", ko: '스트림의 KMS 키를 쓸 수 없는 상태입니다.' },
    why: {
      en: 'The key is pending deletion, pending import, or otherwise unavailable.',
      ko: '키가 삭제 대기 중이거나, 가져오기 대기 중이거나, 그 밖의 이유로 쓸 수 없습니다.',
    },
    fix: (key) => ({
      en: `Look at its state: aws kms describe-key --key-id ${key}. If it is pending deletion: aws kms cancel-key-deletion --key-id ${key}, then aws kms enable-key --key-id ${key}.`,
      ko: `키 상태를 확인하세요: aws kms describe-key --key-id ${key}. 삭제 대기 중이라면 aws kms cancel-key-deletion --key-id ${key}를 실행한 뒤 aws kms enable-key --key-id ${key}를 실행하세요.`,
    }),
  },
  {
    name: 'KMSNotFoundException',
    kind: 'kms-key-not-found',
    what: { en: "The stream's KMS key was not found.", ko: '스트림의 KMS 키를 찾을 수 없습니다.' },
    why: {
      en: 'The key (or alias) was deleted, or it lives in another region or account.',
      ko: '키나 별칭이 삭제되었거나, 다른 리전이나 다른 계정에 있습니다.',
    },
    fix: () => ({
      en: 'Point the stream at a key that exists, for example the AWS managed key: aws kinesis start-stream-encryption --stream-name NAME --encryption-type KMS --key-id alias/aws/kinesis — or use a new stream.',
      ko: '있는 키를 쓰도록 바꾸세요. 예를 들어 AWS 관리형 키: aws kinesis start-stream-encryption --stream-name 이름 --encryption-type KMS --key-id alias/aws/kinesis — 또는 새 스트림을 쓰세요.',
    }),
  },
  {
    name: 'KMSOptInRequired',
    kind: 'kms-opt-in-required',
    what: { en: 'The account is not subscribed to AWS KMS.', ko: '계정이 AWS KMS를 쓸 수 있도록 등록되어 있지 않습니다.' },
    why: { en: 'Encrypted streams need KMS, and this account has not opted in.', ko: '암호화된 스트림에는 KMS가 필요한데, 이 계정은 KMS를 쓰도록 등록되지 않았습니다.' },
    fix: () => ({
      en: 'Ask whoever runs the account to enable KMS, or use a stream without server-side encryption.',
      ko: '계정 관리자에게 KMS를 켜 달라고 요청하거나, 서버 측 암호화가 없는 스트림을 쓰세요.',
    }),
  },
  {
    name: 'KMSThrottlingException',
    kind: 'kms-throttled',
    what: { en: 'AWS KMS is throttling requests for the stream\'s key.', ko: 'AWS KMS가 스트림 키에 대한 요청을 제한하고 있습니다.' },
    why: {
      en: 'Encrypted streams call KMS for data keys; the account\'s KMS request rate was exceeded.',
      ko: '암호화된 스트림은 데이터 키를 얻으려고 KMS를 호출하는데, 계정의 KMS 요청 한도를 넘었습니다.',
    },
    fix: (_key, ctx) =>
      onSurface(ctx.surface, {
        tui: { en: 'Wait a moment and retry (press the key below).', ko: '잠시 기다렸다가 다시 시도하세요(아래 키).' },
        cli: { en: 'Wait a moment and run the same command again.', ko: '잠시 기다린 뒤 같은 명령을 다시 실행하세요.' },
      }),
    autoFix: { type: 'wait-and-retry', delayMs: KMS_RETRY_MS },
  },
];

function entryFor(kmsCase: KmsCase): CatalogEntry {
  return {
    kind: kmsCase.kind,
    matches: (input) => named(input, kmsCase.name, kmsCase.name.replace(/Exception$/, '')),
    diagnose: ({ error, ctx }) => {
      const key = keyIn(error.message);
      return {
        kind: kmsCase.kind,
        what: kmsCase.what,
        why: joinLocalized(kmsCase.why, { en: `AWS said: ${error.message}`, ko: `AWS 메시지: ${error.message}` }),
        fix: kmsCase.fix(key ?? 'KEY_ID', ctx),
        ...(kmsCase.autoFix ? { autoFix: kmsCase.autoFix } : {}),
      };
    },
  };
}

export const KMS_ENTRIES: readonly CatalogEntry[] = CASES.map(entryFor);
