import type { Localized } from '../i18n/lang.js';
import { validateRegion } from '../validate/region.js';
import { named, type CatalogEntry, type DiagnoseInput } from './catalog-entry.js';
import { endpointTried, joinLocalized, secondsPhrase, whereTried } from './diagnosis-phrases.js';
import { onSurface } from '../i18n/surface.js';
import { commandLine } from '../i18n/command-line.js';
import type { DiagnosisContext } from './diagnosis.js';

const NETWORK_RETRY_MS = 3000;
const SERVICE_RETRY_MS = 5000;

function hasCode(input: DiagnoseInput, ...codes: string[]): boolean {
  return input.error.code !== undefined && codes.includes(input.error.code);
}

/** `AWS_ENDPOINT_URL*` and `--endpoint-url` send calls somewhere other than AWS; worth naming when a custom endpoint fails. */
function customEndpointNote(input: DiagnoseInput): Localized | undefined {
  if (input.ctx.sandbox || !input.ctx.endpoint) return undefined;
  return {
    en: `A custom endpoint is set (${input.ctx.endpoint}, from --endpoint-url or AWS_ENDPOINT_URL…); for real AWS, remove it.`,
    ko: `사용자 지정 엔드포인트(${input.ctx.endpoint}, --endpoint-url 또는 AWS_ENDPOINT_URL…)가 설정되어 있습니다. 실제 AWS를 쓰려면 지우세요.`,
  };
}

function what(input: DiagnoseInput, en: string, ko: string): Localized {
  const where = whereTried(input.ctx);
  return { en: `${en} ${where.en}.`, ko: `${where.ko}${ko}` };
}

/** ECONNREFUSED: nothing listens at the endpoint (a stopped sandbox, a wrong port). */
const endpointRefused: CatalogEntry = {
  kind: 'endpoint-refused',
  matches: (input) => hasCode(input, 'ECONNREFUSED'),
  diagnose: (input) => ({
    kind: 'endpoint-refused',
    what: what(input, 'Could not connect to', '에 연결할 수 없습니다(연결 거부).'),
    why: input.ctx.sandbox
      ? {
          en: `Nothing is listening at ${endpointTried(input.ctx)}: the sandbox has stopped, or your script uses another port.`,
          ko: `${endpointTried(input.ctx)} 주소에서 응답하는 프로그램이 없습니다. 샌드박스가 멈췄거나, 스크립트가 다른 포트를 쓰고 있습니다.`,
        }
      : {
          en: `Nothing is listening there (${input.error.host ?? endpointTried(input.ctx)}). With real AWS this almost always means a wrong --endpoint-url or AWS_ENDPOINT_URL, or a proxy that is down.`,
          ko: `그 주소(${input.error.host ?? endpointTried(input.ctx)})에서 응답하는 프로그램이 없습니다. 실제 AWS라면 거의 항상 --endpoint-url이나 AWS_ENDPOINT_URL 값이 잘못되었거나 프록시가 꺼진 경우입니다.`,
        },
    fix: input.ctx.sandbox
      ? {
          en: `Start the sandbox again (${commandLine('--sandbox')}) and use the endpoint it prints in your script (--endpoint-url).`,
          ko: `샌드박스를 다시 시작하고(${commandLine('--sandbox')}), 화면에 나오는 엔드포인트를 스크립트에 쓰세요(--endpoint-url).`,
        }
      : joinLocalized(customEndpointNote(input), {
          en: 'Check with: env | grep -i -E "endpoint|proxy"',
          ko: '확인 명령: env | grep -i -E "endpoint|proxy"',
        }),
  }),
};

