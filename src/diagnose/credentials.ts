import { named, type CatalogEntry, type DiagnoseInput } from './catalog-entry.js';
import { signAsTheLab } from './other-accounts.js';
import { endpointTried, joinLocalized, profileFlag, sandboxTip } from './diagnosis-phrases.js';
import type { Diagnosis } from './diagnosis.js';
import type { Localized } from '../i18n/lang.js';

const PROVIDER_ERRORS = ['CredentialsProviderError', 'TokenProviderError', 'ProviderError'];

/** The same check works everywhere and prints which identity the terminal uses. */
const WHO_AM_I: Localized = {
  en: 'Check with: aws sts get-caller-identity',
  ko: '확인 명령: aws sts get-caller-identity',
};

/**
 * The sandbox accepts any credentials, so an auth error while the lab is in sandbox mode means the
 * call went to real AWS: the learner's own script is missing `--endpoint-url`.
 */
function sandboxAuthNote(input: DiagnoseInput): Localized | undefined {
  if (!input.ctx.sandbox) return undefined;
  const endpoint = endpointTried(input.ctx);
  return {
    en: `The sandbox accepts any credentials, so this error came from real AWS: point your script at the sandbox with --endpoint-url ${endpoint} (AWS CLI) or endpoint_url='${endpoint}' (boto3).`,
    ko: `샌드박스는 어떤 자격 증명이든 받아들이므로, 이 오류는 실제 AWS에서 온 것입니다. 스크립트가 샌드박스를 가리키도록 --endpoint-url ${endpoint}(AWS CLI) 또는 endpoint_url='${endpoint}'(boto3)를 지정하세요.`,
  };
}

/** "The SSO session associated with this profile has expired…", "Token is expired. To refresh this SSO session run 'aws sso login'…" */
const ssoSessionExpired: CatalogEntry = {
  kind: 'sso-session-expired',
  matches: (input) => named(input, ...PROVIDER_ERRORS) && /SSO session|sso login|Token is expired/i.test(input.error.message),
  diagnose: ({ ctx }) => ({
    kind: 'sso-session-expired',
    what: { en: 'Your AWS SSO (IAM Identity Center) sign-in has expired.', ko: 'AWS SSO(IAM Identity Center) 로그인이 만료되었습니다.' },
    why: {
      en: 'SSO sign-ins last a limited time (often 8–12 hours); after that the SDK cannot get new credentials for the profile.',
      ko: 'SSO 로그인은 정해진 시간(보통 8~12시간)만 유효하며, 그 뒤에는 SDK가 프로필의 자격 증명을 새로 받을 수 없습니다.',
    },
    fix: {
      en: `Sign in again: aws sso login${profileFlag(ctx)} — then run the step again.`,
      ko: `다시 로그인하세요: aws sso login${profileFlag(ctx)} — 그런 다음 단계를 다시 실행하세요.`,
    },
  }),
};

/** "Could not resolve credentials using profile: [X] in configuration/credentials file(s)." / "Profile X was not found." */
const PROFILE_IN_MESSAGE = /using profile: \[([^\]]+)\]|Profile (\S+) was not found/;

const profileNotFound: CatalogEntry = {
  kind: 'profile-not-found',
  matches: (input) => named(input, ...PROVIDER_ERRORS) && PROFILE_IN_MESSAGE.test(input.error.message),
  diagnose: ({ error, ctx }) => {
    const match = PROFILE_IN_MESSAGE.exec(error.message);
    const profile = match?.[1] ?? match?.[2] ?? ctx.profile ?? 'default';
    return {
      kind: 'profile-not-found',
      what: { en: `The AWS profile "${profile}" has no usable credentials.`, ko: `AWS 프로필 "${profile}"에 쓸 수 있는 자격 증명이 없습니다.` },
      why: {
        en: `The profile is missing from ~/.aws/config and ~/.aws/credentials, or it is there without keys, SSO or a role. It was chosen by --profile or AWS_PROFILE.`,
        ko: `~/.aws/config와 ~/.aws/credentials에 이 프로필이 없거나, 있어도 키·SSO·역할 설정이 없습니다. 프로필은 --profile 옵션이나 AWS_PROFILE 환경 변수로 정해졌습니다.`,
      },
      fix: {
        en: `List the profiles you have: aws configure list-profiles. Then use one of them (--profile NAME or export AWS_PROFILE=NAME), set this one up with aws configure --profile ${profile} (or aws configure sso --profile ${profile}), or run unset AWS_PROFILE to use the default.`,
        ko: `가진 프로필을 확인하세요: aws configure list-profiles. 그중 하나를 쓰거나(--profile 이름 또는 export AWS_PROFILE=이름), aws configure --profile ${profile}(SSO라면 aws configure sso --profile ${profile})로 이 프로필을 설정하거나, unset AWS_PROFILE로 기본 프로필을 쓰세요.`,
      },
    };
  },
};