/** ENOTFOUND / EAI_AGAIN: the host name does not resolve; often a misspelt region inside it. */
const dnsFailure: CatalogEntry = {
  kind: 'dns-failure',
  matches: (input) => hasCode(input, 'ENOTFOUND', 'EAI_AGAIN'),
  diagnose: (input) => {
    const host = input.error.host ?? new URL(endpointTried(input.ctx)).host;
    const region = validateRegion(input.ctx.region);
    const temporary = input.error.code === 'EAI_AGAIN';
    const why: Localized = !region.ok
      ? { en: `The host name is built from the region, and the region is wrong: ${region.message.en}`, ko: `호스트 이름은 리전으로 만들어지는데, 리전이 잘못되었습니다: ${region.message.ko}` }
      : temporary
        ? { en: `Name lookup for ${host} failed for now: the network or its DNS server is not answering.`, ko: `${host} 이름 조회가 지금 실패했습니다. 네트워크나 DNS 서버가 응답하지 않습니다.` }
        : {
            en: `The name ${host} does not resolve: this computer is offline, or the host in --endpoint-url / AWS_ENDPOINT_URL is misspelt.`,
            ko: `${host} 이름을 찾을 수 없습니다. 컴퓨터가 오프라인이거나, --endpoint-url / AWS_ENDPOINT_URL의 호스트 이름에 오타가 있습니다.`,
          };
    const fix: Localized = !region.ok
      ? {
          en: 'Run with the right --region, or fix it in this terminal: export AWS_REGION=ap-northeast-2 (your region code).',
          ko: '올바른 --region으로 실행하거나, 이 터미널에서 고치세요: export AWS_REGION=ap-northeast-2(사용할 리전 코드).',
        }
      : joinLocalized(customEndpointNote(input), {
          en: `Check the connection (ping -c 1 ${host}) and retry.`,
          ko: `연결을 확인하고(ping -c 1 ${host}) 다시 시도하세요.`,
        });
    return {
      kind: 'dns-failure',
      what: what(input, 'Could not find the server for', '의 서버 주소를 찾지 못했습니다.'),
      why,
      fix,
      ...(temporary && region.ok ? { autoFix: { type: 'wait-and-retry' as const, delayMs: NETWORK_RETRY_MS } } : {}),
    };
  },
};

/** ETIMEDOUT, the SDK's TimeoutError, RequestTimeout, the lab's own deadlines: no answer in time. */
const networkTimeout: CatalogEntry = {
  kind: 'network-timeout',
  matches: (input) => hasCode(input, 'ETIMEDOUT', 'ESOCKETTIMEDOUT') || named(input, 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException'),
  diagnose: (input) => {
    const deadline = input.error.deadline;
    return {
      kind: 'network-timeout',
      what: deadline ? deadlineWhat(input, deadline) : what(input, 'No answer in time from', '에서 제시간에 응답이 없었습니다.'),
      why: deadline?.phase === 'first-byte' || deadline?.phase === 'whole' ? stalledWhy(input) : slowNetworkWhy,
      fix: joinLocalized(customEndpointNote(input), retry(input.ctx), {
        en: 'If it keeps happening, check HTTPS_PROXY and your firewall, or try another network.',
        ko: '계속되면 HTTPS_PROXY 설정과 방화벽을 확인하거나 다른 네트워크를 써 보세요.',
      }, deadline && {
        en: `A slow network may need more time: KINESIS_LAB_CALL_TIMEOUT=${Math.ceil((deadline.limitMs * 2) / 1000)}s sets how long each call waits (now ${secondsPhrase(deadline.limitMs).en}).`,
        ko: `네트워크가 느리다면 더 기다려야 할 수 있습니다. KINESIS_LAB_CALL_TIMEOUT=${Math.ceil((deadline.limitMs * 2) / 1000)}s 로 호출마다 기다릴 시간을 정합니다(지금 ${secondsPhrase(deadline.limitMs).ko}).`,
      }),
      autoFix: { type: 'wait-and-retry', delayMs: NETWORK_RETRY_MS },
    };
  },
};

const slowNetworkWhy: Localized = {
  en: 'The network is slow or blocked (a firewall or proxy that drops HTTPS to AWS), or the endpoint is not reachable from here.',
  ko: '네트워크가 느리거나 막혀 있습니다(AWS로 가는 HTTPS를 막는 방화벽이나 프록시). 또는 여기서는 그 엔드포인트에 닿을 수 없습니다.',
};

/** Which deadline ran out, after every attempt the SDK made. */
function deadlineWhat(input: DiagnoseInput, deadline: NonNullable<DiagnoseInput['error']['deadline']>): Localized {
  const where = whereTried(input.ctx);
  const { en: n, ko: nKo } = secondsPhrase(deadline.limitMs);
  switch (deadline.phase) {
    case 'connect':
      return { en: `Could not connect to ${where.en} within ${n}.`, ko: `${where.ko}에 ${nKo} 안에 연결하지 못했습니다.` };
    case 'first-byte':
      return { en: `The endpoint accepted the connection but never answered in ${n}: ${where.en}.`, ko: `엔드포인트가 연결은 받았지만 ${nKo} 동안 응답하지 않았습니다: ${where.ko}.` };
    case 'whole':
      return { en: `The endpoint started answering but did not finish within ${n}: ${where.en}.`, ko: `엔드포인트가 응답을 시작했지만 ${nKo} 안에 끝내지 못했습니다: ${where.ko}.` };
  }
}

/** Connected, then silence: something is there but not serving (a suspended process, a proxy that holds the request). */
function stalledWhy(input: DiagnoseInput): Localized {
  if (input.ctx.sandbox) {
    return {
      en: 'Something listens there but does not answer: a sandbox suspended with Ctrl+Z (run fg in its terminal), or a program that is not the sandbox.',
      ko: '그 주소에서 무언가가 연결은 받지만 응답하지 않습니다. Ctrl+Z로 멈춘 샌드박스(그 터미널에서 fg 실행)이거나, 샌드박스가 아닌 프로그램입니다.',
    };
  }
  return {
    en: 'Something accepted the connection and then stayed silent: a proxy or firewall that holds requests, a suspended emulator, or a service in trouble.',
    ko: '무언가가 연결을 받은 뒤 응답하지 않았습니다. 요청을 붙잡아 두는 프록시나 방화벽, 멈춘 에뮬레이터, 또는 문제가 생긴 서비스입니다.',
  };
}

/** ECONNRESET / EPIPE: the connection dropped mid-request. */
const connectionReset: CatalogEntry = {
  kind: 'connection-reset',
  matches: (input) => hasCode(input, 'ECONNRESET', 'EPIPE') || /socket hang up/i.test(input.error.message),
  diagnose: (input) => ({
    kind: 'connection-reset',
    what: what(input, 'The connection dropped while talking to', '에 대한 연결이 요청 도중에 끊겼습니다.'),
    why: {
      en: 'A proxy, VPN or unstable network closed it, or the server restarted. Retrying is usually enough.',
      ko: '프록시, VPN, 불안정한 네트워크가 연결을 닫았거나 서버가 재시작되었습니다. 보통 다시 시도하면 됩니다.',
    },
    fix: retry(input.ctx),
    autoFix: { type: 'wait-and-retry', delayMs: NETWORK_RETRY_MS },
  }),
};

/** EHOSTUNREACH / ENETUNREACH / ENETDOWN: no route at all. */
const networkUnreachable: CatalogEntry = {
  kind: 'network-unreachable',
  matches: (input) => hasCode(input, 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN'),
  diagnose: (input) => ({
    kind: 'network-unreachable',
    what: what(input, 'The network cannot reach', '에 닿을 네트워크 경로가 없습니다.'),
    why: { en: 'This computer has no working network route (offline, Wi-Fi dropped, VPN down).', ko: '이 컴퓨터에 쓸 수 있는 네트워크 경로가 없습니다(오프라인, Wi-Fi 끊김, VPN 끊김).' },
    fix: joinLocalized(
      { en: 'Reconnect to a network.', ko: '네트워크에 다시 연결하세요.' },
      retry(input.ctx),
      { en: `No network? The sandbox works offline: ${commandLine('--sandbox')}.`, ko: `네트워크가 없다면 오프라인으로 동작하는 샌드박스를 쓰세요: ${commandLine('--sandbox')}.` },
    ),
    autoFix: { type: 'wait-and-retry', delayMs: NETWORK_RETRY_MS },
  }),
};

const TLS_CODES = [
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
];

/** Certificate failures: almost always a company proxy that re-signs HTTPS. */
const tlsFailure: CatalogEntry = {
  kind: 'tls-failure',
  matches: (input) => hasCode(input, ...TLS_CODES),
  diagnose: (input) => ({
    kind: 'tls-failure',
    what: what(input, 'The secure (TLS) connection failed for', '에 대한 보안(TLS) 연결이 실패했습니다.'),
    why: {
      en: `Node does not trust the certificate it got (${input.error.code}). A company proxy that inspects HTTPS is the usual cause; an http:// sandbox endpoint written as https:// is another.`,
      ko: `Node가 받은 인증서를 신뢰하지 않습니다(${input.error.code}). HTTPS를 검사하는 회사 프록시가 흔한 원인이고, http:// 샌드박스 주소를 https://로 쓴 경우도 있습니다.`,
    },
    fix: {
      en: "Give Node your company's root certificate: export NODE_EXTRA_CA_CERTS=/path/to/company-ca.pem, then run again. For the sandbox, use the http:// address it prints.",
      ko: '회사 루트 인증서를 Node에 알려 주세요: export NODE_EXTRA_CA_CERTS=/경로/company-ca.pem 후 다시 실행하세요. 샌드박스라면 화면에 나오는 http:// 주소를 쓰세요.',
    },
  }),
};

/**
 * The endpoint answered, but not like an AWS service: an HTML page, a 404 without an AWS error
 * name, or HTTP/2 or HTTP parse errors. Typical of a wrong --endpoint-url.
 */
const notAnAwsEndpoint: CatalogEntry = {
  kind: 'not-an-aws-endpoint',
  matches: (input) =>
    (input.error.code !== undefined && /^(ERR_HTTP2_|HPE_)/.test(input.error.code)) ||
    /Deserialization error|Unexpected token '?<|is not valid JSON/i.test(input.error.message) ||
    (input.ctx.endpoint !== undefined && (named(input, 'UnknownError') || /^\d{3}$/.test(input.error.name))),
  diagnose: (input) => ({
    kind: 'not-an-aws-endpoint',
    what: what(input, 'Got an answer that is not from an AWS-compatible service at', '에서 AWS 호환 서비스가 아닌 응답을 받았습니다.'),
    why: {
      en: `Something else listens at ${endpointTried(input.ctx)} (a web server, a different emulator, the wrong port).${input.error.status ? ` HTTP status ${input.error.status}.` : ''}`,
      ko: `${endpointTried(input.ctx)} 주소에서 다른 프로그램(웹 서버, 다른 에뮬레이터, 잘못된 포트)이 응답하고 있습니다.${input.error.status ? ` HTTP 상태 ${input.error.status}.` : ''}`,
    },
    fix: input.ctx.sandbox
      ? {
          en: 'Use exactly the endpoint the sandbox prints when it starts (--endpoint-url), with http:// and its port.',
          ko: '샌드박스가 시작할 때 출력하는 엔드포인트(http://와 포트 포함)를 그대로 쓰세요(--endpoint-url).',
        }
      : {
          en: 'Check --endpoint-url and AWS_ENDPOINT_URL; for real AWS, leave both unset.',
          ko: '--endpoint-url과 AWS_ENDPOINT_URL을 확인하세요. 실제 AWS를 쓸 때는 둘 다 비워 두세요.',
        },
  }),
};

/** AbortError: the request was cancelled (Ctrl+C, a stop key, a step timeout), not failed. */
const requestAborted: CatalogEntry = {
  kind: 'request-aborted',
  matches: (input) => named(input, 'AbortError'),
  diagnose: (input) => ({
    kind: 'request-aborted',
    what: { en: `The request${input.ctx.operation ? ` (${input.ctx.operation})` : ''} was cancelled.`, ko: `요청${input.ctx.operation ? `(${input.ctx.operation})` : ''}이 취소되었습니다.` },
    why: { en: 'It was stopped before an answer came (a stop key, Ctrl+C, or a time limit).', ko: '응답이 오기 전에 멈췄습니다(중지 키, Ctrl+C, 시간 제한).' },
    fix: { en: 'Run the step again when you are ready.', ko: '준비되면 단계를 다시 실행하세요.' },
  }),
};

/** 5xx and InternalFailure: AWS's side had a problem; retrying is the fix. */
const serviceUnavailable: CatalogEntry = {
  kind: 'service-unavailable',
  matches: (input) =>
    named(input, 'InternalFailureException', 'InternalFailure', 'InternalException', 'InternalServerError', 'ServiceUnavailable', 'ServiceUnavailableException') ||
    (input.error.status !== undefined && input.error.status >= 500),
  diagnose: (input) => ({
    kind: 'service-unavailable',
    what: what(input, 'The service had an internal problem at', '에서 서비스 내부 오류가 났습니다.'),
    why: {
      en: `This is on the service's side, not in your request${input.error.status ? ` (HTTP ${input.error.status})` : ''}. It usually passes within seconds.`,
      ko: `요청이 아니라 서비스 쪽 문제입니다${input.error.status ? `(HTTP ${input.error.status})` : ''}. 보통 몇 초 안에 사라집니다.`,
    },
    fix: joinLocalized(retry(input.ctx), {
      en: 'If it lasts, look at the AWS Health Dashboard for the region.',
      ko: '계속되면 AWS Health Dashboard에서 해당 리전 상태를 확인하세요.',
    }),
    autoFix: { type: 'wait-and-retry', delayMs: SERVICE_RETRY_MS },
  }),
};

export const NETWORK_ENTRIES: readonly CatalogEntry[] = [
  endpointRefused,
  dnsFailure,
  networkTimeout,
  connectionReset,
  networkUnreachable,
  tlsFailure,
  notAnAwsEndpoint,
  requestAborted,
  serviceUnavailable,
];

/** "Retry": the fix key in the TUI, the same command again outside it. */
function retry(ctx: DiagnosisContext): Localized {
  return onSurface(ctx.surface, {
    tui: { en: 'Retry (press the key below).', ko: '다시 시도하세요(아래 키).' },
    cli: { en: 'Run the same command again.', ko: '같은 명령을 다시 실행하세요.' },
  });
}