/** When the lab's key is not known (a diagnosis made outside a lab run): the sandbox takes any values. */
const ANY_KEY = { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' };

/** "Could not load credentials from any providers" and any other provider failure. */
const noCredentials: CatalogEntry = {
  kind: 'no-credentials',
  matches: (input) => named(input, ...PROVIDER_ERRORS),
  diagnose: ({ ctx }): Diagnosis => {
    if (ctx.sandbox) {
      return {
        kind: 'no-credentials',
        what: { en: 'The AWS SDK found no credentials, even for the sandbox.', ko: 'AWS SDK가 자격 증명을 찾지 못했습니다. 샌드박스에도 자격 증명 값은 필요합니다.' },
        why: {
          en: 'SDKs sign every request, so they need some credentials even for a local endpoint; the sandbox accepts any values.',
          ko: 'SDK는 모든 요청에 서명하므로 로컬 엔드포인트에도 자격 증명 값이 있어야 합니다. 샌드박스는 어떤 값이든 받아들입니다.',
        },
        // The lab's own key: any other key is another account of the sandbox, where the lab would not see the records.
        fix: {
          en: `In the terminal that runs your script: ${signAsTheLab(ctx.labKey ?? ANY_KEY).en}`,
          ko: `스크립트를 실행하는 터미널에서: ${signAsTheLab(ctx.labKey ?? ANY_KEY).ko}`,
        },
      };
    }
    return {
      kind: 'no-credentials',
      what: { en: 'No AWS credentials were found in this terminal.', ko: '이 터미널에서 AWS 자격 증명을 찾지 못했습니다.' },
      why: {
        en: 'The SDK looked in the environment (AWS_ACCESS_KEY_ID …), ~/.aws/credentials and ~/.aws/config, SSO, and the instance or container role, and found nothing. A new terminal does not inherit variables exported in another one.',
        ko: 'SDK가 환경 변수(AWS_ACCESS_KEY_ID 등), ~/.aws/credentials와 ~/.aws/config, SSO, 인스턴스·컨테이너 역할을 모두 찾아봤지만 자격 증명이 없었습니다. 다른 터미널에서 export한 변수는 새 터미널에 이어지지 않습니다.',
      },
      fix: joinLocalized(
        {
          en: `Set them up with aws configure (access key), or aws configure sso then aws sso login${profileFlag(ctx)}. At an AWS event, paste the credentials from the event page into this terminal. CloudShell provides them already.`,
          ko: `aws configure 명령으로 액세스 키를 설정하거나, aws configure sso를 실행한 뒤 aws sso login${profileFlag(ctx)} 명령으로 로그인하세요. AWS 이벤트 실습이라면 이벤트 페이지의 자격 증명을 이 터미널에 붙여 넣으세요. CloudShell에는 이미 설정되어 있습니다.`,
        },
        WHO_AM_I,
        sandboxTip(),
      ),
    };
  },
};

/** ExpiredTokenException: "The security token included in the request is expired". */
const expiredToken: CatalogEntry = {
  kind: 'expired-token',
  matches: (input) => named(input, 'ExpiredTokenException', 'ExpiredToken') || /security token included in the request is expired/i.test(input.error.message),
  diagnose: (input) => ({
    kind: 'expired-token',
    what: { en: 'Your temporary AWS credentials have expired.', ko: '임시 AWS 자격 증명이 만료되었습니다.' },
    why: {
      en: 'Session credentials (SSO, an assumed role, an AWS event account) last only hours; AWS refuses requests signed with an expired session token.',
      ko: '세션 자격 증명(SSO, 역할 전환, AWS 이벤트 계정)은 몇 시간만 유효하며, 만료된 세션 토큰으로 서명한 요청은 AWS가 거부합니다.',
    },
    fix: joinLocalized(
      sandboxAuthNote(input),
      {
        en: `Get fresh ones: aws sso login${profileFlag(input.ctx)} for SSO, new credentials from the event page at an AWS event, or unset AWS_SESSION_TOKEN AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY if old values linger in this terminal.`,
        ko: `새 자격 증명을 받으세요. SSO라면 aws sso login${profileFlag(input.ctx)}, AWS 이벤트라면 이벤트 페이지의 새 자격 증명을 쓰고, 이 터미널에 예전 값이 남아 있다면 unset AWS_SESSION_TOKEN AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY를 실행하세요.`,
      },
      WHO_AM_I,
    ),
  }),
};

/** "Signature expired: … is now earlier than …", RequestTimeTooSkewed: the computer's clock is off. */
const clockSkew: CatalogEntry = {
  kind: 'clock-skew',
  matches: (input) =>
    named(input, 'RequestTimeTooSkewed', 'RequestInTheFuture', 'RequestExpired') ||
    (named(input, 'InvalidSignatureException', 'SignatureDoesNotMatch') && /Signature expired|not yet current|time.*skew/i.test(input.error.message)),
  diagnose: (input) => ({
    kind: 'clock-skew',
    what: { en: "This computer's clock is too far from AWS's time.", ko: '이 컴퓨터의 시계가 AWS 시간과 너무 많이 차이 납니다.' },
    why: {
      en: 'Every request is signed with the current time, and AWS refuses signatures more than 5 minutes off. Laptops after sleep and VMs drift.',
      ko: '모든 요청에는 현재 시각이 들어간 서명이 붙고, AWS는 5분 넘게 차이 나는 서명을 거부합니다. 절전 후의 노트북이나 가상 머신에서 시계가 자주 어긋납니다.',
    },
    fix: joinLocalized(sandboxAuthNote(input), {
      en: 'Compare date -u with the real UTC time, then turn on time sync: sudo timedatectl set-ntp true (Linux), or Settings → Date & Time → set automatically (macOS, Windows).',
      ko: 'date -u 결과를 실제 UTC 시각과 비교한 뒤 시간 동기화를 켜세요: sudo timedatectl set-ntp true(Linux), 또는 설정 → 날짜 및 시간 → 자동 설정(macOS, Windows).',
    }),
  }),
};

/** UnrecognizedClientException: "The security token included in the request is invalid." */
const invalidCredentials: CatalogEntry = {
  kind: 'invalid-credentials',
  matches: (input) =>
    named(input, 'UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId', 'AuthFailure') ||
    /security token included in the request is invalid/i.test(input.error.message),
  diagnose: (input) => ({
    kind: 'invalid-credentials',
    what: { en: 'AWS does not recognise the credentials in use.', ko: 'AWS가 지금 쓰는 자격 증명을 알아보지 못합니다.' },
    why: {
      en: 'The access key was deleted or deactivated, was mistyped, belongs to a different partition (e.g. China), or a leftover AWS_SESSION_TOKEN was paired with a permanent key.',
      ko: '액세스 키가 삭제·비활성화되었거나, 잘못 입력되었거나, 다른 파티션(예: 중국 리전)의 키이거나, 남아 있던 AWS_SESSION_TOKEN이 영구 키와 함께 쓰였을 수 있습니다.',
    },
    fix: joinLocalized(
      sandboxAuthNote(input),
      {
        en: `Look at what the terminal uses: aws configure list${profileFlag(input.ctx)}. Remove stale variables (unset AWS_SESSION_TOKEN), re-enter the key with aws configure, or create a new access key in the IAM console.`,
        ko: `터미널이 쓰는 자격 증명을 확인하세요: aws configure list${profileFlag(input.ctx)}. 남은 변수를 지우거나(unset AWS_SESSION_TOKEN), aws configure로 키를 다시 입력하거나, IAM 콘솔에서 새 액세스 키를 만드세요.`,
      },
      WHO_AM_I,
    ),
  }),
};

/** InvalidSignatureException / SignatureDoesNotMatch without a time problem: the secret key does not fit the key ID. */
const signatureMismatch: CatalogEntry = {
  kind: 'signature-mismatch',
  matches: (input) => named(input, 'InvalidSignatureException', 'SignatureDoesNotMatch', 'IncompleteSignatureException', 'IncompleteSignature'),
  diagnose: (input) => ({
    kind: 'signature-mismatch',
    what: { en: 'AWS rejected the request signature.', ko: 'AWS가 요청 서명을 거부했습니다.' },
    why: {
      en: 'The secret access key does not belong to the access key ID (a typo or a pasted space is common), or a proxy changed the request on the way.',
      ko: '비밀 액세스 키가 액세스 키 ID와 짝이 맞지 않습니다(오타나 함께 붙여 넣은 공백이 흔한 원인입니다). 또는 프록시가 중간에 요청을 바꿨을 수 있습니다.',
    },
    fix: joinLocalized(
      sandboxAuthNote(input),
      {
        en: `Enter the key pair again with aws configure${profileFlag(input.ctx)}, copying both values whole, or check AWS_SECRET_ACCESS_KEY in this terminal.`,
        ko: `aws configure${profileFlag(input.ctx)} 명령으로 키 두 개를 처음부터 다시 입력하거나(값 전체를 복사하세요), 이 터미널의 AWS_SECRET_ACCESS_KEY 값을 확인하세요.`,
      },
      WHO_AM_I,
    ),
  }),
};

export const CREDENTIALS_ENTRIES: readonly CatalogEntry[] = [
  ssoSessionExpired,
  profileNotFound,
  noCredentials,
  expiredToken,
  clockSkew,
  invalidCredentials,
  signatureMismatch,
];
